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
    /// D16 / B7: the season after `cycle`, projected once per planner from the rules' pattern
    /// (D14), for an applicant who did not match (profiled: projecting it for each plan was a
    /// thirtieth of a roster's time). Make one planner per cycle and reuse it.
    let nextCycle: Cycle

    /// - Precondition: every `event:` the rules use exists in `cycle` (see ``Pipeline``).
    public init(rules: Rules, cycle: Cycle) {
        self.rules = rules
        self.cycle = cycle
        self.nextCycle = CycleProjection.project(matchYear: cycle.matchYear + 1, rules: rules.cycleProjection)
    }

    /// The plan for `profile` as of `today`.
    public func plan(for reported: Profile, today: CalendarDate) -> StrategyPlan {
        // D9 / D3: a "reported" score dated after today is planned as a prediction (and flagged).
        let profile = Self.plannable(reported, today: today)
        var scores = ScoreAssessment(profile: profile, rules: rules,
                                     passingScore: cycle.passingScore(on: profile.step2ck.date))
        // D20: one Step 2 CK state for every part of the plan.
        scores.summary.state = Step2CKStatus.state(profile: profile, step2ckFail: scores.step2ckFail,
                                                   reportingWeeks: cycle.reportingWeeks.value, today: today)
        // D13 (W3, D10): a failed clerkship and a listed course failure decide the same way.
        let concerns = RecordConcerns.concerns(of: profile)
        let pathway = pathwayPlan(profile: profile, scores: scores, concerns: concerns)
        // D18: an IR-only applicant is advised to add DR in the borderline and low scenarios and
        // whenever W3 strongly advises both; otherwise the choice is respected.
        let irOnly = Self.irOnly(profile: profile, scenario: scores.scenario, pathway: pathway, cautious: rules.cautiousScenarios)
        let list = ListStrategy.plan(scores: scores, rules: rules, pathway: profile.pathway, comlexOnly: profile.comlexOnly, irOnly: irOnly,
                                     reapplicant: profile.matchResult == .unmatched)
        let afterMatch = AfterMatch(profile: profile, cycle: cycle, next: nextCycle, today: today)
        let timingSignals = Step2CKTiming.Signals(step1FailOnRecord: scores.step1FailOnRecord, step2ckFail: scores.step2ckFail, concerns: concerns,
                                                  step1NotPassed: scores.step1.notPassed)
        let timing = Step2CKTiming.plan(profile: profile, rules: rules, cycle: cycle, signals: timingSignals,
                                        state: scores.summary.state, matchOver: afterMatch.closed, today: today)
        let findings = Findings.evaluate(profile: profile, reported: reported, rules: rules, cycle: cycle, scores: scores,
                                         timing: timing, pathway: pathway, list: list, concerns: concerns, irOnly: irOnly,
                                         afterMatch: afterMatch, today: today)
        let conditions = conditions(profile: profile, scores: scores, timing: timing, list: list, afterMatch: afterMatch, irOnly: irOnly)
        // P3 / D19: the remediation plan is due when the failing Step 1 result came back (the
        // sitting plus the reporting weeks; today when the sitting date is unknown), and never
        // after the retake it prepares.
        let remediation = timing.step1RetakeTarget.map { retake in
            min(profile.step1Date?.adding(days: 7 * cycle.reportingWeeks.value) ?? today, retake.adding(days: -7))
        }
        let dates = DateResolver(cycle: cycle, timingLatest: timing.latestDate, step1Retake: timing.step1RetakeTarget,
                                 step1Remediation: remediation)
        let signals = SignalSplit.plan(cycle: cycle, rules: rules, scenario: scores.scenario, pathway: profile.pathway,
                                       comlexOnly: profile.comlexOnly, irOnly: irOnly)
        let checklist = ChecklistBuilder.build(profile: profile, rules: rules, conditions: conditions, dates: dates,
                                               step1NotPassed: scores.step1.notPassed, step2ckState: scores.summary.state,
                                               sittingDate: profile.step2ck.date, afterMatch: afterMatch, today: today)
            .map { item -> StrategyPlan.ChecklistItem in
                // SG2: the signal item says how to split them.
                guard item.rule == signals.split.rule, item.status != .closed else { return item }
                var item = item
                item.text += ". " + signals.split.advice
                return item
            }
        var plan = StrategyPlan(
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
            timeline: TimelineBuilder.build(rules: rules, cycle: cycle, dates: dates, timing: timing, step2ckState: scores.summary.state, today: today),
            signals: signals
        )
        plan.actions = DoNow.actions(for: plan)
        // WI1: how the plan moves at other scores.
        let early = [.ms1, .ms2].contains(profile.stage ?? Findings.expectedStage(matchYear: profile.matchYear, today: today, yearStart: rules.schoolYearStart) ?? .ms3)
        plan.whatIf = WhatIf.rows(profile: profile, scores: scores, planner: self, concerns: concerns, signals: timingSignals,
                                  early: early, matchOver: afterMatch.closed)
        return plan
    }

    /// W3: both pathways are sensible for everyone, strongly advised under the rules' Step 2 CK
    /// threshold, after a Step 1 or Step 2 CK fail, with any concern however entered
    /// (``RecordConcerns``), or for a COMLEX-only applicant (D4: most IR programs screen on Step 2 CK).
    func pathwayPlan(profile: Profile, scores: ScoreAssessment, concerns: [Profile.Concern]? = nil) -> StrategyPlan.PathwayPlan {
        let lowScore = scores.summary.scoreUsed.map { $0 < rules.bothPathwaysStronglyBelow } ?? false
        let concerns = concerns ?? RecordConcerns.concerns(of: profile)
        // D16 / W3 (B13): an unmatched reapplicant is strongly advised to apply to both.
        let strongly = lowScore || scores.step1FailOnRecord || scores.step2ckFail || !concerns.isEmpty || profile.comlexOnly
            || profile.matchResult == .unmatched
        return .init(chosen: profile.pathway, bothStronglyAdvised: strongly, rule: "W3")
    }

    /// The conditions that select content pages and checklist items for this student.
    func conditions(profile: Profile, scores: ScoreAssessment, timing: StrategyPlan.TimingPlan,
                    list: StrategyPlan.ListPlan, afterMatch: AfterMatch? = nil, irOnly: IROnly? = nil) -> Set<Condition> {
        var texts = ["scenario:\(scores.scenario.rawValue)", "band:\(scores.band.rawValue)",
                     "score:\(scores.summary.basis.rawValue)", "timing:\(timing.scenario.rawValue)"]
        if scores.step1FailOnRecord { texts.append("step1:fail") }
        // S1.1 / D19: Step 1 still to pass: the retake item replaces "Pass Step 1".
        if scores.step1.notPassed { texts.append("step1:not_passed") }
        // C2 / A1 / D20: the timing advice for a sitting still ahead (none once the exam is sat,
        // unless a failed score puts a retake ahead).
        let state = scores.summary.state
        if state.sittingAhead { texts.append("timing_ahead:\(timing.scenario.rawValue)") }
        texts.append("step2ck_state:\(state.rawValue)")
        // D3 / D20: planning from practice scores before the sitting (after it, the score is awaited).
        if scores.summary.basis == .predicted && !state.sat { texts.append("score:predicted_before_sitting") }
        if let irOnly { texts.append("ir_only:\(irOnly.rawValue)") }
        // H1 / H4 (B6): a clerkship graded fail is remediated and outweighed by later clinical work.
        if !RecordConcerns.failedClerkships(profile).isEmpty { texts.append("clerkship:fail") }
        if let stage = profile.stage { texts.append("stage:\(stage.rawValue)") }
        // D4 / S0.1 (B12): a DO decides whether to sit USMLE alongside COMLEX.
        if let degree = profile.degree { texts.append("degree:\(degree.rawValue)") }
        if case .score? = profile.step1 { texts.append("step1:numeric") }
        if scores.step2ckFail { texts.append("step2ck:fail") }
        if profile.comlexOnly { texts.append("comlex_only") }
        if scores.summary.nearBoundary != nil { texts.append("near_boundary") }
        if let rule = list.rule { texts.append("list:\(rule)") }
        if let pathway = profile.pathway { texts.append("pathway:\(pathway.rawValue)") }
        texts += afterMatch?.conditions ?? []
        return Set(texts.map(Condition.init(unchecked:)))
    }

    /// D18: how an integrated-IR-only applicant is advised (nil for any other pathway).
    enum IROnly: String {
        /// Borderline or low scenario, or W3 strongly advises both: the list keeps its DR
        /// programs, signals are split as for both, and the report says this means applying to DR too.
        case drAdvised = "dr_advised"
        /// High or solid with nothing else on the record: the choice is respected (no DR programs,
        /// all signals on IR) and DR backups are an advisory item.
        case byChoice = "by_choice"
    }

    /// - Parameter cautious: D21: the rules' cautious scenarios, where DR is advised.
    static func irOnly(profile: Profile, scenario: Band, pathway: StrategyPlan.PathwayPlan, cautious: [Band]) -> IROnly? {
        // With no score yet (and nothing on the record) there is nothing to decide the list on.
        guard profile.pathway == .integratedIR, scenario != .unknown || pathway.bothStronglyAdvised else { return nil }
        return pathway.bothStronglyAdvised || cautious.contains(scenario) ? .drAdvised : .byChoice
    }

    /// C5 / D3 / D9: a reported score dated after today cannot have been reported yet: it is
    /// planned as a predicted score (added to the practice range) until the profile is corrected.
    static func plannable(_ profile: Profile, today: CalendarDate) -> Profile {
        guard let score = profile.step2ck.score, let date = profile.step2ck.date, date > today else { return profile }
        var profile = profile
        profile.step2ck.score = nil
        profile.step2ck.practice.append(score)
        return profile
    }
}
