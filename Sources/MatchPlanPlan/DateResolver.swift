import MatchPlanModel

/// Places the rules' relative dates (``DateSpec``) on the calendar of one cycle.
public struct DateResolver {
    let cycle: Cycle
    /// D7: the latest recommended Step 2 CK date for this student.
    let timingLatest: CalendarDate
    /// S1.1 / D19: the Step 1 retake target; nil when Step 1 needs none (or for the site).
    var step1Retake: CalendarDate? = nil
    /// P3 / D19: when the remediation plan before that retake is due; nil with no retake.
    var step1Remediation: CalendarDate? = nil

    /// The date; nil for an `event:` the cycle does not have (the pipeline checks this first) and
    /// for a Step 1 retake when there is none.
    func resolve(_ spec: DateSpec) -> CalendarDate? {
        switch spec {
        case .season(let yearsBefore, let monthDay): monthDay.inYear(cycle.seasonYear - yearsBefore)
        case .match(let monthDay): monthDay.inYear(cycle.matchYear)
        case .event(let id): cycle.event(id)?.date
        case .timingLatest: timingLatest
        case .step1Retake: step1Retake
        case .step1Remediation: step1Remediation
        }
    }

    /// How sure the date of `spec` is: the cycle event's own confidence for `event:`; nil for
    /// dates MatchPlan's rules set (`season:`, `match:`, `timing:`), which are recommendations.
    func confidence(_ spec: DateSpec) -> Cycle.Confidence? {
        guard case .event(let id) = spec else { return nil }
        return cycle.event(id)?.confidence
    }

    /// Event ids `rules` refers to that `cycle` lacks (checked when loading, so the plan never meets one).
    public static func missingEvents(rules: Rules, cycle: Cycle) -> [String] {
        let specs = rules.timeline.flatMap { [$0.start, $0.end] } + rules.checklist.map(\.due)
        return specs.compactMap { spec -> String? in
            guard case .event(let id)? = spec, cycle.event(id) == nil else { return nil }
            return id
        }
    }
}
