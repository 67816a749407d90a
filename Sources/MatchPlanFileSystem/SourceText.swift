import Foundation
import MatchPlanModel

/// The text of one input file, decoded and normalised the same way for every loader.
///
/// Decoding rules: UTF-8 only (a byte-order mark is dropped), CRLF and lone CR become LF,
/// and files larger than ``maximumBytes`` are refused, so a stray multi-gigabyte file fails
/// fast with a clear message instead of exhausting memory.
public struct SourceText: Sendable {
    /// Largest input file accepted, in bytes (4 MiB: the largest real profile is a few KB).
    public static let maximumBytes = 4 * 1024 * 1024

    /// The path as the user gave it; used in every error message.
    public let path: String
    /// The decoded text with LF line ends and no byte-order mark.
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads and decodes `path` through ``SafeFile`` (a regular file, never a device, FIFO or
    /// `/proc` file; inside `folder` through every link when one is given).
    /// - Throws: ``MatchPlanError`` `.noInput` when the file is missing, a folder or unreadable;
    ///   `.data` when it is not a regular file, leaves `folder`, is too large, or is not valid
    ///   UTF-8 (the message gives the byte offset of the first bad byte).
    public static func read(_ path: String, inside folder: String? = nil) throws -> SourceText {
        try decode(SafeFile.read(path, inside: folder, limit: maximumBytes), path: path)
    }

    /// Decodes bytes already in memory (used by tests and by ``read(_:)``).
    /// - Throws: ``MatchPlanError`` `.data` for bytes that are not UTF-8.
    public static func decode(_ data: Data, path: String) throws -> SourceText {
        var bytes = ArraySlice(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes) ?? 0
            let before = bytes.prefix(offset)
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = offset - (before.lastIndex(of: 0x0A).map { $0 - bytes.startIndex + 1 } ?? 0) + 1
            throw MatchPlanError(.data, file: path, location: .init(line: line, column: column),
                                 "is not valid UTF-8 text (bad byte at byte offset \(bytes.startIndex + offset)); save the file as UTF-8")
        }
        let text = decoded.utf8.contains(0x0D)  // a byte scan; String.contains goes through Foundation
            ? decoded.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : decoded
        return SourceText(path: path, text: text)
    }

    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
