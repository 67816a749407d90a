import MatchPlanModel

/// `partials/do-now`: what to do now, at the very top of the report: the plan's actions
/// (N1–N5: the overdue count, state prompts, the next three dated items) in the plan's order.
struct DoNowView: Encodable, Sendable {
    var hasActions: Bool
    var actions: [ActionView]
    /// The rule ids behind the actions, once each, in first-use order (one quiet line).
    var rules: String
}

/// One action: its sentence and, when dated, the date and the days left.
struct ActionView: Encodable, Sendable {
    var id: String
    var text: String
    var hasDue: Bool
    var due: String
    var dueISO: String
    /// `in 120 days`, `today`, `56 days ago`; empty without a date.
    var daysLeft: String
    /// Past due (days left below zero) or the overdue count itself: drawn as urgent.
    var isUrgent: Bool
}

extension ReportViewBuilder {
    /// N1–N5 as the report shows them.
    func doNowView(_ actions: [PlanAction]) -> DoNowView {
        DoNowView(
            hasActions: !actions.isEmpty,
            actions: actions.map { action in
                // N5's sentence already names its date and days: not said twice.
                let dated = action.due.map { !TextSearch.contains(action.text, $0.longForm) } ?? false
                return ActionView(id: action.id, text: action.text, hasDue: dated,
                           due: action.due?.longForm ?? "", dueISO: action.due?.description ?? "",
                           daysLeft: action.daysLeft.map(Self.daysLeftText) ?? "",
                           isUrgent: action.id == "overdue" || (action.daysLeft ?? 0) < 0)
            },
            rules: Self.ruleLine(actions.map(\.rule))
        )
    }

    /// `in 3 days`, `tomorrow`, `today`, `yesterday`, `56 days ago`.
    static func daysLeftText(_ days: Int) -> String {
        switch days {
        case 0: "today"
        case 1: "tomorrow"
        case -1: "yesterday"
        case ..<0: "\(-days) days ago"
        default: "in \(days) days"
        }
    }

    /// Rule ids once each, in first-use order, comma-separated.
    static func ruleLine(_ rules: [String]) -> String {
        // Rule ids are a few bytes (small strings, compared without hashing): a linear check of
        // the ids kept so far beats a Set for the few dozen a section cites (profiled).
        var kept: [String] = []
        kept.reserveCapacity(rules.count)
        for rule in rules where !rule.isEmpty && !kept.contains(rule) { kept.append(rule) }
        return kept.joined(separator: ", ")
    }
}
