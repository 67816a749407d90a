import ArgumentParser
import Foundation
import Hummingbird
import MatchPlanLoad
import MatchPlanModel
import MatchPlanPipeline

/// `matchplan-serve` (run as `matchplan serve`): builds a school's site into memory, serves it
/// on 127.0.0.1 only, and rebuilds it when a file under the content, templates, pages or the
/// config changes (polled every half second). A failed rebuild prints its error and the last
/// good site stays up. A program of its own so that `matchplan` builds without Hummingbird.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matchplan serve",
        abstract: "Preview a school's advising site on this computer while you edit it.",
        discussion: """
        Example:
          matchplan serve --config site.yaml --port 8000

        Serves on 127.0.0.1 only (not reachable from other computers). Rebuilds when a file \
        under the content, templates or pages folders, the logo or the config changes; a \
        rebuild that fails prints the error and keeps the last good site. Stop with Ctrl-C.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site configuration (see Content/site/site.yaml).", valueName: "file"))
    var config: String

    @Option(name: .long, help: ArgumentHelp("Port on 127.0.0.1 (0 picks a free one).", valueName: "n"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("Template overrides, over the built-in set.", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Guidance content folder (rules.yaml, cycles/, guidance/).", valueName: "dir"))
    var content: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port expects a port from 0 to 65535; got \(port)") }
    }

    func run() async throws {
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
