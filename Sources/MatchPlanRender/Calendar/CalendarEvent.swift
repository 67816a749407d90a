import MatchPlanModel

/// One all-day event of a student's calendar file: a dated checklist item or a timeline event.
public struct CalendarEvent: Sendable, Equatable {
    /// Stable across runs for the same item and Match year, so re-importing the file updates the
    /// event instead of adding a copy: `<kind>.<item id>-<match year>@matchplan`.
    public var uid: String
    /// First day of the event.
    public var start: CalendarDate
    /// Last day of the event (the same as ``start`` for a one-day event).
    public var last: CalendarDate
    /// Title (plain text; escaped when written).
    public var summary: String
    /// Why the date matters: the rule, and for a date that is not official its confidence.
    public var description: String

    /// The events of a plan, in the plan's order: dated checklist items first, then every
    /// timeline event (a phase spans its days). Each description names the rule and how sure the
    /// date is (S0.4 / D14): a checklist date set by MatchPlan's rules is a recommendation; a
    /// calendar date that is not official says "verify" while ahead and "was" once past.
    public static func events(of plan: StrategyPlan) -> [CalendarEvent] {
        let year = plan.matchYear
        let checklist = plan.checklist.compactMap { item -> CalendarEvent? in
            guard let due = item.due else { return nil }
            let sure = item.dueConfidence.map { confidenceNote($0, past: due < plan.today) }
                ?? "Date set by MatchPlan's rule: a recommendation, not an official deadline."
            return CalendarEvent(uid: "checklist.\(item.id)-\(year)@matchplan", start: due, last: due, summary: item.text,
                                 description: "Checklist (\(item.status.label.lowercased())). Rule \(item.rule). \(sure)")
        }
        let timeline = plan.timeline.map { event in
            var about = "Timeline. Rule \(event.rule)."
            if event.confidence.needsVerification {
                about += " " + confidenceNote(event.confidence, past: event.status == .past)
            }
            return CalendarEvent(uid: "timeline.\(event.id)-\(year)@matchplan", start: event.date, last: max(event.date, event.end ?? event.date),
                                 summary: event.title, description: about)
        }
        return checklist + timeline
    }

    /// "Date projected: verify." while ahead, "Date was projected." once past; "Date official."
    static func confidenceNote(_ confidence: Cycle.Confidence, past: Bool) -> String {
        guard confidence.needsVerification else { return "Date official." }
        return past ? "Date was \(confidence.rawValue)." : "Date \(confidence.rawValue): verify."
    }
}
