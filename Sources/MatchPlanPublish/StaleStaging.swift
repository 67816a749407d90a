import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Staging folders left by runs that were killed (`kill -9`, power loss) before they could
/// clean up: `.<name>.staging-<pid>` beside a published folder (``FolderPublisher``),
/// `.<name>.staging-<pid>.old` (an earlier output moved aside) and `.matchplan-staging-<pid>`
/// inside a report folder (``OutputWriter``). A later run removes those whose process no longer
/// exists, and says so; a folder of a live process (a concurrent run) is never touched.
public enum StaleStaging {
    /// Called with one line per folder removed; the CLI prints it on standard error.
    nonisolated(unsafe) public static var notice: @Sendable (String) -> Void = { line in
        try? FileHandle.standardError.write(contentsOf: Data("matchplan: \(PrintableText.escaping(line))\n".utf8))
    }

    /// Whether the process `pid` no longer exists (`kill(pid, 0)` fails with `ESRCH`).
    static func isDead(_ pid: Int32) -> Bool {
        pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// The process id in a staging name: `<prefix><pid>` or `<prefix><pid>.old`.
    static func pid(in name: String, prefix: String) -> Int32? {
        guard name.hasPrefix(prefix) else { return nil }
        var rest = name.dropFirst(prefix.count)
        if rest.hasSuffix(".old") { rest = rest.dropLast(4) }
        return Int32(rest)
    }

    /// Removes the entries of `folder` named `<prefix><pid>[.old]` whose process is gone.
    /// - Parameter restoringTo: the published folder; when it is missing and a dead run's
    ///   `.old` (the previous output it had moved aside) is there, that is moved back instead.
    /// - Returns: the paths removed.
    @discardableResult
    static func clean(in folder: String, prefix: String, what: String, restoringTo published: String? = nil) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = pid(in: name, prefix: prefix), isDead(pid) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            if let published, name.hasSuffix(".old"), !FileManager.default.fileExists(atPath: published), rename(path, published) == 0 {
                notice("put back \(published) from \(path), where an earlier run (process \(pid)) had moved it before it was stopped")
                continue
            }
            if (try? FileManager.default.removeItem(atPath: path)) != nil {
                removed.append(path)
                notice("removed \(path), \(what) left by an earlier run (process \(pid)) that was stopped before it finished")
            }
        }
        return removed
    }
}
