import CSV
import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// One student from a roster: where they came from, and how to load them.
///
/// Loading (parsing and validating the row or file) is deferred so that ``RosterBuild`` can run
/// it on all cores; everything that depends on order (duplicate report names) stays sequential.
public struct RosterEntry: Sendable {
    /// `students.csv:5` or the profile's path; used in progress and failure lists.
    public var source: String
    /// Parses and validates the profile. Safe to call on any thread.
    public var load: @Sendable () -> Result<Profile, MatchPlanError>
    /// The report name (`<slug>.html`, `<slug>.md`) for the loaded profile: a slug of the `id`
    /// column (CSV), or of the profile's `id` or else the file name (folder of profiles); nil
    /// when nothing usable is left.
    public var slug: @Sendable (Profile) -> String?
    /// Where the id is, for errors about it: the CSV file with row and `id` column and the key
    /// path `column id`, or the profile file and `id`.
    public var idError: @Sendable (String) -> MatchPlanError = { MatchPlanError(.data, keyPath: "id", $0) }
    /// The report name to look for when this student fails: their report from an earlier run
    /// is then kept rather than lost (the `id` cell, or the file name).
    public var fallbackSlug: String? = nil
    /// How the class overview names this student if their row fails: the `id` and `name` cells
    /// as written (CSV), or the file name (folder of profiles); nil when empty.
    public var label: (id: String?, name: String?) = (nil, nil)
}

/// Reads a class's profiles one at a time (streamed, never all in memory): a CSV roster whose
/// columns are the profile keys flattened with `_` (`step2ck_score`, `letters_ir`, lists
/// separated by `;`), or a folder of YAML/JSON profile files.
///
/// A bad row or file becomes an entry with a failure; only a problem with the roster as a
/// whole (missing file, bad header) throws.
public final class RosterReader: Sequence, IteratorProtocol, @unchecked Sendable {
    /// Keys whose CSV cell holds a list (`a;b;c`) (``ProfileSchema``).
    static let listKeys: Set<String> = ProfileSchema.listColumns
    /// Mappings a flattened column may belong to, longest first.
    static let groups = ProfileSchema.groups

    /// Every column a roster may have: the profile's key paths joined with `_`.
    public static let columns: [String] = ProfileSchema.columns

    /// About how many students the roster holds (lines after the header, or profile files), for progress.
    public private(set) var estimatedCount = 0
    private let loader: ProfileLoader
    private var produce: () -> RosterEntry?
    private var slugs: Set<String> = []

    /// Opens `path`: a `.csv` file or a folder of `.yaml`, `.yml` and `.json` profiles.
    /// - Parameter io: how the roster is listed and read (``FileIO/disk``, or in memory for tests).
    /// - Throws: ``MatchPlanError`` `.noInput` when missing; `.data` for an unreadable CSV header,
    ///   an unknown column (with a suggestion) or a missing `id` or `match_year` column.
    public init(path: String, loader: ProfileLoader, io: FileIO = .disk) throws {
        self.loader = loader
        if io.isFolder(path) {
            let files = try io.list(path)
                .filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
                .sorted()
            estimatedCount = files.count
            var iterator = files.makeIterator()
            produce = {
                guard let name = iterator.next() else { return nil }
                let file = (path as NSString).appendingPathComponent(name)
                let base = (name as NSString).deletingPathExtension
                return RosterEntry(
                    source: file,
                    load: { Result { try loader.load(file, inside: path, io: io) }.mapError { $0 as? MatchPlanError ?? MatchPlanError(.data, file: file, "\($0)") } },
                    slug: { RosterReader.slug($0.id ?? base) },
                    idError: { MatchPlanError(.data, file: file, keyPath: "id", $0) },
                    fallbackSlug: RosterReader.slug(base),
                    label: (base, nil))
            }
        } else {
            guard io.exists(path) else { throw MatchPlanError(.noInput, file: path, "roster not found") }
            try io.check(path)        // a regular file: never /dev/zero, a FIFO or a /proc file
            try Self.scanCSV(path, io: io)  // first: it stops at an oversize row instead of reading on
            // One streaming pass checks the encoding and counts lines (header and final newline excluded).
            let scan = try TextScan.requireUTF8(io.stream(path, nil), path: path)
            estimatedCount = Swift.max(0, scan.lines - 2)
            if scan.bytes == 0 {
                throw MatchPlanError(.data, file: path, "is empty; expected a header row with at least id and match_year")
            }
            produce = try Self.csvRows(io.stream(path, nil), path: path, loader: loader)
        }
    }

