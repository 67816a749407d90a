import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Carries what a person added to a published folder into its replacement: everything that is
/// not in the previous marker list (what MatchPlan wrote) and not written again now, exactly as
/// it is: files (hard-linked, or copied across devices), symbolic links (as links, never
/// followed), empty folders, and folders holding anything carried. A folder that held only
/// files MatchPlan wrote is not carried (it goes with them).
enum CarryOver {
    /// - Parameters:
    ///   - generated: relative paths in the previous marker.
    ///   - written: relative paths written into `staging` this run.
    /// - Throws: ``MatchPlanError`` `.cannotCreate` naming the entry that could not be carried.
    static func carry(from previous: String, to staging: String, generated: Set<String>, written: Set<String>) throws {
        _ = try carryFolder("", previous: previous, staging: staging, generated: generated, written: written)
    }

    /// Carries the entries of the folder at relative path `relative`; true when anything was carried.
    private static func carryFolder(_ relative: String, previous: String, staging: String,
                                    generated: Set<String>, written: Set<String>) throws -> Bool {
        let source = relative.isEmpty ? previous : (previous as NSString).appendingPathComponent(relative)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []).sorted()
        var carried = false
        for name in names {
            let path = relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name)
            if relative.isEmpty, name == FolderPublisher.markerName { continue }
            if generated.contains(path) || written.contains(path) { continue }
            let from = (previous as NSString).appendingPathComponent(path)
            let to = (staging as NSString).appendingPathComponent(path)
            var info = stat()
            guard lstat(from, &info) == 0 else { continue }
            do {
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    let existed = FileManager.default.fileExists(atPath: to)
                    if !existed { try FileManager.default.createDirectory(atPath: to, withIntermediateDirectories: true) }
                    let inner = try carryFolder(path, previous: previous, staging: staging, generated: generated, written: written)
                    let wasEmpty = ((try? FileManager.default.contentsOfDirectory(atPath: from)) ?? []).isEmpty
                    if inner || wasEmpty { carried = true } else if !existed { _ = rmdir(to) }
                case S_IFLNK:
                    try prepareParent(of: to)
                    let destination = try FileManager.default.destinationOfSymbolicLink(atPath: from)
                    try FileManager.default.createSymbolicLink(atPath: to, withDestinationPath: destination)
                    carried = true
                case S_IFREG:
                    try prepareParent(of: to)
                    if link(from, to) != 0 { try FileManager.default.copyItem(atPath: from, toPath: to) }
                    carried = true
                default:
                    continue  // FIFOs and sockets are not content; they stay with the old folder
                }
            } catch let error as MatchPlanError {
                throw error
            } catch {
                throw MatchPlanError(.cannotCreate, file: from, "cannot carry this file over into the new output: \(OutputWriter.reason(error))")
            }
        }
        return carried
    }

    private static func prepareParent(of path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }
}
