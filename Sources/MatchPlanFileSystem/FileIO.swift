import Foundation
import MatchPlanModel

/// The load stage's seam to the file system: everything read from a user's folder goes through
/// it (profiles, rosters, rules, cycles, guidance pages, program lists, site config, school
/// pages and the files they link to, the logo, templates). ``disk`` reads through ``SafeFile``
/// (a regular file, never a device, FIFO or `/proc` file; inside its folder through every link
/// when one is given) and ``SourceText`` (UTF-8 only, BOM dropped, CRLF folded, size capped);
/// ``memory(_:)`` serves files from a dictionary with the same decoding and the same errors for
/// a missing or oversize file, so tests of loading and planning need no disk.
public struct FileIO: Sendable {
    /// What a path names, links followed (and said when they lead to a folder or nowhere).
    public enum Entry: Sendable, Equatable {
        case file
        case folder
        /// A symbolic link to a folder.
        case linkToFolder
        /// A symbolic link that leads nowhere, or in a loop.
        case brokenLink
    }

    /// Reads and decodes the text file at a path; when a folder is given, the file must be a
    /// regular file inside it (links followed, ``SafeFile``).
    /// - Throws: ``MatchPlanError`` `.noInput` when it is missing; `.data` when it is not UTF-8,
    ///   too large, not a regular file or outside the folder.
    public var read: @Sendable (_ path: String, _ folder: String?) throws -> SourceText
    /// Reads the bytes of the file at a path (at most `limit` bytes; a logo, a file a school
    /// page links to), checked as ``read`` checks.
    /// - Throws: as ``read``, and `.data` when larger than `limit`.
    public var data: @Sendable (_ path: String, _ folder: String?, _ limit: Int) throws -> Data
    /// Opens the file at a path for streaming (a roster, too large to hold), checked as ``read``
    /// checks; the caller opens and closes the stream. Nothing is read until then.
    /// - Throws: as ``read``.
    public var stream: @Sendable (_ path: String, _ folder: String?) throws -> InputStream
    /// What `path` names; nil when nothing is there.
    public var entry: @Sendable (_ path: String) -> Entry?
    /// The names in a folder, hidden ones included, in no order.
    /// - Throws: when it cannot be listed (on disk: not a folder, no permission).
    public var list: @Sendable (_ folder: String) throws -> [String]
    /// Where a folder really is, links resolved (to notice a folder reached twice through a
    /// link loop).
    /// - Throws: ``MatchPlanError`` `.data` for a broken or looping link.
    public var realPath: @Sendable (_ path: String) throws -> String

    /// The names in the folder `folder` (``list``), empty when it cannot be listed.
    public var names: @Sendable (_ folder: String) -> [String] {
        let list = self.list
        return { (try? list($0)) ?? [] }
    }

    public init(read: @escaping @Sendable (_ path: String, _ folder: String?) throws -> SourceText,
                data: @escaping @Sendable (_ path: String, _ folder: String?, _ limit: Int) throws -> Data = FileIO.diskData,
                stream: @escaping @Sendable (_ path: String, _ folder: String?) throws -> InputStream = FileIO.diskStream,
                entry: @escaping @Sendable (_ path: String) -> Entry? = FileIO.diskEntry,
                names: @escaping @Sendable (_ folder: String) throws -> [String] = FileIO.diskNames,
                realPath: @escaping @Sendable (_ path: String) throws -> String = FileIO.diskRealPath) {
        self.read = read
        self.data = data
        self.stream = stream
        self.entry = entry
        self.list = names
        self.realPath = realPath
    }

    /// The real file system.
    public static let disk = FileIO { path, folder in try SourceText.read(path, inside: folder) }

    /// Files held in memory (path → text as stored on disk, so a BOM or CRLF is decoded as there).
    /// Folders are the paths the files' paths pass through; there are no links.
    public static func memory(_ files: [String: String]) -> FileIO {
        @Sendable func bytes(_ path: String) throws -> Data {
            guard let text = files[path] else { throw MatchPlanError(.noInput, file: path, "file not found") }
            return Data(text.utf8)
        }
        @Sendable func isFolder(_ path: String) -> Bool {
            let prefix = path.hasSuffix("/") ? path : path + "/"
            return files.keys.contains { $0.hasPrefix(prefix) }
        }
        return FileIO(read: { path, _ in
            try SourceText.decode(bytes(path), path: path)
        }, data: { path, _, limit in
            let data = try bytes(path)
            guard data.count <= limit else {
                throw MatchPlanError(.data, file: path, "is larger than \(SafeFile.describe(limit)); expected a small text file")
            }
            return data
        }, stream: { path, _ in
            InputStream(data: try bytes(path))
        }, entry: { path in
            files[path] != nil ? .file : isFolder(path) ? .folder : nil
        }, names: { folder in
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            return Array(Set(files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).prefix { $0 != "/" }) }))
        }, realPath: { path in
            guard files[path] != nil || isFolder(path) else { throw MatchPlanError(.data, file: path, "broken or looping symbolic link: No such file or directory") }
            return (path as NSString).standardizingPath
        })
    }
}
