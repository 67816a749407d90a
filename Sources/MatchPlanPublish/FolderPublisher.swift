import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Builds a whole output folder (a site, a class's reports) beside its target and swaps it in
/// only when complete.
///
/// Files are written into `<parent>/.<name>.staging-<pid>`; ``commit()`` renames the previous
/// folder aside, renames the staged one into place and deletes the old one. Until then the
/// previous output is untouched, and ``discard()`` (or a failed run) removes the staging folder.
/// A folder MatchPlan creates carries a marker file listing the files it wrote; an existing
/// non-empty folder without it is never replaced, so a mistyped `--out` cannot wipe unrelated
/// files. The marker also records the ``OutputKind`` (site or roster), and a run of one kind
/// refuses a folder the other kind made (``OutputMarker``; older markers without a kind are
/// accepted). Files a person added to a published folder (a `CNAME`, notes) are not in that list and
/// are carried over into the new folder (``CarryOver``: files, links, empty folders); files
/// MatchPlan wrote last time and not this time go.
///
/// An `--out` that is a symbolic link to a folder is published into the folder it points to,
/// and the link stays. Staging folders of runs that were killed are removed (``StaleStaging``);
/// on Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`, so a reader (or a `kill -9`)
/// sees the complete old or the complete new folder, never none. Folders a failed run created
/// (the parents of `--out`) are removed again.
public final class FolderPublisher: @unchecked Sendable {
    /// Name of the marker file in every folder MatchPlan publishes.
    public static let markerName = ".matchplan-output"

    public let target: String
    /// What this run publishes (recorded in the marker).
    public let kind: OutputKind
    /// Where the folder is really published: `target`, or the folder it links to.
    public let destination: String
    public let staging: String
    /// Parents of the destination this run created (removed again when it fails).
    private var createdFolders = CreatedFolders()
    private let lock = NSLock()
    private var finished = false
    /// Relative paths written into the staged folder (becomes the marker's list).
    private var written: Set<String> = []

    /// Prepares a staging folder for `target`.
    /// - Throws: ``MatchPlanError`` `.cannotCreate` when `target` is a file, is a non-empty folder
    ///   MatchPlan did not create, holds another kind of output, or its parent cannot be written.
    public init(target: String, kind: OutputKind) throws {
        let manager = FileManager.default
        let trimmed = target.hasSuffix("/") && target.count > 1 ? String(target.dropLast()) : target
        self.target = trimmed
        self.kind = kind
        var linkInfo = stat()
        if lstat(trimmed, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
            var info = stat()
            guard stat(trimmed, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                throw MatchPlanError(.cannotCreate, file: trimmed, "the output path is a symbolic link to something that is not an existing folder; point it at a folder or pass another --out")
            }
        }
        // The real folder (links resolved), so a linked --out is replaced behind its link.
        let standardized = PathContainment.canonical(trimmed)
        destination = standardized
        let parent = (standardized as NSString).deletingLastPathComponent
        let name = (standardized as NSString).lastPathComponent
        staging = (parent as NSString).appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        StaleStaging.clean(in: parent, prefix: ".\(name).staging-", what: "a staging folder", restoringTo: standardized)
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: trimmed, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw MatchPlanError(.cannotCreate, file: trimmed, "the output path is a file; expected a folder (pass another --out)")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: trimmed)) ?? []
            if !contents.isEmpty && !contents.contains(Self.markerName) {
                throw MatchPlanError(.cannotCreate, file: trimmed,
                                     "the output folder is not empty and was not made by MatchPlan; refusing to replace it (choose an empty or new folder)")
            }
            try OutputMarker.requireKind(kind, in: trimmed)
        }
        do {
            try createdFolders.create(parent)
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try Data().write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(Self.markerName)))
        } catch {
            createdFolders.removeIfEmpty()
            throw MatchPlanError(.cannotCreate, file: trimmed, "cannot create the output folder: \(OutputWriter.reason(error))")
        }
    }

    deinit {
        if !finished {
            try? FileManager.default.removeItem(atPath: staging)
            createdFolders.removeIfEmpty()
        }
    }

    /// Writes one file at `relativePath` inside the staged folder. Thread-safe.
    /// - Throws: ``MatchPlanError`` `.cannotCreate`.
    public func write(_ contents: String, to relativePath: String) throws {
        var contents = contents
        // Write the string's own UTF-8 bytes: no second copy of a large page (the roster's
        // overview of 100,000 students is tens of megabytes).
        try contents.withUTF8 { bytes in try write(UnsafeRawBufferPointer(bytes), to: relativePath) }
    }

    public func write(_ data: Data, to relativePath: String) throws {
        try data.withUnsafeBytes { try write($0, to: relativePath) }
    }

    private func write(_ buffer: UnsafeRawBufferPointer, to relativePath: String) throws {
        let descriptor = try create(relativePath)
        defer { close(descriptor) }
        try write(buffer, descriptor: descriptor, relativePath: relativePath)
    }

    /// Writes a file in pieces: `produce` calls its argument with each piece of text in order,
    /// and each is written as it comes (a page too large to hold twice in memory: the overview
    /// of 100,000 students). A failure while producing leaves the staged folder to be discarded,
    /// as any failed write does.
    public func write(to relativePath: String, produce: ((String) throws -> Void) throws -> Void) throws {
        let descriptor = try create(relativePath)
        defer { close(descriptor) }
        var pending: [UInt8] = []
        pending.reserveCapacity(Self.streamBuffer)
        func flush() throws {
            try pending.withUnsafeBytes { try write($0, descriptor: descriptor, relativePath: relativePath) }
            pending.removeAll(keepingCapacity: true)
        }
        try produce { piece in
            pending.append(contentsOf: piece.utf8)
            if pending.count >= Self.streamBuffer { try flush() }
        }
        try flush()
    }

    /// Bytes gathered before each write of a file written in pieces.
    static let streamBuffer = 1 << 16

    /// Creates (or truncates) `relativePath` in the staged folder, and its folder; the open descriptor.
    private func create(_ relativePath: String) throws -> Int32 {
        lock.lock()
        written.insert(relativePath)
        lock.unlock()
        let path = (staging as NSString).appendingPathComponent(relativePath)
        let folder = (path as NSString).deletingLastPathComponent
        // Plain POSIX calls: Foundation's Data.write syncs each file to disk, which a staged
        // folder that is renamed into place as a whole does not need (profiled: 6% of a roster).
        if folder != staging && mkdir(folder, 0o755) != 0 && errno != EEXIST {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw MatchPlanError(.cannotCreate, file: (target as NSString).appendingPathComponent(relativePath),
                                     "cannot create the folder: \(OutputWriter.reason(error))")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw writeError(relativePath) }
        return descriptor
    }

    private func write(_ buffer: UnsafeRawBufferPointer, descriptor: Int32, relativePath: String) throws {
        var offset = 0
        if let base = buffer.baseAddress {
            while offset < buffer.count {
                let result = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if result <= 0 { throw writeError(relativePath) }
                offset += result
            }
        }
    }

    private func writeError(_ relativePath: String) -> MatchPlanError {
        MatchPlanError(.cannotCreate, file: (target as NSString).appendingPathComponent(relativePath),
                       "cannot write: \(String(cString: strerror(errno)))")
    }

    /// Copies a file into the staged folder.
    public func copy(from source: String, to relativePath: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw MatchPlanError(.noInput, file: source, "cannot be read")
        }
        try write(data, to: relativePath)
    }

    /// Keeps a file MatchPlan wrote in the previous output (a student whose row failed this time)
    /// at `relativePath` when the new output has nothing there. `previousPaths` are where to look
    /// in the previous output, first found wins (by default `relativePath` itself); only files
    /// listed in the previous marker count, so a file a person put there is never moved.
    /// Returns whether a file was kept.
    @discardableResult
    public func keepPrevious(_ relativePath: String, from previousPaths: [String]? = nil) throws -> Bool {
        let staged = (staging as NSString).appendingPathComponent(relativePath)
        guard !FileManager.default.fileExists(atPath: staged) else { return false }
        let generated = previousGenerated()
        for candidate in previousPaths ?? [relativePath] where generated.contains(candidate) {
            let previous = (target as NSString).appendingPathComponent(candidate)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: previous, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try copy(from: previous, to: relativePath)
            return true
        }
        return false
    }

    /// The previous output's marker list, read once.
    private var previousGeneratedCache: Set<String>?

    private func previousGenerated() -> Set<String> {
        lock.lock()
        defer { lock.unlock() }
        if let cached = previousGeneratedCache { return cached }
        let files = Self.previousFiles(in: target)
        previousGeneratedCache = files
        return files
    }

    /// Files listed in the marker of the folder at `path` (what MatchPlan wrote there last time).
    static func previousFiles(in path: String) -> Set<String> {
        OutputMarker.read(in: path)?.files ?? []
    }

    /// Swaps the staged folder into place.
    /// - Throws: ``MatchPlanError`` `.cannotCreate`; the previous output is restored when the swap fails.
    public func commit() throws {
        lock.lock()
        defer { lock.unlock() }
        let manager = FileManager.default
        if manager.fileExists(atPath: destination) {
            try CarryOver.carry(from: destination, to: staging, generated: Self.previousFiles(in: destination), written: written)
        }
        let list = OutputMarker(kind: kind, files: written).text
        guard (try? Data(list.utf8).write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(Self.markerName)))) != nil else {
            throw MatchPlanError(.cannotCreate, file: target, "cannot write the output marker")
        }
        let old = staging + ".old"
        let hadPrevious = manager.fileExists(atPath: destination)
        if hadPrevious, Self.exchange(staging, destination) {
            // One atomic swap: the previous output is now at `staging`.
            finished = true
            try? manager.removeItem(atPath: staging)
            return
        }
        if hadPrevious {
            guard rename(destination, old) == 0 else {
                throw MatchPlanError(.cannotCreate, file: target, "cannot move the previous output aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadPrevious { _ = rename(old, destination) }
            throw MatchPlanError(.cannotCreate, file: target, "cannot move the finished output into place: \(reason)")
        }
        finished = true
        if hadPrevious { try? manager.removeItem(atPath: old) }
    }

    /// Removes the staging folder and the parents this run created; the previous output stays as it was.
    public func discard() {
        lock.lock()
        defer { lock.unlock() }
        try? FileManager.default.removeItem(atPath: staging)
        createdFolders.removeIfEmpty()
        finished = true
    }

    /// Swaps two folders atomically (Linux `renameat2` with `RENAME_EXCHANGE`); false where the
    /// system or file system cannot, and the caller then renames in two steps.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0
        #else
        return false
        #endif
    }
}

#if os(Linux)
/// glibc's `renameat2` (not exported by the Glibc module without `_GNU_SOURCE`).
@_silgen_name("renameat2")
private func renameat2(_ oldDirectory: Int32, _ old: UnsafePointer<CChar>, _ newDirectory: Int32,
                       _ new: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
#endif
