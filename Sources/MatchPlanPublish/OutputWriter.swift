import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Writes a set of finished files into an output folder so that a reader never sees a mix.
///
/// Files are first written into a staging folder inside the output folder, then each is renamed
/// over its final path (an atomic replace on one file system). If anything fails before the
/// renames, the staging folder is removed and the earlier output is untouched; if a rename fails
/// midway, the files already replaced are put back.
public struct OutputWriter: Sendable {
    public init() {}

    /// - Parameters:
    ///   - files: relative path → contents (UTF-8), e.g. `report.html`.
    ///   - folder: the output folder; created with its parents when missing.
    /// - Throws: ``MatchPlanError`` `.cannotCreate` when the folder is a file, cannot be created, or is not writable.
    public func write(_ files: [(name: String, contents: String)], to folder: String) throws {
        var created = CreatedFolders()
        do {
            try write(files, to: folder, created: &created)
        } catch {
            created.removeIfEmpty()  // a failed first write leaves no empty folder behind
            throw error
        }
    }

    private func write(_ files: [(name: String, contents: String)], to folder: String, created: inout CreatedFolders) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw MatchPlanError(.cannotCreate, file: folder, "the output path is a file; expected a folder (pass another --out)")
            }
        } else {
            if let blocker = Self.fileAncestor(of: folder) {
                throw MatchPlanError(.cannotCreate, file: folder, "\(blocker) is a file, so the output folder cannot be created inside it (pass another --out)")
            }
            do {
                try created.create(folder)
            } catch {
                throw MatchPlanError(.cannotCreate, file: folder, "cannot create the output folder: \(Self.reason(error))")
            }
        }
        let staging = (folder as NSString).appendingPathComponent(".matchplan-staging-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? manager.removeItem(atPath: staging) }
        StaleStaging.clean(in: folder, prefix: ".matchplan-staging-", what: "a staging folder")
        do {
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            for file in files {
                let staged = (staging as NSString).appendingPathComponent(file.name)
                try manager.createDirectory(atPath: (staged as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: staged))
            }
        } catch {
            throw MatchPlanError(.cannotCreate, file: folder, "cannot write into the output folder: \(Self.reason(error))")
        }
        // Each rename replaces one file atomically; the file it replaces stays hard-linked in the
        // staging folder until every file is in place, so a failure midway puts the earlier
        // output back instead of leaving a mix of old and new files.
        var moved: [(final: String, backup: String?)] = []
        for (index, file) in files.enumerated() {
            let staged = (staging as NSString).appendingPathComponent(file.name)
            let final = (folder as NSString).appendingPathComponent(file.name)
            do {
                try manager.createDirectory(atPath: (final as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                var backup: String?
                var info = stat()
                if lstat(final, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                    backup = (staging as NSString).appendingPathComponent(".replaced-\(index)")
                    if link(final, backup!) != 0 { try manager.copyItem(atPath: final, toPath: backup!) }
                }
                guard rename(staged, final) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                moved.append((final, backup))
            } catch {
                for entry in moved.reversed() {
                    if let backup = entry.backup { _ = rename(backup, entry.final) } else { _ = unlink(entry.final) }
                }
                throw MatchPlanError(.cannotCreate, file: final, "cannot move the finished file into place: \(Self.reason(error)); the earlier output was left as it was")
            }
        }
    }

    /// The nearest existing ancestor of `path` when it is a file rather than a folder.
    static func fileAncestor(of path: String) -> String? {
        var current = (path as NSString).deletingLastPathComponent
        while !current.isEmpty, current != "/" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) {
                return isDirectory.boolValue ? nil : current
            }
            current = (current as NSString).deletingLastPathComponent
        }
        return nil
    }

    static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileWriteNoPermissionError { return "permission denied" }
        return nsError.localizedDescription
    }
}
