import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// One streaming pass over a CSV roster before CSV.swift reads it, for what CSV.swift would
/// handle badly: a quote never closed (it reads to the end of the file and swallows every row)
/// and a row too large to hold (it builds each cell in memory, so one 40 MB cell took gigabytes).
/// Memory stays one 1 MiB chunk whatever the file holds.
enum CSVScan {
    /// Largest row accepted, in bytes (64 KiB; a real student's row is well under 1 KB).
    static let maximumRowBytes = 64 * 1024
    /// Most items in one `;`-separated list cell.
    static let maximumListItems = 100

    enum Problem: Equatable {
        /// A quote opened at this line and column and never closed.
        case unclosedQuote(line: Int, column: Int)
        /// The row starting on this line is longer than ``maximumRowBytes``.
        case rowTooLarge(line: Int)
    }

    /// The first problem in a file's `stream` (not yet opened; closed here), or nil.
    static func firstProblem(_ stream: InputStream) -> Problem? {
        var bytes = TextScan.ChunkedBytes(stream)
        defer { stream.close() }
        return firstProblem(in: &bytes)
    }

    /// The first problem in `bytes` (RFC 4180: a field that starts with `"` runs to the next `"`
    /// not doubled; rows end at LF outside quotes).
    static func firstProblem(in bytes: inout some IteratorProtocol<UInt8>) -> Problem? {
        var line = 1, column = 0
        var inQuotes = false, atFieldStart = true, pendingQuote = false
        var opened = (line: 1, column: 1)
        var rowLine = 1, rowBytes = 0
        while let byte = bytes.next() {
            column += 1
            rowBytes += 1
            if rowBytes > maximumRowBytes { return .rowTooLarge(line: rowLine) }
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if byte != UInt8(ascii: "\"") { inQuotes = false }   // the quote before this byte closed the field
                    else { continue }                                     // "" is an escaped quote
                } else if byte == UInt8(ascii: "\"") {
                    pendingQuote = true
                    continue
                } else {
                    if byte == 0x0A { line += 1; column = 0 }
                    continue
                }
            }
            switch byte {
            case UInt8(ascii: "\"") where atFieldStart:
                inQuotes = true
                opened = (line, column)
                atFieldStart = false
            case UInt8(ascii: ","):
                atFieldStart = true
            case 0x0A:
                line += 1
                column = 0
                atFieldStart = true
                rowLine = line
                rowBytes = 0
            case 0x0D, UInt8(ascii: " "), 0x09:
                break   // CSV.swift trims spaces before a quoted field
            default:
                atFieldStart = false
            }
        }
        return inQuotes && !pendingQuote ? .unclosedQuote(line: opened.line, column: opened.column) : nil
    }
}
