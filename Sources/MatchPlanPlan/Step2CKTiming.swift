import MatchPlanModel

/// When to sit Step 2 CK: scenario T1/T2/T3 (D10), the latest recommended date (D7), and the
/// expected score date (T5).
enum Step2CKTiming {
    /// D10: T2 when the student struggled (internal medicine or surgery graded pass or fail, a
    /// Step 1 fail, or a numeric Step 1 under the rules' threshold); else T3 when the profile asks
    /// for extra preparation; else T1.
    static func scenario(profile: Profile, rules: Rules, step1FailOnRecord: Bool) -> (TimingScenario, String) {
        let struggledGrades: Set<Profile.Grade> = [.pass, .fail]
        var reasons: [String] = []
        if let grade = profile.clerkships.internalMedicine, struggledGrades.contains(grade) {
            reasons.append("the internal medicine clerkship was graded \(grade.rawValue)")
        }
        if let grade = profile.clerkships.surgery, struggledGrades.contains(grade) {
            reasons.append("the surgery clerkship was graded \(grade.rawValue)")
        }
        if step1FailOnRecord { reasons.append("Step 1 shows a fail") }
        if case .score(let score) = profile.step1, score < rules.step1StruggleBelow {
            reasons.append("the numeric Step 1 (\(score)) is under \(rules.step1StruggleBelow)")
        }
        if !reasons.isEmpty {
            return (.t2, "Targeted remediation first, because " + reasons.joined(separator: " and ") + ".")
        }
        if profile.step2ck.extraPrep {
            return (.t3, "You asked for extra preparation time to make the score count.")
        }
        return (.t1, "No struggle signals in the profile: sit early, once clerkships are strong.")
    }

    /// T1–T5, D7: the whole timing plan for the season.
    static func plan(profile: Profile, rules: Rules, cycle: Cycle, step1FailOnRecord: Bool) -> StrategyPlan.TimingPlan {
        let (scenario, reason) = scenario(profile: profile, rules: rules, step1FailOnRecord: step1FailOnRecord)
        let season = cycle.seasonYear
        let sitting = profile.step2ck.date
        return .init(
            scenario: scenario,
            reason: reason,
            windowStart: scenario == .t1 ? rules.timing.t1Earliest.inYear(season) : nil,
            latestDate: rules.timing.latest[scenario]!.inYear(season),
            lateAfter: rules.timing.lateAfter.inYear(season),
            sittingDate: sitting,
            expectedScoreDate: sitting.map { $0.adding(days: 7 * cycle.reportingWeeks.value) },
            programsReview: cycle.event("programs_review")!.date,
            reportingWeeks: cycle.reportingWeeks.value
        )
    }
}
