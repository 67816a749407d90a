import Foundation
import MatchPlanModel

/// The load stage's seam to the file system: how an input file's text is read. ``disk`` reads
/// through ``SourceText/read(_:)`` (UTF-8 only, BOM dropped, CRLF folded, size capped);
/// ``memory(_:)`` serves files from a dictionary with the same decoding, so tests of loading
/// and planning need no disk. Used for the profile, the rules and the templates (read and
/// listed); guidance pages, cycles and rosters are still read from their folders directly
/// (each as a regular file inside its folder, ``SafeFile``).
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

    /// What `path` names; nil when nothing is there.
    public var entry: @Sendable (_ path: String) -> Entry?
    /// The names in the folder `folder`, hidden ones included, in no order (empty when it is
    /// not a folder).
    public var names: @Sendable (_ folder: String) -> [String]

    public init(read: @escaping @Sendable (_ path: String, _ folder: String?) throws -> SourceText,
                entry: @escaping @Sendable (_ path: String) -> Entry? = FileIO.diskEntry,
                names: @escaping @Sendable (_ folder: String) -> [String] = FileIO.diskNames) {
        self.read = read
        self.entry = entry
        self.names = names
    }

    /// ``entry`` on the real file system (`lstat`, then `stat` through a link).
    public static let diskEntry: @Sendable (String) -> Entry? = { path in
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        var kind = info.st_mode & S_IFMT
        let isLink = kind == S_IFLNK
        if isLink {
            var target = stat()
            guard stat(path, &target) == 0 else { return .brokenLink }
            kind = target.st_mode & S_IFMT
        }
        if kind == S_IFDIR { return isLink ? .linkToFolder : .folder }
        return .file
    }

    /// ``names`` on the real file system.
    public static let diskNames: @Sendable (String) -> [String] = { folder in
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    /// Reads the text file at `path` (inside `folder`, when given); see ``read``.
    public func readText(_ path: String, inside folder: String? = nil) throws -> SourceText {
        try read(path, folder)
    }

    /// The real file system.
    public static let disk = FileIO { path, folder in try SourceText.read(path, inside: folder) }

    /// Files held in memory (path → text as stored on disk, so a BOM or CRLF is decoded as there).
    /// Folders are the paths the files' paths pass through.
    public static func memory(_ files: [String: String]) -> FileIO {
        FileIO(read: { path, _ in
            guard let text = files[path] else { throw MatchPlanError(.noInput, file: path, "file not found") }
            return try SourceText.decode(Data(text.utf8), path: path)
        }, entry: { path in
            if files[path] != nil { return .file }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            return files.keys.contains { $0.hasPrefix(prefix) } ? .folder : nil
        }, names: { folder in
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            return Array(Set(files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).prefix { $0 != "/" }) }))
        })
    }
}
