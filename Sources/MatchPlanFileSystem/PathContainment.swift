import Foundation

/// Where a path really is: links and `..` resolved, so "inside this folder" cannot be faked by a
/// symbolic link or a relative step out of it.
public enum PathContainment {
    /// True when `path` is `folder` or inside it, after resolving `..` and symbolic links with
    /// `realpath` (NSString's resolution gets relative links wrong on Linux). A path that does not
    /// exist yet is judged by its nearest existing parent.
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        let child = canonical(path), parent = canonical(folder)
        return child == parent || child.hasPrefix(parent.hasSuffix("/") ? parent : parent + "/")
    }

    /// `path` made absolute with `.` and `..` folded by name only, links not resolved: where the
    /// user's words put it (to tell a `../` path from a link that leads out).
    public static func lexical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` made absolute with every symbolic link resolved by `realpath` (applied to the
    /// longest existing prefix; the missing rest is appended with `.` and `..` folded).
    public static func canonical(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        var existing = path.hasPrefix("/") ? path : cwd + "/" + path
        var missing: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                var parts = String(cString: resolved).split(separator: "/").map(String.init)
                for part in missing.reversed() {
                    if part == ".." { _ = parts.popLast() } else if part != "." && !part.isEmpty { parts.append(part) }
                }
                return "/" + parts.joined(separator: "/")
            }
            guard let slash = existing.lastIndex(of: "/"), existing != "/" else { return existing }
            missing.append(String(existing[existing.index(after: slash)...]))
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }
}
