import Foundation
import MatchPlanModel

/// Opens input files the way every loader must: only a regular file, never a device, FIFO,
/// socket or a file of `/proc`, `/sys` or `/dev`, read with a size limit, and (when a folder is
/// given) only when the file reached through every symbolic link is still inside that folder.
///
/// The checks are made on the opened descriptor (`fstat`) as well as on the path, so a file
/// swapped for a FIFO between the check and the open cannot block: the open itself never waits
/// (`O_NONBLOCK`), and a descriptor that is not a regular file is closed unread.
public enum SafeFile {
    /// Pseudo-file systems whose files are not user input (their sizes lie, reads can block or
    /// never end, and they hold secrets such as `/proc/self/environ`).
    static let pseudoRoots = ["/proc", "/sys", "/dev"]

    /// Reads `path` (at most `limit` bytes).
    /// - Parameters:
    ///   - folder: when given, the file must resolve (through every link) to a path inside it.
    ///   - what: how to call the file in errors (`file`, `logo`, `roster`).
    /// - Throws: ``MatchPlanError`` `.noInput` when missing, a folder or unreadable; `.data` when
    ///   it is not a regular file, lies outside `folder`, or is larger than `limit` bytes.
    public static func read(_ path: String, inside folder: String? = nil, limit: Int = SourceText.maximumBytes) throws -> Data {
        let descriptor = try open(path, inside: folder)
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw MatchPlanError(.noInput, file: path, "cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit {
                throw MatchPlanError(.data, file: path, "is larger than \(describe(limit)); expected a small text file")
            }
        }
        return data
    }

    /// Checks `path` as ``read(_:inside:limit:)`` does, without reading it (for files handed to
    /// a streaming reader, such as a roster).
    /// - Throws: as ``read(_:inside:limit:)``.
    public static func check(_ path: String, inside folder: String? = nil) throws {
        close(try open(path, inside: folder))
    }

    /// An open, read-only descriptor of the regular file at `path`; the caller closes it.
    static func open(_ path: String, inside folder: String?) throws -> Int32 {
        var info = stat()
        guard stat(path, &info) == 0 else {
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0 {
                throw MatchPlanError(.data, file: path, "broken or looping symbolic link; expected a file")
            }
            if errno == EACCES { throw MatchPlanError(.noInput, file: path, "cannot be read (check its permissions)") }
            throw MatchPlanError(.noInput, file: path, "file not found")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw MatchPlanError(.noInput, file: path, "is a folder; expected a file") }
        try requireRegular(info.st_mode, path: path)
        let real = PathContainment.canonical(path)
        if let root = pseudoRoots.first(where: { real == $0 || real.hasPrefix($0 + "/") }) {
            throw MatchPlanError(.data, file: path, "is a file of \(root) (\(real)), not user input; expected a regular file")
        }
        if let folder {
            let base = PathContainment.canonical(folder)
            guard real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
                // A plain `../elsewhere/x.svg` is outside by its name; only otherwise was it a link.
                let named = PathContainment.lexical(path), namedBase = PathContainment.lexical(folder)
                if !named.hasPrefix(namedBase.hasSuffix("/") ? namedBase : namedBase + "/") {
                    throw MatchPlanError(.data, file: path, "is outside its folder \(folder); copy the file into the folder and name it from there")
                }
                throw MatchPlanError(.data, file: path, "leads outside its folder \(folder) (to \(real)) through a symbolic link; copy the file into the folder instead")
            }
        }
        let descriptor = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == EACCES { throw MatchPlanError(.noInput, file: path, "cannot be read (check its permissions)") }
            throw MatchPlanError(.noInput, file: path, "cannot be read: \(String(cString: strerror(errno)))")
        }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_dev == info.st_dev, opened.st_ino == info.st_ino else {
            close(descriptor)
            throw MatchPlanError(.data, file: path, "changed while it was being opened; run again")
        }
        do {
            try requireRegular(opened.st_mode, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        // Reads block normally from here on: a regular file never waits.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    private static func requireRegular(_ mode: mode_t, path: String) throws {
        let kind: String
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "neither a file nor a folder"
        }
        throw MatchPlanError(.data, file: path, "is \(kind); expected a regular file")
    }

    public static func describe(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? "\(bytes / 1024 / 1024) MiB" : "\(bytes / 1024) KiB"
    }
}
