import Foundation
import MatchPlanModel

/// The load stage's seam to the file system: how an input file's text is read. ``disk`` reads
/// through ``SourceText/read(_:)`` (UTF-8 only, BOM dropped, CRLF folded, size capped);
/// ``memory(_:)`` serves files from a dictionary with the same decoding, so tests of loading
/// and planning need no disk. Used for the profile and the rules; guidance pages, cycles and
/// templates are still read from their folders directly.
public struct FileIO: Sendable {
    /// Reads and decodes the text file at a path.
    /// - Throws: ``MatchPlanError`` `.noInput` when it is missing; `.data` when it is not UTF-8 or too large.
    public var readText: @Sendable (String) throws -> SourceText

    public init(readText: @escaping @Sendable (String) throws -> SourceText) {
        self.readText = readText
    }

    /// The real file system.
    public static let disk = FileIO { try SourceText.read($0) }

    /// Files held in memory (path → text as stored on disk, so a BOM or CRLF is decoded as there).
    public static func memory(_ files: [String: String]) -> FileIO {
        FileIO { path in
            guard let text = files[path] else { throw MatchPlanError(.noInput, file: path, "file not found") }
            return try SourceText.decode(Data(text.utf8), path: path)
        }
    }
}
