import Foundation
import MatchPlanModel

/// ``FileIO`` on the real file system, and the questions loaders ask of any ``FileIO``.
extension FileIO {
    /// ``FileIO/data`` on the real file system (``SafeFile/read(_:inside:limit:)``).
    public static let diskData: @Sendable (String, String?, Int) throws -> Data = { path, folder, limit in
        try SafeFile.read(path, inside: folder, limit: limit)
    }

    /// ``FileIO/stream`` on the real file system: checked by ``SafeFile/check(_:inside:)``, then
    /// opened by path.
    public static let diskStream: @Sendable (String, String?) throws -> InputStream = { path, folder in
        try SafeFile.check(path, inside: folder)
        guard let stream = InputStream(fileAtPath: path) else { throw MatchPlanError(.noInput, file: path, "cannot be read") }
        return stream
    }

    /// ``FileIO/entry`` on the real file system (`lstat`, then `stat` through a link).
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

    /// ``FileIO/list`` on the real file system.
    public static let diskNames: @Sendable (String) throws -> [String] = { folder in
        try FileManager.default.contentsOfDirectory(atPath: folder)
    }

    /// ``FileIO/realPath`` on the real file system: `realpath(3)`, not
    /// `NSString.resolvingSymlinksInPath` (on Linux the latter resolves a relative link such as
    /// `loop -> ..` against the wrong folder and misses the loop).
    public static let diskRealPath: @Sendable (String) throws -> String = { path in
        guard let resolved = realpath(path, nil) else {
            throw MatchPlanError(.data, file: path, "broken or looping symbolic link: \(String(cString: strerror(errno)))")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads the text file at `path` (inside `folder`, when given); see ``read``.
    public func readText(_ path: String, inside folder: String? = nil) throws -> SourceText {
        try read(path, folder)
    }

    /// Checks the file at `path` as ``read`` would, without reading it.
    /// - Throws: as ``read``.
    public func check(_ path: String, inside folder: String? = nil) throws {
        _ = try stream(path, folder)
    }

    /// True when something is at `path`, even a broken link (`lstat`).
    public func hasEntry(_ path: String) -> Bool {
        entry(path) != nil
    }

    /// True when `path` leads to a file or folder, links followed (`FileManager.fileExists`).
    public func exists(_ path: String) -> Bool {
        entry(path).map { $0 != .brokenLink } ?? false
    }

    /// True when `path` leads to a folder, links followed.
    public func isFolder(_ path: String) -> Bool {
        let found = entry(path)
        return found == .folder || found == .linkToFolder
    }
}
