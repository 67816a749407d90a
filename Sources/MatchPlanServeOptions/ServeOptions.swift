import ArgumentParser

/// The options of `matchplan serve`, declared once for the two programs that parse them:
/// `matchplan` (which checks them, so `matchplan serve --help` and argument errors read as
/// every command's, then execs `matchplan-serve` with ``arguments``) and `matchplan-serve`
/// (which serves). A target of its own with only ArgumentParser, so `matchplan` still builds
/// without Hummingbird and SwiftNIO.
public struct ServeOptions: ParsableArguments {
    /// The one-line description both programs show.
    public static let abstract = "Preview a school's advising site on this computer while you edit it."

    @Option(name: .long, help: ArgumentHelp("The site configuration (see Content/site/site.yaml).", valueName: "file"))
    public var config: String

    /// TCP port on 127.0.0.1; 0 lets the system pick a free one.
    @Option(name: .long, help: ArgumentHelp("Port on 127.0.0.1 (0 picks a free one).", valueName: "n"))
    public var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("Template overrides, over the built-in set.", valueName: "dir"))
    public var templates: String?

    @Option(name: .long, help: ArgumentHelp("Guidance content folder (rules.yaml, cycles/, guidance/).", valueName: "dir"))
    public var content: String?

    public init() {}

    /// - Throws: `ValidationError` for a port outside 0…65535.
    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port expects a port from 0 to 65535; got \(port)") }
    }

    /// The options as command-line arguments, to hand to `matchplan-serve`.
    public var arguments: [String] {
        var arguments = ["--config", config, "--port", "\(port)"]
        if let templates { arguments += ["--templates", templates] }
        if let content { arguments += ["--content", content] }
        return arguments
    }
}
