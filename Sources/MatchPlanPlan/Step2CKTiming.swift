import MatchPlanModel

/// When to sit Step 2 CK: scenario T1/T2/T3 (D10), the latest recommended date (D7), the
/// expected score date (T5) and, after a fail, the earliest sensible retake (D8).
enum Step2CKTiming {
    /// What the timing decision reads besides the profile.
    struct Signals {
        /// S1.2 / D11: a Step 1 fail on record.
        var step1FailOnRecord = false
        /// D8: a reported Step 2 CK below the passing score.
        var step2ckFail = false
        /// W3 / D10: concerns however entered (``RecordConcerns``).
        var concerns: [Profile.Concern] = []
    }

    /// D10: T2 when the student struggled (internal medicine or surgery graded pass or fail, a
    /// Step 1 fail, a numeric Step 1 under the rules' threshold, a course failure however entered,
    /// or a failed Step 2 CK); else T3 when the profile asks for extra preparation; else T1.
    static func scenario(profile: Profile, rules: Rules, signals: Signals) -> (TimingScenario, String) {
        let struggledGrades: Set<Profile.Grade> = [.pass, .fail]
        var reasons: [String] = []
        if signals.step2ckFail { reasons.append("the Step 2 CK was failed, so a retake comes first") }
        if let grade = profile.clerkships.internalMedicine, struggledGrades.contains(grade) {
            reasons.append("the internal medicine clerkship was graded \(grade.rawValue)")
        }
        if let grade = profile.clerkships.surgery, struggledGrades.contains(grade) {
            reasons.append("the surgery clerkship was graded \(grade.rawValue)")
        }
        if signals.step1FailOnRecord { reasons.append("Step 1 shows a fail") }
        if case .score(let score) = profile.step1, score < rules.step1StruggleBelow {
            reasons.append("the numeric Step 1 (\(score)) is under \(rules.step1StruggleBelow)")
        }
        // W3 / D10: a course failure listed as a concern weighs like a failed clerkship grade.
        if signals.concerns.contains(.courseFailure) && RecordConcerns.failedClerkships(profile).isEmpty {
            reasons.append("your record shows a course failure")
        }
        if !reasons.isEmpty {
            return (.t2, "Targeted remediation first, because " + reasons.joined(separator: " and ") + ".")
        }
        if profile.step2ck.extraPrep {
            return (.t3, "You asked for extra preparation time to make the score count.")
        }
        return (.t1, "No struggle signals in the profile: sit early, once clerkships are strong.")
    }

    /// T1–T5, D7, D8: the whole timing plan for the season.
    static func plan(profile: Profile, rules: Rules, cycle: Cycle, signals: Signals, today: CalendarDate) -> StrategyPlan.TimingPlan {
        let (scenario, reason) = scenario(profile: profile, rules: rules, signals: signals)
        let season = cycle.seasonYear
        var latest = rules.timing.latest[scenario]!.inYear(season)
        if profile.comlexOnly {
            // D4: Step 2 CK is advice to consider, so its date is never one already past: the
            // scenario's date, else the T3 limit, else the earliest bookable date.
            let t3Limit = rules.timing.latest[.t3]!.inYear(season)
            latest = [latest, t3Limit].first { $0 >= today } ?? today.adding(days: rules.bookingLeadDays)
        }
        let sitting = profile.step2ck.date
        // D8 / D10: a retake after the rules' weeks of targeted work, counted from the failed
        // sitting or from today, whichever is later.
        let retake = signals.step2ckFail ? max(sitting ?? today, today).adding(days: 7 * rules.retakeWeeks) : nil
        // D8: after a fail, the date to aim for is the retake, not a window already used.
        if let retake { latest = retake }
        return .init(
            scenario: scenario,
            reason: retake.map { reason + " The earliest sensible retake is around \($0.longForm), after about \(rules.retakeWeeks) weeks of targeted work." } ?? reason,
            windowStart: scenario == .t1 ? rules.timing.t1Earliest.inYear(season) : nil,
            latestDate: latest,
            lateAfter: rules.timing.lateAfter.inYear(season),
            sittingDate: sitting,
            expectedScoreDate: sitting.map { $0.adding(days: 7 * cycle.reportingWeeks.value) },
            programsReview: cycle.event("programs_review")!.date,
            reportingWeeks: cycle.reportingWeeks.value,
            retakeEarliest: retake
        )
    }
}
