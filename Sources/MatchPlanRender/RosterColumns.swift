import MatchPlanModel

/// One column of a class overview, declared once for the dashboard's table (`index.html`) and
/// the spreadsheet summary (`summary.csv`), so the two always have the same columns.
///
/// Extra columns (a program list's status, a fee) are more values appended to
/// ``RosterColumn/standard`` or passed as `extraColumns` to ``RosterIndex/render`` and
/// ``RosterSummaryCSV/render``: nothing else changes.
public struct RosterColumn: Sendable {
    /// The CSV header (`match_year`), also the table column's `data-key`.
    public var key: String
    /// The table's header text ("Match year"); nil for a column only the CSV has (`id`,
    /// `family_name`, `error`, which the table shows inside other cells).
    public var title: String?
    /// Sorted as numbers (`data-type="number"`) rather than as text by the dashboard's script.
    public var numeric: Bool
    /// The cell for one student.
    public var cell: @Sendable (RosterSummary) -> Cell

    public init(key: String, title: String?, numeric: Bool = false, cell: @escaping @Sendable (RosterSummary) -> Cell) {
        self.key = key
        self.title = title
        self.numeric = numeric
        self.cell = cell
    }

    /// A cell: what the table shows, what the script sorts by, and the CSV's value.
    public struct Cell: Sendable, Equatable {
        /// Shown in the table (escaped by the template).
        public var text: String
        /// The sort key (`data-sort`): a number for numeric columns, ISO dates for dates; empty
        /// sorts last.
        public var sort: String
        /// The CSV's value: plain, ids not paths, ISO dates.
        public var csv: String
        /// A `<time datetime>` for the shown text (YYYY-MM-DD), or empty.
        public var datetime: String = ""
        /// Shown highlighted (overdue items, a failed row).
        public var marked: Bool = false
        /// What a screen reader says instead of the shown text ("no list" for a dash), or empty
        /// when the shown text says it.
        public var spoken: String = ""

        public init(text: String, sort: String? = nil, csv: String? = nil, datetime: String = "", marked: Bool = false) {
            self.text = text
            self.sort = sort ?? text
            self.csv = csv ?? text
            self.datetime = datetime
            self.marked = marked
        }

        static let empty = Cell(text: "", sort: "", csv: "")
        /// A value that does not exist for this student: a dash in the table (sorted last), read
        /// as `spoken`; empty in the CSV.
        static func absent(_ spoken: String) -> Cell {
            var cell = Cell(text: "—", sort: "", csv: "")
            cell.spoken = spoken
            return cell
        }
        static func number(_ value: Int?, marked: Bool = false) -> Cell {
            value.map { Cell(text: "\($0)", marked: marked) } ?? .empty
        }
    }

    /// The overview's columns, in order. `name` comes first: the table shows it as the row
    /// header with the link to the report and the id beneath.
    public static let standard: [RosterColumn] = [
        RosterColumn(key: "id", title: nil) { Cell(text: $0.id ?? "") },
        RosterColumn(key: "name", title: "Student") { Cell(text: $0.name, sort: "\($0.familyName) \($0.name)".lowercased()) },
        RosterColumn(key: "family_name", title: nil) { Cell(text: $0.familyName) },
        RosterColumn(key: "match_year", title: "Match year", numeric: true) { .number($0.plan?.matchYear) },
        RosterColumn(key: "stage", title: "Stage") { Cell(text: $0.plan?.stage?.rawValue ?? "") },
        RosterColumn(key: "step2ck", title: "Step 2 CK", numeric: true) { step2ck($0.plan) },
        RosterColumn(key: "step2ck_basis", title: nil) { Cell(text: $0.plan.map { basis($0).rawValue } ?? "") },
        RosterColumn(key: "band", title: "Band", numeric: true) { student in
            guard let plan = student.plan else { return .empty }
            return Cell(text: plan.band.name, sort: "\(Band.allCases.firstIndex(of: plan.band)!)")
        },
        RosterColumn(key: "strategy", title: "Strategy", numeric: true) { student in
            guard let plan = student.plan else { return .empty }
            return Cell(text: plan.scenario.name, sort: "\(Band.allCases.firstIndex(of: plan.scenario)!)")
        },
        RosterColumn(key: "red_flags", title: "Red flags", numeric: true) { .number($0.plan?.redFlags, marked: ($0.plan?.redFlags ?? 0) > 0) },
        RosterColumn(key: "overdue", title: "Overdue", numeric: true) { .number($0.plan?.overdue, marked: ($0.plan?.overdue ?? 0) > 0) },
        RosterColumn(key: "next_action", title: "Next dated action") { Cell(text: $0.plan?.nextAction?.text ?? "") },
        RosterColumn(key: "next_action_date", title: "Date") { student in
            guard let due = student.plan?.nextAction?.due else { return .empty }
            return Cell(text: due.longForm, sort: due.description, csv: due.description, datetime: due.description)
        },
        programList, programFee, programFeeProjected,
        RosterColumn(key: "status", title: "Status") { Cell(text: $0.status.rawValue, marked: $0.status != .onTrack) },
        RosterColumn(key: "error", title: nil) { student in
            guard let failure = student.failure else { return .empty }
            return Cell(text: failure.description, csv: RosterColumn.withoutPath(failure))
        },
    ]

    /// Step 2 CK: the reported score, or the practice range it is predicted from (D3), or empty.
    static func step2ck(_ plan: RosterSummary.PlanFacts?) -> Cell {
        guard let plan else { return .empty }
        if let reported = plan.step2ckReported { return Cell(text: "\(reported)", sort: "\(reported)") }
        guard let low = plan.practiceLow, let high = plan.practiceHigh else { return .empty }
        let range = low == high ? "\(low)" : "\(low)–\(high)"
        return Cell(text: "\(range) predicted", sort: "\(plan.scoreUsed ?? low)", csv: low == high ? "\(low)" : "\(low)-\(high)")
    }

    static func basis(_ plan: RosterSummary.PlanFacts) -> ScoreBasis {
        plan.step2ckReported != nil ? .reported : (plan.practiceLow != nil ? .predicted : .none)
    }

    /// A failure for the spreadsheet, which names students by id rather than by file:
    /// `line 3, column 6: column step2ck_score: expected …`.
    static func withoutPath(_ failure: MatchPlanError) -> String {
        var copy = failure
        let place = failure.location.map { "line \($0.line), column \($0.column): " } ?? ""
        copy.file = nil
        copy.location = nil
        return place + copy.description
    }
}
