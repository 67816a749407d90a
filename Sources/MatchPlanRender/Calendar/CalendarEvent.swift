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
    /// timeline event (a phase spans its days).
    public static func events(of plan: StrategyPlan) -> [CalendarEvent] {
        let year = plan.matchYear
        let checklist = plan.checklist.compactMap { item -> CalendarEvent? in
            guard let due = item.due else { return nil }
            return CalendarEvent(uid: "checklist.\(item.id)-\(year)@matchplan", start: due, last: due, summary: item.text,
                                 description: "Checklist (\(item.status.label.lowercased())). Rule \(item.rule).")
        }
        let timeline = plan.timeline.map { event in
            var about = "Timeline. Rule \(event.rule)."
            if event.confidence.needsVerification { about += " Date \(event.confidence.rawValue): verify." }
            return CalendarEvent(uid: "timeline.\(event.id)-\(year)@matchplan", start: event.date, last: max(event.date, event.end ?? event.date),
                                 summary: event.title, description: about)
        }
        return checklist + timeline
    }
}
