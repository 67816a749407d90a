import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Creates a folder with its missing parents and remembers which it created, so a run that
/// fails can remove them again and leave the disk as it found it (no empty `--out` folder).
struct CreatedFolders {
    /// Folders this value created, outermost first.
    private(set) var paths: [String] = []

    /// Creates `path` and any missing parents.
    /// - Throws: what `FileManager.createDirectory` throws.
    mutating func create(_ path: String) throws {
        var missing: [String] = []
        var current = path
        while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
            missing.append(current)
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current { break }
            current = parent
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        paths += missing.reversed()
    }

    /// Removes the folders created, innermost first, each only when empty.
    func removeIfEmpty() {
        for path in paths.reversed() { _ = rmdir(path) }
    }
}
