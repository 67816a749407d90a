import ArgumentParser
import Foundation
import MatchPlanModel

/// `matchplan serve`: runs the `matchplan-serve` program that sits beside this binary (a
/// program of its own, so building `matchplan` does not build the web server). Its options are
/// declared here too, so `matchplan serve --help` and argument errors read as every command's.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a school's advising site on this computer while you edit it.",
        discussion: """
        Example:
          matchplan serve --config site.yaml --port 8000

        Serves on 127.0.0.1 only and prints the address. Rebuilds when a file under the \
        content, templates or pages folders, the logo or the config changes; a rebuild that \
        fails prints the error and keeps the last good site. Missing paths get the site's 404 \
        page. Needs the matchplan-serve program beside matchplan \
        (swift build -c release --product matchplan-serve).
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

    func run() throws {
        let server = ((runningBinaryPath() as NSString).deletingLastPathComponent as NSString).appendingPathComponent("matchplan-serve")
        guard FileManager.default.isExecutableFile(atPath: server) else {
            Console.err("""
                matchplan: error: serve needs the matchplan-serve program beside matchplan, at \(server); \
                build it with: swift build -c release --static-swift-stdlib --product matchplan-serve\n
                """)
            throw ExitCode(69)  // EX_UNAVAILABLE
        }
        var arguments = [server, "--config", config, "--port", "\(port)"]
        if let templates { arguments += ["--templates", templates] }
        if let content { arguments += ["--content", content] }
        fflush(nil)
        let argv = arguments.map { strdup($0) } + [nil]
        execv(server, argv)
        Console.err("matchplan: error: cannot run \(server): \(String(cString: strerror(errno)))\n")
        throw ExitCode(MatchPlanError.Kind.internalError.exitCode)
    }
}
