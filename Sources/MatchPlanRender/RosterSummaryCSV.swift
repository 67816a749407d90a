import CSV
import Foundation
import MatchPlanModel

extension OutputFormat {
    /// `summary.csv`: one row per roster student with the overview's columns
    /// (``RosterColumn/standard``), for an advisor's spreadsheet. Written by default with a
    /// roster; `--format csv` names it.
    public static let summaryCSV = OutputFormat(name: "csv", fileExtension: "csv", mediaType: "text/csv; charset=utf-8",
                                                baseName: "summary") { students, append in
        try RosterSummaryCSV.render(students, into: append)
    }
}

/// Writes a class overview as CSV (RFC 4180: comma-separated, CRLF line ends, the header
/// plain and every other field quoted) with CSV.swift's `CSVWriter`.
public enum RosterSummaryCSV {
    /// The header and one row per student, in `students`' order, ending with a line break.
    /// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
    /// or a carriage return) are written with a leading `'`.
    /// - Throws: ``MatchPlanError`` `.internalError` if the writer fails (it writes to memory).
    public static func render(_ students: [RosterSummary], extraColumns: [RosterColumn] = []) throws -> String {
        var text = ""
        try render(students, extraColumns: extraColumns) { text += $0 }
        return text
    }

    /// The same file in pieces of about 64 KB, in order, each passed to `append` as it is made.
    public static func render(_ students: [RosterSummary], extraColumns: [RosterColumn] = [],
                              into append: (String) throws -> Void) throws {
        let columns = RosterColumn.standard + extraColumns
        let stream = ByteSink()
        do {
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            try writer.write(row: columns.map(\.key))
            for student in students {
                // Every field quoted: CSVWriter's check of whether a field needs quotes costs five
                // Foundation string searches per field, quoting one (always valid) costs one.
                try writer.write(row: columns.map { neutralized($0.cell(student).csv) }, quotedAtIndex: { _ in true })
                if let piece = stream.take(atLeast: 1 << 16) { try append(piece) }
            }
        } catch let error as MatchPlanError {
            throw error
        } catch {
            throw MatchPlanError(.internalError, "cannot write summary.csv: \(error)")
        }
        try append(stream.takeAll() + "\r\n")  // CSVWriter ends rows only before the next one
    }

    /// `value`, with a `'` before a leading formula character (CSV injection).
    static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}

/// The stream `CSVWriter` writes to: bytes appended to an array. `CSVWriter` writes one byte
/// per call; Foundation's memory stream cost about 1,500 instructions per byte (more than
/// planning a student), this costs a few dozen.
final class ByteSink: OutputStream {
    private(set) var bytes: [UInt8] = []

    convenience init() {
        self.init(toMemory: ())
    }

    required init(toMemory: ()) {
        super.init(toMemory: ())
        bytes.reserveCapacity(1 << 16)
    }

    override var streamStatus: Stream.Status { .open }
    override func open() {}
    override func close() {}
    override var hasSpaceAvailable: Bool { true }

    /// The bytes written so far as text, and the sink emptied, once there are at least `count`
    /// of them and the last ends a character (CSVWriter writes a character's UTF-8 bytes one
    /// at a time; a piece never splits one). nil otherwise.
    func take(atLeast count: Int) -> String? {
        guard bytes.count >= count, let last = bytes.last, last < 0x80 else { return nil }
        return takeAll()
    }

    /// Everything written so far as text (every write is finished), and the sink emptied.
    func takeAll() -> String {
        let text = bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        bytes.removeAll(keepingCapacity: true)
        return text
    }

    override func write(_ buffer: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: length))
        return length
    }
}
