import ArgumentParser
import Foundation
import MatchPlanModel
import MatchPlanServeOptions

/// `matchplan serve`: runs the `matchplan-serve` program that sits beside this binary (a
/// program of its own, so building `matchplan` does not build the web server). Its options
/// (``ServeOptions``) are parsed here too, so `matchplan serve --help` and argument errors read
/// as every command's.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: ServeOptions.abstract,
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

    @OptionGroup var options: ServeOptions

    func run() throws {
        let server = ((runningBinaryPath() as NSString).deletingLastPathComponent as NSString).appendingPathComponent("matchplan-serve")
        guard FileManager.default.isExecutableFile(atPath: server) else {
            Console.err("""
                matchplan: error: serve needs the matchplan-serve program beside matchplan, at \(server); \
                build it with: swift build -c release --static-swift-stdlib --product matchplan-serve\n
                """)
            throw ExitCode(69)  // EX_UNAVAILABLE
        }
        let arguments = [server] + options.arguments
        fflush(nil)
        let argv = arguments.map { strdup($0) } + [nil]
        execv(server, argv)
        Console.err("matchplan: error: cannot run \(server): \(String(cString: strerror(errno)))\n")
        throw ExitCode(MatchPlanError.Kind.internalError.exitCode)
    }
}
