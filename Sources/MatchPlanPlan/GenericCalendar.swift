import MatchPlanModel

/// The cycle's calendar with no student: what the advising site shows. Dates that depend on a
/// student's timing scenario use T1's latest date (D7), as the site's generic timeline does.
public struct GenericCalendar {
    let dates: DateResolver
    let rules: Rules
    let cycle: Cycle

    public init(rules: Rules, cycle: Cycle) {
        self.rules = rules
        self.cycle = cycle
        self.dates = DateResolver(cycle: cycle, timingLatest: rules.timing.latest[.t1]!.inYear(cycle.seasonYear))
    }

    /// TL1–TL7 with no status and no personal Step 2 CK date, sorted by start date.
    public func timeline() -> [StrategyPlan.TimelineEvent] {
        TimelineBuilder.build(rules: rules, cycle: cycle, dates: dates, timing: nil, today: nil)
    }

    /// The date of a rule's relative date in this cycle; nil for an event the cycle lacks.
    public func resolve(_ spec: DateSpec) -> CalendarDate? {
        dates.resolve(spec)
    }
}
