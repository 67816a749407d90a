import MatchPlanModel

/// Computes a student's ``StrategyPlan`` from their profile, the rules and the cycle.
///
/// Pure: no file, clock or environment access; `today` is passed in. Every decision cites its
/// rule id (docs/rules.md) in the helper that makes it (``ScoreAssessment``, ``ListStrategy``,
/// ``Step2CKTiming``, ``Findings``, ``ChecklistBuilder``, ``TimelineBuilder``, ``SignalSplit``,
/// ``AfterMatch``).
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
        let list = ListStrategy.plan(scores: scores, rules: rules, pathway: profile.pathway, comlexOnly: profile.comlexOnly)
        // D13 (W3, D10): a failed clerkship and a listed course failure decide the same way.
        let concerns = RecordConcerns.concerns(of: profile)
        let timing = Step2CKTiming.plan(profile: profile, rules: rules, cycle: cycle,
                                        signals: .init(step1FailOnRecord: scores.step1FailOnRecord, step2ckFail: scores.step2ckFail, concerns: concerns),
                                        today: today)
        let pathway = pathwayPlan(profile: profile, scores: scores, concerns: concerns)
        let afterMatch = AfterMatch(profile: profile, cycle: cycle, today: today)
        let findings = Findings.evaluate(profile: profile, rules: rules, cycle: cycle, scores: scores,
                                         timing: timing, pathway: pathway, list: list, concerns: concerns, afterMatch: afterMatch, today: today)
        let conditions = conditions(profile: profile, scores: scores, timing: timing, list: list, afterMatch: afterMatch)
        let dates = DateResolver(cycle: cycle, timingLatest: timing.latestDate)
        let signals = SignalSplit.plan(cycle: cycle, rules: rules, scenario: scores.scenario, pathway: profile.pathway, comlexOnly: profile.comlexOnly)
        let checklist = ChecklistBuilder.build(profile: profile, rules: rules, conditions: conditions, dates: dates,
                                               step1NotPassed: scores.step1.notPassed, afterMatch: afterMatch, today: today)
            .map { item -> StrategyPlan.ChecklistItem in
                // SG2: the signal item says how to split them.
                guard item.rule == signals.split.rule else { return item }
                var item = item
                item.text += ". " + signals.split.advice
                return item
            }
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
            checklist: checklist,
            timeline: TimelineBuilder.build(rules: rules, cycle: cycle, dates: dates, timing: timing, today: today),
            signals: signals
        )
    }

    /// W3: both pathways are sensible for everyone, strongly advised under the rules' Step 2 CK
    /// threshold, after a Step 1 or Step 2 CK fail, with any concern however entered
    /// (``RecordConcerns``), or for a COMLEX-only applicant (D4: most IR programs screen on Step 2 CK).
    func pathwayPlan(profile: Profile, scores: ScoreAssessment, concerns: [Profile.Concern]? = nil) -> StrategyPlan.PathwayPlan {
        let lowScore = scores.summary.scoreUsed.map { $0 < rules.bothPathwaysStronglyBelow } ?? false
        let concerns = concerns ?? RecordConcerns.concerns(of: profile)
        let strongly = lowScore || scores.step1FailOnRecord || scores.step2ckFail || !concerns.isEmpty || profile.comlexOnly
        return .init(chosen: profile.pathway, bothStronglyAdvised: strongly, rule: "W3")
    }

    /// The conditions that select content pages and checklist items for this student.
    func conditions(profile: Profile, scores: ScoreAssessment, timing: StrategyPlan.TimingPlan,
                    list: StrategyPlan.ListPlan, afterMatch: AfterMatch? = nil) -> Set<Condition> {
        var texts = ["scenario:\(scores.scenario.rawValue)", "band:\(scores.band.rawValue)",
                     "score:\(scores.summary.basis.rawValue)", "timing:\(timing.scenario.rawValue)"]
        if scores.step1FailOnRecord { texts.append("step1:fail") }
        if case .score? = profile.step1 { texts.append("step1:numeric") }
        if scores.step2ckFail { texts.append("step2ck:fail") }
        if profile.comlexOnly { texts.append("comlex_only") }
        if scores.summary.nearBoundary != nil { texts.append("near_boundary") }
        if let rule = list.rule { texts.append("list:\(rule)") }
        if let pathway = profile.pathway { texts.append("pathway:\(pathway.rawValue)") }
        texts += afterMatch?.conditions ?? []
        return Set(texts.map(Condition.init(unchecked:)))
    }
}
