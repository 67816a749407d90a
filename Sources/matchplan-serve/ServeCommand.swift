import ArgumentParser
import Foundation
import Hummingbird
import MatchPlanLoad
import MatchPlanModel
import MatchPlanPipeline
import MatchPlanServeOptions

/// `matchplan-serve` (run as `matchplan serve`): builds a school's site into memory, serves it
/// on 127.0.0.1 only, and rebuilds it when a file under the content, templates, pages or the
/// config changes (polled every half second). A failed rebuild prints its error and the last
/// good site stays up. A program of its own so that `matchplan` builds without Hummingbird.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matchplan serve",
        abstract: ServeOptions.abstract,
        discussion: """
        Example:
          matchplan serve --config site.yaml --port 8000

        Serves on 127.0.0.1 only (not reachable from other computers). Rebuilds when a file \
        under the content, templates or pages folders, the logo or the config changes; a \
        rebuild that fails prints the error and keeps the last good site. Stop with Ctrl-C.
        """
    )

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let (config, port, templates, content) = (options.config, options.port, options.templates, options.content)
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let paths: ProjectPaths, overrides: String?
        do {
            if let builtIn = try? ProjectPaths.resolve(content: content, templates: nil, executablePath: executable) {
                (paths, overrides) = (builtIn, templates)
            } else {
                (paths, overrides) = (try ProjectPaths.resolve(content: content, templates: templates, executablePath: executable), nil)
            }
        } catch let error as MatchPlanError {
            printError("matchplan: error: \(error)")
            throw ExitCode(error.kind.exitCode)
        }
        var build = SiteBuild(paths: paths, configPath: config, templateOverrides: overrides)
        build.onNotice = { printError("matchplan: note: \($0)") }
        let preview = SitePreview(build: build)
        let configPath = config
        report(preview.rebuildIfChanged(), first: true)

        setenv("LOG_LEVEL", "error", 0)  // Hummingbird's own start-up lines stay quiet unless asked for
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let answer = preview.response(for: request.uri.path)
            return Response(status: .init(code: answer.status), headers: [.contentType: answer.mediaType, .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        router.get("/", use: handler)
        router.get("**", use: handler)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "matchplan"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                print("serving \(configPath) at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)")
                fflush(nil)
            }
        )
        let watcher = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                report(preview.rebuildIfChanged(), first: false)
            }
        }
        defer { watcher.cancel() }
        try await app.runService()
    }
}

/// Prints what a rebuild did: nothing when nothing changed.
func report(_ outcome: SitePreview.Outcome, first: Bool) {
    switch outcome {
    case .built(let count):
        print(first ? "built \(count) files" : "rebuilt \(count) files")
        fflush(nil)
    case .failed(let error):
        printError("matchplan: error: \(error)" + (first ? "" : " (still serving the last site that built)"))
    case .unchanged:
        break
    }
}

func printError(_ line: String) {
    try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
}
