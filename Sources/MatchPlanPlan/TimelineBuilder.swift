import MatchPlanModel

/// TL1–TL7: the timeline from MS2 to Match Day with real dates for the match year, each phase
/// or event past, current or upcoming relative to today (D9).
enum TimelineBuilder {
    /// - Parameters:
    ///   - timing: the student's timing plan (adds their own Step 2 CK date); nil for the site's generic timeline.
    ///   - step2ckState: D20: names the student's own date as sat or to come, and adds the expected
    ///     score date (T5) while the score is still to come.
    ///   - today: decides past, current and upcoming; nil marks everything upcoming (the site shows no status).
    static func build(rules: Rules, cycle: Cycle, dates: DateResolver, timing: StrategyPlan.TimingPlan?,
                      step2ckState: Step2CKState? = nil, today: CalendarDate?) -> [StrategyPlan.TimelineEvent] {
        var events = rules.timeline.compactMap { rule -> StrategyPlan.TimelineEvent? in
            guard let start = dates.resolve(rule.start) else { return nil }
            let end = rule.end.flatMap(dates.resolve)
            // A cycle event carries its own confidence; a phase is MatchPlan's reading of the
            // calendar, so projected. With two cycle dates, the less certain one decides.
            let confidences = [rule.start, rule.end].compactMap { spec -> Cycle.Confidence? in
                guard case .event(let id)? = spec else { return nil }
                return cycle.event(id)?.confidence
            }
            let isCycleEvent = !confidences.isEmpty
            let confidence = confidences.max { Cycle.Confidence.allCases.firstIndex(of: $0)! < Cycle.Confidence.allCases.firstIndex(of: $1)! } ?? .projected
            let state = status(start: start, end: end ?? start, today: today)
            // S0.4 / D14: a cycle date that is not official says "verify" until it has passed.
            return .init(id: rule.id, rule: rule.rule, title: rule.title, date: start, end: end, status: state,
                         confidence: confidence, verify: isCycleEvent && confidence.needsVerification && state != .past)
        }
        // The student's own Step 2 CK date, under the timing rule that applies (T1–T3): their own
        // record, so official.
        // D20: a sitting before the timeline's first phase belongs to an earlier cycle (a
        // graduate's old exam): the timing text names it as past; the timeline leaves it out.
        let first = events.map(\.date).min()
        if let timing, let sitting = timing.sittingDate, first.map({ sitting >= $0 }) ?? true {
            let sat = step2ckState?.sat ?? false
            events.append(.init(id: "your-step2ck-date", rule: timing.scenario.rawValue, title: sat ? "You sat Step 2 CK" : "Your Step 2 CK date",
                                date: sitting, end: nil, status: status(start: sitting, end: sitting, today: today),
                                confidence: .official, verify: false))
            // T5 / D20: while no score is in the profile, when to expect it (an estimate:
            // projected); kept once past, so a calendar re-imported on a later day keeps the event
            // until the score is added. With a score in, it would contradict the score: left out.
            if let expected = timing.expectedScoreDate, let step2ckState, [.planned, .satAwaitingScore, .scoreOverdue].contains(step2ckState) {
                events.append(.init(id: "your-step2ck-score", rule: "T5", title: "About when your Step 2 CK score is back",
                                    date: expected, end: nil, status: status(start: expected, end: expected, today: today),
                                    confidence: .projected, verify: false))
            }
        }
        // Stable sort by start date; ties keep the rules' order.
        return events.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    static func status(start: CalendarDate, end: CalendarDate, today: CalendarDate?) -> StrategyPlan.TimelineStatus {
        guard let today else { return .upcoming }
        if end < today { return .past }
        if start <= today { return .current }
        return .upcoming
    }
}
