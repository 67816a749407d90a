import MatchPlanModel

/// Red flags and warnings (S1.1, S1.2, D2, D3, D4, D5, D7, D8, D9, D11, D16, W3, TL6), each with
/// a stable id, its rule and one sentence of why (docs/rules.md).
enum Findings {
    struct Result {
        var redFlags: [StrategyPlan.Finding] = []
        var warnings: [StrategyPlan.Finding] = []
    }

    /// - Parameters:
    ///   - profile: the profile as planned (a future-dated score moved to the predictions, C5).
    ///   - reported: the profile as written, for the D9 checks on its own fields.
    ///   - irOnly: D18: how an IR-only applicant is advised.
    static func evaluate(profile: Profile, reported: Profile? = nil, rules: Rules, cycle: Cycle, scores: ScoreAssessment,
                         timing: StrategyPlan.TimingPlan, pathway: StrategyPlan.PathwayPlan, list: StrategyPlan.ListPlan,
                         concerns: [Profile.Concern], irOnly: Planner.IROnly? = nil, afterMatch: AfterMatch, today: CalendarDate) -> Result {
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
                 "Step 1 shows a fail that no pass has followed yet: passing it comes first, and until then the low-score strategy applies whatever the Step 2 CK (D2)." + step1Retake(timing, step2ckAhead: profile.step2ck.score == nil))
        case .belowStandard(let score, let standard):
            flag("step1-fail", "D11",
                 "Your numeric Step 1 of \(score) is below the passing standard of \(standard) that applied to it, so it counts as a fail: Step 1 still has to be passed (S1.1), and the low-score strategy applies (D2)." + step1Retake(timing, step2ckAhead: profile.step2ck.score == nil))
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
            // D8 / D19: the retake target is fixed from the result date; once past, it is overdue.
            let retake = timing.retakeEarliest.map { date in
                date < today
                    ? " The retake was due around \(date.longForm): book the earliest seat now (or note the booked date with your advisor); its score comes about \(timing.reportingWeeks) weeks after the sitting."
                    : " The earliest sensible retake is around \(date.longForm); its score would come about \(timing.reportingWeeks) weeks later."
            } ?? ""
            flag("step2ck-below-passing", "D8",
                 "The reported Step 2 CK (\(reported)) is below the passing score of \(scores.summary.passingScore) that applied on its date, which counts as a fail: plan a retake with a formal remediation plan (P3)." + retake
                 + " Applying a year later, to Match \(profile.matchYear + 1), with a passed and stronger score is a real option: weigh it with your dean and IR mentors.")
        }
        // D5 / T4: a planned date past the T3 limit.
        let t3Limit = rules.timing.latest[.t3]!.inYear(cycle.seasonYear)
        if profile.step2ck.score == nil, let date = profile.step2ck.date {
            // D20: a sitting already behind the student is named as sat, not as planned.
            let which = scores.summary.state.sat ? "Your Step 2 CK sitting" : "The planned Step 2 CK date"
            // D5 / T4: a date still ahead can be moved: name the student's own limit first and
            // say to move the sitting while seats are open.
            let own = timing.latestDate, scenario = timing.scenario.rawValue
            let move = scores.summary.state.sat ? ""
                : own >= today ? " Move your sitting to \(own.longForm) or earlier now, while seats are open."
                : " Move your sitting to the earliest date you can book now."
            if date > t3Limit {
                let late = date > timing.lateAfter ? " It falls in late September or later, when many interview decisions are already made (T4)." : ""
                let limit = own < t3Limit
                    ? "after \(own.longForm), your latest recommended date (\(scenario)), and even after \(t3Limit.longForm), the latest date this plan recommends for anyone"
                    : "after \(t3Limit.longForm), the latest date this plan recommends for anyone"
                flag("step2ck-date-too-late", "D5",
                     "\(which), \(date.longForm), is \(limit); late scores cost early interview invitations." + late + move)
            } else if date > timing.latestDate {
                warn("step2ck-after-recommended-date", timing.scenario.rawValue,
                     "\(which), \(date.longForm), is after \(timing.latestDate.longForm), the latest recommended date for your timing scenario (\(timing.scenario.rawValue))." + move)
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
        // W3 / D18: integrated IR only, when applying to DR too is advised.
        if irOnly == .drAdvised || (profile.pathway == .integratedIR && pathway.bothStronglyAdvised) {
            warn("apply-to-dr-too", "W3",
                 "You plan to apply to integrated IR only; with your score or record, applying to DR programs with ESIR as well is strongly advised, and this plan's list, signals and checklist assume you do (D18).")
        }
        // G1 / G2 (B4): not flexible on geography where flexibility matters most (B3/B4 and the
        // lower list rows). Region names stay out of the message: they are the profile's own text.
        if profile.geography.flexible == false, rules.cautiousScenarios.contains(scores.scenario) || (list.rule != nil && list.rule != rules.listSizes.first?.rule) {
            let regions = profile.geography.regions.count
            let limited = regions == 0 ? "to a limited area" : "to the \(regions) region\(regions == 1 ? "" : "s") in your profile"
            warn("geography-not-flexible", "G1",
                 "Your profile says you are not flexible on geography and limits the search \(limited). In your scenario that costs interviews: the biggest cities (New York, San Francisco, Boston) draw the most applicants, while mid-sized cities and regions with few medical schools give better odds. Widen to at least one more region, and include community programs with strong IR (G2).")
        }
        // D4: COMLEX-only applicants: a plain caveat, the list this plan uses, and Step 2 CK to consider.
        if profile.comlexOnly {
            let listNote = list.rule.map { " Until a USMLE score says otherwise, this plan uses the broad, DR-inclusive list (\($0))." } ?? ""
            // D4 / D16: once the Match is over there is no sitting to consider for this season.
            // D4 (A5): sitting USMLE is worth it only if practice exams predict a competitive score.
            let consider = afterMatch.closed ? ""
                : " Consider Step 2 CK only if a USMLE-style practice exam (an NBME) predicts a competitive score: take one first; if it does, sit by \(timing.latestDate.longForm)"
                  + { let later = ScheduleFindings.laterDates(rules: rules, cycle: cycle, after: timing.latestDate)
                      return later.isEmpty ? "" : " (with more preparation, by \(later))" }()
                  + "; if it does not, apply on COMLEX with the broad list below."
            warn("comlex-only", "D4",
                 "This guidance is built on USMLE scores, and most IR programs screen on Step 2 CK; without it, many programs cannot place your application against their screens." + listNote
                 + consider)
        }
        // D3: nothing to plan from (D20: once sat, the score is awaited instead). B9: in MS1 and MS2 that is expected, not a warning: the
        // early-years page leads instead (TL1, S1.3).
        let early = [.ms1, .ms2].contains(profile.stage ?? expectedStage(matchYear: profile.matchYear, today: today, yearStart: rules.schoolYearStart) ?? .ms3)
        if scores.summary.basis == .none && !profile.comlexOnly && !early && !scores.summary.state.sat {
            warn("band-unknown", "D3",
                 "No Step 2 CK score and no NBME practice scores yet, so the band is unknown: this report gives timing advice; add practice scores to the profile to see a band.")
        }
        // D20 / T5: sat, and the score should be back by now, but the profile has none.
        if scores.summary.state == .scoreOverdue, !profile.comlexOnly, !afterMatch.closed,
           let date = profile.step2ck.date, let expected = timing.expectedScoreDate {
            warn("step2ck-score-overdue", "D20",
                 "You sat Step 2 CK on \(date.longForm), and its score was due back around \(expected.longForm) (T5), but the profile has none: add it as step2ck.score. Until you do, this plan still works from \(Step2CKStatus.planningBasis(profile)) (D3).")
        }
        // D9 (A7): a graduate meets graduation-year cut-offs at some programs.
        GraduateFindings.evaluate(profile: profile, cycle: cycle, afterMatch: afterMatch, warn: warn)
        ScheduleFindings.evaluate(profile: profile, reported: reported ?? profile, rules: rules, cycle: cycle, timing: timing, afterMatch: afterMatch,
                                  today: today, flag: flag, warn: warn)
        afterMatch.findings(flag: flag, warn: warn)
        // D9: stage and match year disagree with today.
        if let stage = profile.stage, let expected = expectedStage(matchYear: profile.matchYear, today: today, yearStart: rules.schoolYearStart),
           stage != .graduate, stage != expected, stage != earlyStart(expected, rules: rules, today: today) {
            warn("stage-does-not-match-year", "D9",
                 "You are listed as \(stage.rawValue), but applying for Match \(profile.matchYear) would usually make you \(expected.rawValue) on \(today.longForm): check match_year and stage in the profile.")
        }
        // D9: a match year further ahead than the listed stage allows, even with one research or
        // dual-degree year (MatchPlan's margin): a typo such as 2040 must not plan silently.
        if let stage = profile.stage, let usual = usualMatchYear(stage, today: today, yearStart: rules.schoolYearStart), profile.matchYear > usual + 1 {
            warn("match-year-far-ahead", "D9",
                 "You are listed as \(stage.rawValue), which usually means Match \(usual) (Match \(usual + 1) with a research or dual-degree year), but the profile says Match \(profile.matchYear): check match_year and stage in the profile.")
        }
        return result
    }

    /// S1.1 / D19: when to aim to have sat the Step 1 retake, and Step 2 CK after it.
    static func step1Retake(_ timing: StrategyPlan.TimingPlan, step2ckAhead: Bool) -> String {
        guard let target = timing.step1RetakeTarget else { return "" }
        let step2 = step2ckAhead ? "; plan Step 2 CK after its result, by \(timing.latestDate.longForm)" : ""
        return " Book the retake with your dean's office now and aim to sit it by about \(target.longForm), after a formal remediation plan (P3)\(step2)."
    }

    /// D9 (C6): schools that start the next year in May or June: from the rules'
    /// `stage_early_start` (05-01) to the day before `school_year_start`, the stage after the
    /// expected one is accepted too.
    static func earlyStart(_ expected: Profile.Stage, rules: Rules, today: CalendarDate) -> Profile.Stage? {
        guard let start = rules.stageEarlyStart, today >= start.inYear(today.year), today < rules.schoolYearStart.inYear(today.year) else { return nil }
        let order: [Profile.Stage] = [.ms1, .ms2, .ms3, .ms4, .graduate]
        guard let index = order.firstIndex(of: expected), index + 1 < order.count else { return nil }
        return order[index + 1]
    }

    /// D9 (MatchPlan's reading): the Match a student in `stage` on `today` usually enters, with
    /// the academic year starting on `yearStart` (July 1, `school_year_start`; MS4 applies in its
    /// own academic year); nil for graduates.
    static func usualMatchYear(_ stage: Profile.Stage, today: CalendarDate, yearStart: MonthDay) -> Int? {
        let academicYear = today >= yearStart.inYear(today.year) ? today.year : today.year - 1
        switch stage {
        case .ms4: return academicYear + 1
        case .ms3: return academicYear + 2
        case .ms2: return academicYear + 3
        case .ms1: return academicYear + 4
        case .graduate: return nil
        }
    }

    /// D9 (MatchPlan's reading): the academic year starts on `yearStart` (July 1,
    /// `school_year_start` in the rules); the season's academic year is MS4.
    static func expectedStage(matchYear: Int, today: CalendarDate, yearStart: MonthDay) -> Profile.Stage? {
        let season = matchYear - 1
        guard today < yearStart.inYear(matchYear) else { return .graduate }
        if today >= yearStart.inYear(season) { return .ms4 }
        if today >= yearStart.inYear(season - 1) { return .ms3 }
        if today >= yearStart.inYear(season - 2) { return .ms2 }
        return .ms1
    }
}
