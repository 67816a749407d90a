import Foundation
import MatchPlanModel

/// The load stage's seam to the file system: how an input file's text is read. ``disk`` reads
/// through ``SourceText/read(_:)`` (UTF-8 only, BOM dropped, CRLF folded, size capped);
/// ``memory(_:)`` serves files from a dictionary with the same decoding, so tests of loading
/// and planning need no disk. Used for the profile and the rules; guidance pages, cycles and
/// templates are still read from their folders directly (each as a regular file inside its
/// folder, ``SafeFile``).
public struct FileIO: Sendable {
    /// Reads and decodes the text file at a path; when a folder is given, the file must be a
    /// regular file inside it (links followed, ``SafeFile``).
    /// - Throws: ``MatchPlanError`` `.noInput` when it is missing; `.data` when it is not UTF-8,
    ///   too large, not a regular file or outside the folder.
    public var read: @Sendable (_ path: String, _ folder: String?) throws -> SourceText

    public init(read: @escaping @Sendable (_ path: String, _ folder: String?) throws -> SourceText) {
        self.read = read
    }

    /// Reads the text file at `path` (inside `folder`, when given); see ``read``.
    public func readText(_ path: String, inside folder: String? = nil) throws -> SourceText {
        try read(path, folder)
    }

    /// The real file system.
    public static let disk = FileIO { path, folder in try SourceText.read(path, inside: folder) }

    /// Files held in memory (path → text as stored on disk, so a BOM or CRLF is decoded as there).
    public static func memory(_ files: [String: String]) -> FileIO {
        FileIO { path, _ in
            guard let text = files[path] else { throw MatchPlanError(.noInput, file: path, "file not found") }
            return try SourceText.decode(Data(text.utf8), path: path)
        }
    }
}
