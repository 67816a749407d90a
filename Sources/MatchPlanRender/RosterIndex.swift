import MatchPlanFileSystem
import MatchPlanModel

/// The class dashboard: the private overview of a class's reports (`index.html` beside the
/// students' `<slug>.html` and `<slug>.md`). One row per student (``RosterColumn/standard``),
/// failed rows included and marked; counts per band and status with a bar chart at the top;
/// sorted by family name, with a few lines of script for sorting by any column and filtering.
public enum RosterIndex {
    struct View: Encodable {
        var today: String
        var todayISO: String
        var count: String
        var reportCount: String
        var overdueCount: String
        var charts: [RosterChart.Chart]
        var columns: [Head]
        var bandOptions: [Option]
        var yearOptions: [Option]
        /// Rows rendered one at a time through `partials/roster-row.html` (a view model holding every
        /// row at once peaked at over 150 MB for 100,000 students), and written as they are
        /// rendered where the page allows (``RosterIndex/rowsMarker``).
        var rows: String
        var hasFailures: Bool
        var failureCount: String
        var failures: [String]
    }

    struct Head: Encodable {
        var key: String
        var title: String
        var numeric: Bool
    }

    struct Option: Encodable {
        var value: String
        var label: String
    }

    struct Row: Encodable {
        var nameText: String
        var nameSort: String
        var hasLink: Bool
        var href: String
        var hasID: Bool
        var id: String
        var band: String
        var year: String
        var overdue: String
        var failed: Bool
        var cells: [CellView]
    }

    struct CellView: Encodable {
        var key: String
        var text: String
        var sort: String
        var hasTime: Bool
        var datetime: String
        var marked: Bool
        var hasSpoken: Bool
        var spoken: String
        var hasNote: Bool
        var note: String
    }

    /// The page as one string (see ``render(_:templates:today:linkFormat:extraColumns:into:)``).
    public static func render(_ students: [RosterSummary], templates: TemplateSet, today: CalendarDate,
                              linkFormat: ReportFormat? = .html, extraColumns: [RosterColumn] = []) throws -> String {
        var page = ""
        try render(students, templates: templates, today: today, linkFormat: linkFormat, extraColumns: extraColumns) { page += $0 }
        return page
    }

    /// The page in pieces, in order, each passed to `append` as it is made: the rows are rendered
    /// one at a time between the text before and after them, so the page is never held whole
    /// (tens of megabytes for 100,000 students). The bytes are those of one render of the page.
    /// - Parameters:
    ///   - students: every student, failed rows included, in overview order
    ///     (``RosterSummary/sortedByFamilyName(_:)``).
    ///   - linkFormat: the report each row links to (`<slug>.html`; `<slug>.md` when no HTML is
    ///     written, `<slug>.json` when only plans are).
    ///   - extraColumns: columns after the standard ones (see ``RosterColumn``).
    public static func render(_ students: [RosterSummary], templates: TemplateSet, today: CalendarDate,
                              linkFormat: ReportFormat? = .html, extraColumns: [RosterColumn] = [],
                              into append: (String) throws -> Void) throws {
        let columns = RosterColumn.standard + extraColumns
        let nameColumn = columns.first { $0.key == "name" }!
        let shown = columns.filter { $0.title != nil && $0.key != "name" }
        let planned = students.compactMap(\.plan)
        let failed = students.filter { $0.failure != nil }
        func rowText(_ student: RosterSummary) throws -> String {
            try templates.render(row(student, name: nameColumn, shown: shown, linkFormat: linkFormat), template: "partials/roster-row.html")
        }
        var view = View(
            today: today.longForm, todayISO: today.description, count: "\(students.count)", reportCount: "\(planned.count)",
            overdueCount: "\(planned.filter { $0.overdue > 0 }.count)",
            charts: RosterChart.charts(students),
            columns: [Head(key: nameColumn.key, title: nameColumn.title!, numeric: false)]
                + shown.map { Head(key: $0.key, title: $0.title!, numeric: $0.numeric) },
            bandOptions: Band.allCases.filter { band in planned.contains { $0.band == band } }.map { Option(value: $0.rawValue, label: $0.name) },
            yearOptions: Set(planned.map(\.matchYear)).sorted().map { Option(value: "\($0)", label: "\($0)") },
            rows: "",
            hasFailures: !failed.isEmpty, failureCount: "\(failed.count)",
            failures: failed.compactMap(\.failureLine)
        )
        // The page around a marker in place of the rows, when that is sure to be the same as the
        // page with the rows: the first row is not empty (so `rows` is as truthy as the marker),
        // no partial is indented (``CompiledTemplates/splittable(_:)``: an indented partial
        // indents every line of what it prints), and the marker comes out once and unescaped (its
        // `&` would not survive HTML escaping). Otherwise the rows are gathered first.
        if let first = students.first, templates.compiled.splitting.contains("roster-index.html") {
            let firstRow = try rowText(first)
            view.rows = rowsMarker
            let parts = try templates.render(view, template: "roster-index.html").components(separatedBy: rowsMarker)
            if !firstRow.isEmpty, parts.count == 2 {
                try append(parts[0])
                try append(firstRow)
                for student in students.dropFirst() { try append(try rowText(student)) }
                try append(parts[1])
                return
            }
        }
        view.rows = try students.reduce(into: "") { text, student in text += try rowText(student) }
        try append(try templates.render(view, template: "roster-index.html"))
    }

    /// Stands for the rows in a render of the page (private-use characters and an `&`).
    static let rowsMarker = "\u{E004}matchplan-rows&\u{E004}"

    static func row(_ student: RosterSummary, name: RosterColumn, shown: [RosterColumn], linkFormat: ReportFormat?) -> Row {
        let nameCell = name.cell(student)
        let href = student.plan != nil ? linkFormat.flatMap { format in student.slug.map(format.fileName(slug:)) } : student.keptReport
        var cells = shown.map { column in
            let cell = column.cell(student)
            return CellView(key: column.key, text: cell.text, sort: cell.sort, hasTime: !cell.datetime.isEmpty, datetime: cell.datetime,
                            marked: cell.marked, hasSpoken: !cell.spoken.isEmpty, spoken: cell.spoken, hasNote: false, note: "")
        }
        // The error goes under the status of a failed row.
        if let failure = student.failure, let status = cells.firstIndex(where: { $0.key == "status" }) {
            cells[status].hasNote = true
            cells[status].note = failure.description
        }
        let id = student.id ?? ""
        return Row(nameText: nameCell.text, nameSort: nameCell.sort, hasLink: href != nil, href: href ?? "",
                   hasID: !id.isEmpty && id != student.name, id: id,
                   band: student.plan?.band.rawValue ?? "", year: student.plan.map { "\($0.matchYear)" } ?? "",
                   overdue: (student.plan?.overdue ?? 0) > 0 ? "yes" : "no", failed: student.failure != nil, cells: cells)
    }
}
