import MatchPlanModel

extension RosterColumn {
    /// The student's own program list (PL1–PL8): its counts and findings
    /// (``RosterSummary/ListFacts/status(space:)``; in the table each count keeps its word on
    /// its line), marked when the audit raised a red flag. Sorted by red flags, then warnings,
    /// then programs, so the lists that need attention come first (descending) or last. A
    /// planned student without a list shows a dash, read as "no program list"; a failed row
    /// shows nothing.
    static let programList = RosterColumn(key: "program_list", title: "Program list", numeric: true) { student in
        guard let plan = student.plan else { return .empty }
        guard let list = plan.programList else { return .absent("no program list") }
        let sort = list.redFlags * 1_000_000 + min(list.warnings, 999) * 1_000 + min(list.programs, 999)
        return Cell(text: list.status(space: "\u{A0}"), sort: "\(sort)", csv: list.status(), marked: list.redFlags > 0)
    }

    /// PL2: the list's ERAS fee estimate, "$1,046" (with "(projected)" when the schedule was
    /// carried over from another match year); in the CSV a plain number of US dollars. Never a
    /// zero for a student without a list: a dash, read as "no list".
    static let programFee = RosterColumn(key: "program_fee_usd", title: "List fee", numeric: true) { student in
        guard let plan = student.plan else { return .empty }
        guard let list = plan.programList else { return .absent("no list") }
        return Cell(text: list.feeText, sort: "\(list.feeUSD)", csv: "\(list.feeUSD)")
    }

    /// The CSV's flag for ``programFee``: `true` when the fee schedule is projected, `false`
    /// when it is the match year's own, empty without a list.
    static let programFeeProjected = RosterColumn(key: "program_fee_projected", title: nil) { student in
        guard let list = student.plan?.programList else { return .empty }
        return Cell(text: list.feeProjected ? "true" : "false")
    }
}
