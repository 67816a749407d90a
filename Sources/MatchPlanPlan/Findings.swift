import MatchPlanModel

/// Red flags and warnings (S1.1, S1.2, D2, D3, D4, D5, D7, D8, D9, D11, D16, W3, TL6), each with
/// a stable id, its rule and one sentence of why (docs/rules.md).
enum Findings {
    struct Result {
        var redFlags: [StrategyPlan.Finding] = []
        var warnings: [StrategyPlan.Finding] = []
    }

    static func evaluate(profile: Profile, rules: Rules, cycle: Cycle, scores: ScoreAssessment,
                         timing: StrategyPlan.TimingPlan, pathway: StrategyPlan.PathwayPlan, list: StrategyPlan.ListPlan,
                         concerns: [Profile.Concern], afterMatch: AfterMatch, today: CalendarDate) -> Result {
        var result = Result()
        func flag(_ id: String, _ rule: String, _ message: String) {
            result.redFlags.append(.init(id: id, rule: rule, message: message))
        }
        func warn(_ id: String, _ rule: String, _ message: String) {
            result.warnings.append(.init(id: id, rule: rule, message: message))
        }

        // S1.1 / D2 / D11: a fail not yet followed by a pass: Step 1 still has to be passed.
        switch scores.step1.status {
        case .notPassed:
            flag("step1-fail", "S1.1",
                 "Step 1 shows a fail that no pass has followed yet: passing it comes first, and until then the low-score strategy applies whatever the Step 2 CK (D2).")
        case .belowStandard(let score, let standard):
            flag("step1-fail", "D11",
                 "Your numeric Step 1 of \(score) is below the passing standard of \(standard) that applied to it, so it counts as a fail: Step 1 still has to be passed (S1.1), and the low-score strategy applies (D2).")
        case .passedAfterFail:
            // S1.2: a later pass makes the fail recoverable.
            let recovery = scores.summary.recovery
                ? " Your Step 2 CK of \(scores.summary.reported!) is the kind of clearly stronger result that shows recovery."
                : " Recovery means the later pass, a clearly stronger Step 2 CK and a clear account of what changed."
            flag("step1-fail", "S1.2", "Step 1 was passed after more than one attempt, so a fail is on record and the low-score strategy applies whatever the Step 2 CK (D2)." + recovery)
        case .unknown, .passed:
            break
        }
        if let era = scores.step1.eraUnknown, case .score(let score) = profile.step1 {
            warn("step1-standard-unknown", "D11",
                 "Whether a numeric Step 1 of \(score) passed depends on when it was sat (the standard rose from \(era.lowest) to \(era.highest) before pass/fail): add step1_date to the profile, or check the transcript.")
        }
        // D8 / D10: Step 2 CK below the passing score: retake planning, and the year-later option.
        if scores.step2ckFail, let reported = scores.summary.reported {
            let retake = timing.retakeEarliest.map { " The earliest sensible retake is around \($0.longForm); its score would come about \(timing.reportingWeeks) weeks later." } ?? ""
            flag("step2ck-below-passing", "D8",
                 "The reported Step 2 CK (\(reported)) is below the passing score of \(scores.summary.passingScore) that applied on its date, which counts as a fail: plan a retake with a formal remediation plan (P3)." + retake
                 + " Applying a year later, to Match \(profile.matchYear + 1), with a passed and stronger score is a real option: weigh it with your dean and IR mentors.")
        }
        // D5 / T4: a planned date past the T3 limit.
        let t3Limit = rules.timing.latest[.t3]!.inYear(cycle.seasonYear)
        if profile.step2ck.score == nil, let date = profile.step2ck.date {
            if date > t3Limit {
                let late = date > timing.lateAfter ? " It falls in late September or later, when many interview decisions are already made (T4)." : ""
                flag("step2ck-date-too-late", "D5",
                     "The planned Step 2 CK date, \(date.longForm), is after \(t3Limit.longForm), the latest date this plan recommends for anyone; late scores cost early interview invitations." + late)
            } else if date > timing.latestDate {
                warn("step2ck-after-recommended-date", timing.scenario.rawValue,
                     "The planned Step 2 CK date, \(date.longForm), is after \(timing.latestDate.longForm), the latest recommended date for your timing scenario (\(timing.scenario.rawValue)).")
            }
            // D7: the score would arrive after programs start reviewing (a warning; past the T3
            // limit the D5 red flag above already says so).
            if date <= t3Limit, let expected = timing.expectedScoreDate, expected > timing.programsReview {
                warn("score-after-review-begins", "D7",
                     "A sitting on \(date.longForm) leaves less than \(timing.reportingWeeks) weeks before programs may start reviewing on \(timing.programsReview.longForm): the score will likely arrive after review begins (T5).")
            }
        }
        // TL6 / W3: concerns programs will ask about, however entered (RecordConcerns).
        let failedClerkships = RecordConcerns.failedClerkships(profile)
        for concern in concerns {
            var words = ["leave_of_absence": "a leave of absence", "course_failure": "a course failure",
                         "professionalism": "a professionalism concern", "other": "another concern"][concern.rawValue]!
            if concern == .courseFailure, !failedClerkships.isEmpty {
                words += " (the \(failedClerkships.joined(separator: " and ")) clerkship graded fail)"
            }
            flag("concern-\(concern.rawValue.replacingUnderscores)", "W3",
                 "Your record shows \(words): address it briefly and confidently in the personal statement, MSPE and interviews, and apply to DR as well as IR (W3, TL6).")
        }
        // W3: integrated IR only, when applying to both is strongly advised.
        if profile.pathway == .integratedIR && pathway.bothStronglyAdvised {
            warn("apply-to-dr-too", "W3",
                 "You plan to apply to integrated IR only; with your score or record, applying to DR programs with ESIR as well is strongly advised.")
        }
        // D4: COMLEX-only applicants: a plain caveat, the list this plan uses, and Step 2 CK to consider.
        if profile.comlexOnly {
            let listNote = list.rule.map { " Until a USMLE score says otherwise, this plan uses the broad, DR-inclusive list (\($0))." } ?? ""
            warn("comlex-only", "D4",
                 "This guidance is built on USMLE scores, and most IR programs screen on Step 2 CK; without it, many programs cannot place your application against their screens." + listNote
                 + " Consider sitting Step 2 CK by \(timing.latestDate.longForm).")
        }
        // D3: nothing to plan from.
        if scores.summary.basis == .none && !profile.comlexOnly {
            warn("band-unknown", "D3",
                 "No Step 2 CK score and no NBME practice scores yet, so the band is unknown: this report gives timing advice; add practice scores to the profile to see a band.")
        }
        ScheduleFindings.evaluate(profile: profile, rules: rules, cycle: cycle, timing: timing, afterMatch: afterMatch,
                                  today: today, flag: flag, warn: warn)
        afterMatch.findings(flag: flag, warn: warn)
        // D9: stage and match year disagree with today.
        if let stage = profile.stage, let expected = expectedStage(matchYear: profile.matchYear, today: today),
           stage != .graduate, stage != expected {
            warn("stage-does-not-match-year", "D9",
                 "You are listed as \(stage.rawValue), but applying for Match \(profile.matchYear) would usually make you \(expected.rawValue) on \(today.longForm): check match_year and stage in the profile.")
        }
        return result
    }

    /// D9 (MatchPlan's reading): the academic year starts July 1; the season's academic year is MS4.
    static func expectedStage(matchYear: Int, today: CalendarDate) -> Profile.Stage? {
        let season = matchYear - 1
        let ms4Start = CalendarDate(year: season, month: 7, day: 1)!
        guard today < CalendarDate(year: matchYear, month: 7, day: 1)! else { return .graduate }
        if today >= ms4Start { return .ms4 }
        if today >= CalendarDate(year: season - 1, month: 7, day: 1)! { return .ms3 }
        if today >= CalendarDate(year: season - 2, month: 7, day: 1)! { return .ms2 }
        return .ms1
    }
}
