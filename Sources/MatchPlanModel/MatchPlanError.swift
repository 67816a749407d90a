/// A user-facing failure: what went wrong, where, and what was expected.
///
/// Every error the pipeline throws at a user is one of these. `description` is the
/// compiler-style message the CLI prints (`file:line:column: key: message`), and
/// ``Kind/exitCode`` maps the kind onto the BSD `sysexits.h` codes the CLI exits with.
public struct MatchPlanError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of failure this is; decides the exit code.
    public enum Kind: String, Sendable {
        /// Bad command-line usage (exit 64, `EX_USAGE`).
        case usage
        /// Input that was read but is wrong: syntax, types, ranges, unknown keys (exit 65, `EX_DATAERR`).
        case data
        /// An input file or folder that does not exist or cannot be read (exit 66, `EX_NOINPUT`).
        case noInput
        /// Output that cannot be created or written (exit 73, `EX_CANTCREAT`).
        case cannotCreate
        /// A bug in MatchPlan itself (exit 70, `EX_SOFTWARE`).
        case internalError

        /// The process exit code for this kind (BSD `sysexits.h`).
        public var exitCode: Int32 {
            switch self {
            case .usage: 64
            case .data: 65
            case .noInput: 66
            case .cannotCreate: 73
            case .internalError: 70
            }
        }
    }

    /// A position in a text file: 1-based line and column (column counts characters).
    public struct Location: Equatable, Sendable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    public var kind: Kind
    /// The file the problem is in, as the user named it (relative paths stay relative).
    public var file: String?
    /// Where in `file`, when known.
    public var location: Location?
    /// The key path of the offending field, e.g. `step2ck.score`.
    public var keyPath: String?
    /// What is wrong and what was expected, as one or two sentences.
    public var message: String
    /// The pipeline stage that failed (set by ``Stage/run(file:_:)``); not part of the printed
    /// message, which stays `file:line:column: key.path: message`.
    public var stage: Stage?

    public init(_ kind: Kind, file: String? = nil, location: Location? = nil, keyPath: String? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line:column: key.path: message`, leaving out the parts that are unknown; control
    /// characters from input (ESC, NUL, line breaks) are escaped as `\u{…}` (``PrintableText``).
    public var description: String {
        var prefix = ""
        if let file {
            prefix = file
            if let location { prefix += ":\(location.line):\(location.column)" }
            prefix += ": "
        }
        if let keyPath, !keyPath.isEmpty { prefix += "\(keyPath): " }
        return PrintableText.escaping(prefix + message)
    }

    /// The same error placed in `file` (used when a lower layer did not know the file name).
    public func inFile(_ file: String) -> MatchPlanError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }
}
