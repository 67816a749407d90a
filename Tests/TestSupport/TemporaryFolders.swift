import Foundation

/// The folders ``Repository/temporaryFolder()`` made in this test process, removed when the
/// process exits, so a suite run leaves nothing under the temporary folder (a run made about a
/// hundred of them). Set `MATCHPLAN_KEEP_TEST_FOLDERS=1` to keep them for a look after a failure.
/// Tests that make read-only folders (the permission tests) are handled: write permission is
/// given back before removing.
public final class TemporaryFolders: @unchecked Sendable {
    public static let shared = TemporaryFolders()

    private let lock = NSLock()
    private var paths: [String] = []

    private init() {
        atexit { TemporaryFolders.shared.removeAll() }
    }

    /// Records `path` for removal at exit.
    public func add(_ path: String) {
        lock.lock()
        paths.append(path)
        lock.unlock()
    }

    /// Removes every recorded folder (best effort: a folder that cannot be removed is left).
    func removeAll() {
        guard ProcessInfo.processInfo.environment["MATCHPLAN_KEEP_TEST_FOLDERS"] == nil else { return }
        lock.lock()
        let all = paths
        paths.removeAll()
        lock.unlock()
        let files = FileManager.default
        for path in all {
            // Give write and search permission back to every folder inside (a permission test may
            // have taken it away), then remove the whole tree.
            if let inside = files.enumerator(atPath: path) {
                for case let relative as String in inside {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var isFolder: ObjCBool = false
                    if files.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue {
                        try? files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full)
                    }
                }
            }
            try? files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            try? files.removeItem(atPath: path)
        }
    }
}
