import CSV
import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Reads a student's own program list (PL1–PL8): a comma-separated file with a header row of
/// the columns in ``columns`` (only `program` and `specialty` are required; the others may be
/// left out or left blank). Lines starting with `#` are comments. Read with CSV.swift, as the
/// roster is; see `Content/profiles/example-programs.csv`.
///
/// Errors name `file:row:column`, the column, what was expected and the nearest known column
/// or value. The same program (name, case ignored) twice in one specialty is an error.
public enum ProgramListReader {
    /// Every column the file may have, in the documented order.
    public static let columns = ["program", "specialty", "city", "state", "setting", "esir", "signal", "tie", "notes"]
    /// Columns every file needs.
    public static let requiredColumns = ["program", "specialty"]
    /// Most programs one list may hold (ERAS lists run to about a hundred; more is a wrong file).
    public static let maximumPrograms = 1_000

    /// Reads `path` (a regular file; inside `folder` through every link when one is given).
    /// - Parameter states: the two-letter codes the `state` column accepts (``ProgramListRules/stateCodes``).
    /// - Throws: ``MatchPlanError`` `.noInput` for a missing file; `.data` for anything malformed.
    /// - Parameter io: how the file is read (``FileIO/disk``, or in memory for tests).
    public static func load(_ path: String, inside folder: String? = nil, states: [String], io: FileIO = .disk) throws -> ProgramList {
        try parse(io.readText(path, inside: folder), states: states)
    }

    /// Parses a list already in memory.
    /// - Throws: ``MatchPlanError`` `.data` at the first problem.
    public static func parse(_ source: SourceText, states: [String]) throws -> ProgramList {
        let file = source.path
        var bytes = source.text.utf8.makeIterator()
        if case .unclosedQuote(let line, let column)? = CSVScan.firstProblem(in: &bytes) {
            throw MatchPlanError(.data, file: file, location: .init(line: line, column: column),
                                 "the quote opened here is never closed; close it with \" (write \"\" for a quote inside a value)")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: withoutComments(source.text), hasHeaderRow: false, trimFields: true)
        } catch {
            throw MatchPlanError(.data, file: file, location: .init(line: 1, column: 1), "cannot be read as CSV (\(error)); save it as comma-separated UTF-8")
        }
        var line = 0
        /// The next row that is not blank, with the line it starts on.
        func nextRow() -> (cells: [String], line: Int)? {
            while let cells = reader.next() {
                let start = line + 1
                line = start + cells.reduce(0) { $0 + $1.utf8.count { $0 == 0x0A } }
                if !cells.allSatisfy(\.isEmpty) { return (cells, start) }
            }
            return nil
        }
        guard let (headerCells, headerLine) = nextRow() else {
            throw MatchPlanError(.data, file: file, "has no header row; expected comma-separated column names such as \(requiredColumns.joined(separator: ","))")
        }
        let header = try readHeader(headerCells, file: file, line: headerLine)
        var programs: [ProgramList.Program] = []
        var seen: [String: Int] = [:]
        while let (cells, row) = nextRow() {
            let program = try readRow(cells, header: header, file: file, row: row, states: states)
            let key = "\(program.specialty.rawValue)\u{0}\(program.name.lowercased())"
            if let first = seen[key] {
                throw MatchPlanError(.data, file: file, location: .init(line: row, column: header.firstIndex(of: "program")! + 1), keyPath: "column program",
                                     "'\(FieldReader.printable(program.name))' (\(program.specialty.rawValue)) is already on row \(first); expected each program once per specialty: delete one of the rows")
            }
            seen[key] = row
            programs.append(program)
            guard programs.count <= maximumPrograms else {
                throw MatchPlanError(.data, file: file, location: .init(line: row, column: 1), "expected at most \(maximumPrograms) programs; is this the right file?")
            }
        }
        if let error = reader.error, !(error is CSVError) || !isEndOfStream(error) {
            throw MatchPlanError(.data, file: file, location: .init(line: line, column: 1), "stopped reading the list: \(error); save it as comma-separated UTF-8")
        }
        return ProgramList(fileName: (file as NSString).lastPathComponent, programs: programs)
    }

    /// Comment lines (`#` first, outside a quoted value) become blank lines, so line numbers stay true.
    static func withoutComments(_ text: String) -> String {
        var inQuotes = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let wasInQuotes = inQuotes
            for byte in line.utf8 where byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            return !wasInQuotes && line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") ? "" : line
        }.joined(separator: "\n")
    }

    private static func isEndOfStream(_ error: Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }

    /// - Throws: `.data` for an unknown, empty or repeated column, or a required one missing.
    static func readHeader(_ cells: [String], file: String, line: Int) throws -> [String] {
        var header = cells
        while header.count > 1, header.last?.isEmpty == true { header.removeLast() }  // spreadsheet exports add empty columns
        for (index, column) in header.enumerated() {
            let location = MatchPlanError.Location(line: line, column: index + 1)
            if column.isEmpty {
                throw MatchPlanError(.data, file: file, location: location, "column \(index + 1) has no name in the header; expected one of \(columns.joined(separator: ", "))")
            }
            if header[..<index].contains(column) {
                throw MatchPlanError(.data, file: file, location: location, keyPath: "column \(column)", "appears twice in the header; keep one")
            }
            guard !columns.contains(column) else { continue }
            if let separator = [(";", "';'"), ("\t", "tabs")].first(where: { column.contains($0.0) }) {
                throw MatchPlanError(.data, file: file, location: location,
                                     "the header is read as one column: this file looks separated by \(separator.1); expected comma-separated CSV")
            }
            var message = "unknown column '\(FieldReader.printable(column))'"
            message += NearestName.suggest(column, among: columns).map { "; did you mean '\($0)'?" } ?? "; expected one of \(columns.joined(separator: ", "))"
            throw MatchPlanError(.data, file: file, location: location, message)
        }
        for required in requiredColumns where !header.contains(required) {
            throw MatchPlanError(.data, file: file, location: .init(line: line, column: 1),
                                 "the header has no '\(required)' column; every program list needs \(requiredColumns.joined(separator: " and "))")
        }
        return header
    }
}
