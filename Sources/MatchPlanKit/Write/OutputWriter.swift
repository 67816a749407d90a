import Foundation

/// Writes a set of finished files into an output folder so that a reader never sees a mix.
///
/// Files are first written into a staging folder inside the output folder, then each is renamed
/// over its final path (an atomic replace on one file system). If anything fails before the
/// renames, the staging folder is removed and the earlier output is untouched.
public struct OutputWriter: Sendable {
    public init() {}

    /// - Parameters:
    ///   - files: relative path → contents (UTF-8), e.g. `report.html`.
    ///   - folder: the output folder; created with its parents when missing.
    /// - Throws: ``MatchPlanError`` `.cannotCreate` when the folder is a file, cannot be created, or is not writable.
    public func write(_ files: [(name: String, contents: String)], to folder: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw MatchPlanError(.cannotCreate, file: folder, "the output path is a file; expected a folder (pass another --out)")
            }
        } else {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw MatchPlanError(.cannotCreate, file: folder, "cannot create the output folder: \(Self.reason(error))")
            }
        }
        let staging = (folder as NSString).appendingPathComponent(".matchplan-staging-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? manager.removeItem(atPath: staging) }
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
        for file in files {
            let staged = (staging as NSString).appendingPathComponent(file.name)
            let final = (folder as NSString).appendingPathComponent(file.name)
            try manager.createDirectory(atPath: (final as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard rename(staged, final) == 0 else {
                throw MatchPlanError(.cannotCreate, file: final, "cannot move the finished file into place: \(String(cString: strerror(errno)))")
            }
        }
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileWriteNoPermissionError { return "permission denied" }
        return nsError.localizedDescription
    }
}
