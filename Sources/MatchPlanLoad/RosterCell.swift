import MatchPlanFileSystem
import MatchPlanModel

/// Checks one CSV roster cell before it becomes part of a profile, as a profile file's values
/// are checked by the YAML reader: no control or invisible format characters (``TextCharacters``;
/// tab and the line breaks of a quoted cell are text) and lists of at most ``CSVScan/maximumListItems`` items.
enum RosterCell {
    /// - Throws: ``MatchPlanError`` `.data` at `file:line:column`, naming the column.
    static func check(_ cell: String, column: String, isList: Bool, file: String, line: Int, columnNumber: Int) throws {
        if let problem = TextCharacters.problem(in: cell) {
            throw MatchPlanError(.data, file: file, location: .init(line: line, column: columnNumber), keyPath: "column \(column)", problem)
        }
        if isList {
            let items = cell.utf8.reduce(1) { $1 == UInt8(ascii: ";") ? $0 + 1 : $0 }
            if items > CSVScan.maximumListItems {
                throw MatchPlanError(.data, file: file, location: .init(line: line, column: columnNumber), keyPath: "column \(column)",
                                     "expected a list of at most \(CSVScan.maximumListItems) items separated by ';', found \(items)")
            }
        }
    }
}
