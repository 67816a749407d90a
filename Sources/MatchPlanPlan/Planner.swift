import MatchPlanModel

/// Computes a student's ``StrategyPlan`` from their profile, the rules and the cycle.
///
/// Pure: no file, clock or environment access; `today` is passed in. Every decision cites its
/// rule id in the helper that makes it (``ScoreAssessment``, ``ListStrategy``,
/// ``Step2CKTiming``, ``Findings``, ``ChecklistBuilder``, ``TimelineBuilder``).
public struct Planner: Sendable {
    public let rules: Rules
    public let cycle: Cycle

    /// - Precondition: every `event:` the rules use exists in `cycle` (see ``Pipeline``).
    public init(rules: Rules, cycle: Cycle) {
        self.rules = rules
        self.cycle = cycle
    }

    /// The plan for `profile` as of `today`.
    public func plan(for profile: Profile, today: CalendarDate) -> StrategyPlan {
        let scores = ScoreAssessment(profile: profile, rules: rules,
                                     passingScore: cycle.passingScore(on: profile.step2ck.date))
        let list = ListStrategy.plan(scores: scores, rules: rules)
        let timing = Step2CKTiming.plan(profile: profile, rules: rules, cycle: cycle, step1FailOnRecord: scores.step1FailOnRecord)
        let pathway = pathwayPlan(profile: profile, scores: scores)
        let findings = Findings.evaluate(profile: profile, rules: rules, cycle: cycle, scores: scores,
                                         timing: timing, pathway: pathway, today: today)
        let conditions = conditions(profile: profile, scores: scores, timing: timing, list: list)
        let dates = DateResolver(cycle: cycle, timingLatest: timing.latestDate)
        return StrategyPlan(
            name: profile.name,
            matchYear: profile.matchYear,
            seasonYear: cycle.seasonYear,
            today: today,
            stage: profile.stage,
            band: scores.band,
            bandRule: scores.bandRule,
            scenario: scores.scenario,
            scenarioRule: scores.scenarioRule,
            step2ck: scores.summary,
            conditions: conditions.sorted().map(\.text),
            redFlags: findings.redFlags,
            warnings: findings.warnings,
            list: list,
            pathway: pathway,
            timing: timing,
            checklist: ChecklistBuilder.build(profile: profile, rules: rules, conditions: conditions, dates: dates, today: today),
            timeline: TimelineBuilder.build(rules: rules, cycle: cycle, dates: dates, timing: timing, today: today),
            signals: .init(gold: cycle.signals.gold, silver: cycle.signals.silver, confidence: cycle.signals.confidence,
                           includeESIRPrograms: [.borderline, .low].contains(scores.scenario))
        )
    }

    /// W3: both pathways are sensible for everyone, strongly advised under the rules' Step 2 CK
    /// threshold, after a Step 1 or Step 2 CK fail, or with any listed concern.
    func pathwayPlan(profile: Profile, scores: ScoreAssessment) -> StrategyPlan.PathwayPlan {
        let lowScore = scores.summary.scoreUsed.map { $0 < rules.bothPathwaysStronglyBelow } ?? false
        let strongly = lowScore || scores.step1FailOnRecord || scores.step2ckFail || !profile.concerns.isEmpty
        return .init(chosen: profile.pathway, bothStronglyAdvised: strongly, rule: "W3")
    }

    /// The conditions that select content pages and checklist items for this student.
    func conditions(profile: Profile, scores: ScoreAssessment, timing: StrategyPlan.TimingPlan,
                    list: StrategyPlan.ListPlan) -> Set<Condition> {
        var texts = ["scenario:\(scores.scenario.rawValue)", "band:\(scores.band.rawValue)",
                     "score:\(scores.summary.basis.rawValue)", "timing:\(timing.scenario.rawValue)"]
        if scores.step1FailOnRecord { texts.append("step1:fail") }
        if case .score? = profile.step1 { texts.append("step1:numeric") }
        if scores.step2ckFail { texts.append("step2ck:fail") }
        if profile.comlexOnly { texts.append("comlex_only") }
        if scores.summary.nearBoundary != nil { texts.append("near_boundary") }
        if let rule = list.rule { texts.append("list:\(rule)") }
        if let pathway = profile.pathway { texts.append("pathway:\(pathway.rawValue)") }
        return Set(texts.map(Condition.init(unchecked:)))
    }
}