    public func next() -> RosterEntry? {
        produce()
    }

    /// Reserves `slug` for one student: false when an earlier student has it (call in roster order).
    public func claim(_ slug: String) -> Bool {
        slugs.insert(slug).inserted
    }

    /// A report name from an id or file name: lowercase ASCII letters, digits, `.`, `-` and `_`;
    /// anything else becomes `-`. Nil when nothing usable is left.
    public static func slug(_ text: String) -> String? {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            let keep = scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            if keep { result.unicodeScalars.append(scalar) } else if !result.hasSuffix("-") { result.append("-") }
        }
        while result.hasPrefix(".") || result.hasPrefix("-") { result.removeFirst() }
        while result.contains("..") { result = result.replacingOccurrences(of: "..", with: ".") }
        result = String(result.prefix(64))
        while result.hasSuffix("-") || result.hasSuffix(".") { result.removeLast() }
        return result.isEmpty ? nil : result
    }

    // MARK: CSV

    private static func csvRows(_ stream: InputStream, path: String, loader: ProfileLoader) throws -> () -> RosterEntry? {
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true, trimFields: true)
        } catch {
            throw MatchPlanError(.data, file: path, location: .init(line: 1, column: 1),
                                 "cannot read the header row; expected comma-separated column names starting with id and match_year")
        }
        var trimmedHeader = reader.headerRow ?? []
        // Spreadsheet exports add empty columns at the end: ignore them (and their empty cells).
        while trimmedHeader.count > 1, trimmedHeader.last?.isEmpty == true { trimmedHeader.removeLast() }
        let header = trimmedHeader
        var line = 1 + (reader.headerRow ?? []).reduce(0) { $0 + newlines(in: $1) }
        for (index, column) in header.enumerated() where !columns.contains(column) {
            let location = MatchPlanError.Location(line: 1, column: index + 1)
            if let separator = [(";", "';'"), ("\t", "tabs")].first(where: { column.contains($0.0) }) {
                // The whole header landed in one column: the file is not comma-separated.
                throw MatchPlanError(.data, file: path, location: location,
                                     "the header '\(column)' is read as one column: this file looks separated by \(separator.1), and MatchPlan reads comma-separated CSV; export it as CSV with commas")
            }
            if column.isEmpty {
                throw MatchPlanError(.data, file: path, location: location, "column \(index + 1) has no name in the header; name it (a profile key joined with _) or delete the column")
            }
            var message = "unknown column '\(column)'"
            if let near = NearestName.suggest(column, among: columns) { message += "; did you mean '\(near)'?" }
            throw MatchPlanError(.data, file: path, location: location, message + " (columns are profile keys joined with _, see the README)")
        }
        for (index, column) in header.enumerated() where header[..<index].contains(column) {
            throw MatchPlanError(.data, file: path, location: .init(line: 1, column: index + 1),
                                 "the column '\(column)' appears twice in the header; keep one")
        }
        for required in ["id", "match_year"] where !header.contains(required) {
            throw MatchPlanError(.data, file: path, location: .init(line: 1, column: 1), "the header has no '\(required)' column; every roster needs id and match_year")
        }
        let idColumn = (header.firstIndex(of: "id") ?? 0) + 1
        let nameColumn = header.firstIndex(of: "name")
        let plan = ColumnPlan(header: header)
        var failed = false
        return {
            var next: [String]?
            var row = line
            // Blank lines are skipped, not students; a quoted cell spanning lines moves `line` on by its line breaks.
            repeat {
                next = reader.next()
                row = line + 1
                line = row + (next ?? []).reduce(0) { $0 + newlines(in: $1) }
            } while next.map({ $0.allSatisfy(\.isEmpty) }) == true
            guard let cells = next else {
                // At the end of the stream CSV.swift reports cannotReadFile (one read past the end on
                // Linux); only other errors (bad UTF-8, stream failures) are real.
                if let error = reader.error, !failed, !Self.isEndOfStream(error) {
                    failed = true
                    let failure = MatchPlanError(.data, file: path, "stopped reading the roster: \(error); save it as UTF-8 CSV")
                    return RosterEntry(source: path, load: { .failure(failure) }, slug: { _ in nil })
                }
                return nil
            }
            let source = "\(path):\(row)"
            let id = header.firstIndex(of: "id").flatMap { $0 < cells.count ? cells[$0] : nil } ?? ""
            let number = row
            return RosterEntry(
                source: source,
                load: {
                    Result { try profileFromRow(cells, header: header, plan: plan, path: path, row: number, loader: loader) }
                        .mapError { $0 as? MatchPlanError ?? MatchPlanError(.data, file: path, "\($0)") }
                },
                slug: { _ in ProfileLoader.isSafeID(id) ? slug(id) : nil },
                idError: { MatchPlanError(.data, file: path, location: .init(line: number, column: idColumn), keyPath: "column id", $0) },
                fallbackSlug: ProfileLoader.isSafeID(id) ? slug(id) : nil,
                label: (id.isEmpty ? nil : id, nameColumn.flatMap { $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : nil }))
        }
    }

    /// Refuses what CSV.swift would handle badly (``CSVScan``), before anything else reads the file.
    private static func scanCSV(_ path: String, io: FileIO) throws {
        switch CSVScan.firstProblem(try io.stream(path, nil)) {
        case .unclosedQuote(let line, let column)?:
            throw MatchPlanError(.data, file: path, location: .init(line: line, column: column),
                                 "the quote opened here is never closed, so every row after it would be lost; close it with \" (write \"\" for a quote inside a value)")
        case .rowTooLarge(let line)?:
            throw MatchPlanError(.data, file: path, location: .init(line: line, column: 1),
                                 "the row starting here is larger than \(SafeFile.describe(CSVScan.maximumRowBytes)); expected one student per row of a few hundred bytes")
        case nil:
            break
        }
    }

    /// Line breaks inside a (quoted) cell.
    private static func newlines(in cell: String) -> Int {
        cell.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private static func isEndOfStream(_ error: Error) -> Bool {
        if case CSVError.cannotReadFile = error { return true }
        return false
    }

    /// Builds the profile's node tree from one row and validates it like a profile file. Errors
    /// point at `file:row:column` and name the CSV column.
    /// Yams' `Tag.implicit` builds a new `Constructor.default` (three dictionaries) per node, a
    /// profiled tenth of reading a roster row; the tags here share one constructor. (A tag is
    /// a class whose name changes when it is resolved, so each node still gets its own.)
    nonisolated(unsafe) private static let constructor = Constructor.default  // immutable after init

    private static func tag() -> Tag { Tag(.implicit, .default, constructor) }

    /// Where each header column goes in a profile, worked out once per roster.
    struct ColumnPlan: Sendable {
        struct Column: Sendable {
            /// The mapping it belongs to (`step2ck` for `step2ck_score`), or nil at the top.
            var group: String?
            /// Its key inside that mapping (`score`).
            var key: String
            /// A `;`-separated list.
            var isList: Bool
        }
        var columns: [Column]

        init(header: [String]) {
            columns = header.map { column in
                let group = RosterReader.groups.first { column.hasPrefix("\($0)_") }
                return Column(group: group, key: group.map { String(column.dropFirst($0.count + 1)) } ?? column,
                              isList: RosterReader.listKeys.contains(column))
            }
        }
    }

    private static func profileFromRow(_ cells: [String], header: [String], plan: ColumnPlan, path: String, row: Int, loader: ProfileLoader) throws -> Profile {
        var cells = cells
        while cells.count > header.count, cells.last?.isEmpty == true { cells.removeLast() }  // trailing empty columns
        guard cells.count <= header.count else {
            throw MatchPlanError(.data, file: path, location: .init(line: row, column: header.count + 1),
                                 "row has \(cells.count) fields but the header names \(header.count) columns; quote values that contain commas, and separate the items of a list column with ';' (241;246)")
        }
        var top: [(Node, Node)] = []
        var groups: [String: [(Node, Node)]] = [:]
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            let column = plan.columns[index]
            try RosterCell.check(cell, column: header[index], isList: column.isList, file: path, line: row, columnNumber: index + 1)
            let value: Node = column.isList
                ? Node(cell.split(separator: ";").map { Node(String($0).trimmingCharacters(in: .whitespaces), tag(), .plain) }, tag())
                : Node(cell, tag(), .plain)
            if let group = column.group {
                groups[group, default: []].append((Node(column.key, tag()), value))
            } else {
                top.append((Node(column.key, tag()), value))
            }
        }
        for group in groups.keys.sorted() { top.append((Node(group, tag()), Node(groups[group]!, tag()))) }
        do {
            return try loader.profile(from: FieldReader(Node(top, tag()), file: path))
        } catch var error as MatchPlanError {
            let column = error.keyPath.map { $0.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression) }
            error.location = .init(line: row, column: column.flatMap { header.firstIndex(of: $0) }.map { $0 + 1 } ?? 1)
            error.keyPath = column.map { "column \($0)" }
            error.file = path
            throw error
        }
    }
}
