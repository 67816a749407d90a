import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Streaming checks over a text file too large to hold in memory (rosters).
enum TextScan {
    /// Reads a file's `stream` (not yet opened; closed here) in 1 MiB chunks and counts its lines.
    /// - Parameter path: the file's path, for errors.
    /// - Returns: the lines (one more than the line breaks) and the bytes.
    /// - Throws: ``MatchPlanError`` `.data` with the line and column of the first byte that is not UTF-8.
    static func requireUTF8(_ stream: InputStream, path: String) throws -> (lines: Int, bytes: Int) {
        var bytes = ChunkedBytes(stream)
        defer { stream.close() }
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1, offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                offset += scalar.count
                if scalar.count == 1 && scalar.first == 0x0A { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return (line, offset)
            case .error:
                if offset == 0, bytes.head == [0xFF, 0xFE] || bytes.head == [0xFE, 0xFF] {
                    throw MatchPlanError(.data, file: path, location: .init(line: 1, column: 1),
                                         "is UTF-16 text (it starts with a UTF-16 byte-order mark); save the roster as UTF-8 CSV")
                }
                throw MatchPlanError(.data, file: path, location: .init(line: line, column: column),
                                     "is not valid UTF-8 text (bad byte at byte offset \(offset)); save the roster as UTF-8 CSV")
            }
        }
    }

    /// A byte iterator over a stream, one chunk in memory at a time.
    struct ChunkedBytes: IteratorProtocol {
        let stream: InputStream
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var count = 0
        var index = 0
        /// The stream's first two bytes (fewer for a shorter file).
        private(set) var head: [UInt8] = []
        private var started = false

        /// Opens `stream`; the caller closes it.
        init(_ stream: InputStream) {
            self.stream = stream
            stream.open()
        }

        mutating func next() -> UInt8? {
            if index == count {
                count = chunk.withUnsafeMutableBufferPointer { stream.read($0.baseAddress!, maxLength: $0.count) }
                index = 0
                if !started {
                    started = true
                    head = Array(chunk.prefix(Swift.max(0, Swift.min(2, count))))
                }
                guard count > 0 else { count = 0; return nil }
            }
            defer { index += 1 }
            return chunk[index]
        }
    }
}
