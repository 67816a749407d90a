import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Streaming checks over a text file too large to hold in memory (rosters).
enum TextScan {
    /// Reads `path` in 1 MiB chunks and counts its lines.
    /// - Throws: ``MatchPlanError`` `.data` with the line and column of the first byte that is not UTF-8.
    @discardableResult
    static func requireUTF8(_ path: String) throws -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw MatchPlanError(.noInput, file: path, "cannot be read") }
        defer { try? handle.close() }
        var bytes = ChunkedBytes(handle: handle)
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1, offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                offset += scalar.count
                if scalar.count == 1 && scalar.first == 0x0A { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return line
            case .error:
                if offset == 0, let head = FileHandle(forReadingAtPath: path)?.readData(ofLength: 2),
                   head == Data([0xFF, 0xFE]) || head == Data([0xFE, 0xFF]) {
                    throw MatchPlanError(.data, file: path, location: .init(line: 1, column: 1),
                                         "is UTF-16 text (it starts with a UTF-16 byte-order mark); save the roster as UTF-8 CSV")
                }
                throw MatchPlanError(.data, file: path, location: .init(line: line, column: column),
                                     "is not valid UTF-8 text (bad byte at byte offset \(offset)); save the roster as UTF-8 CSV")
            }
        }
    }

    /// A byte iterator over a file, one chunk in memory at a time.
    struct ChunkedBytes: IteratorProtocol {
        let handle: FileHandle
        var chunk = Data()
        var index = 0

        mutating func next() -> UInt8? {
            if index == chunk.count {
                guard let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty else { return nil }
                chunk = data
                index = 0
            }
            defer { index += 1 }
            return chunk[chunk.startIndex + index]
        }
    }
}
