import MatchPlanModel

/// D20: the student's one Step 2 CK state (``Step2CKState``), decided once from the profile as
/// planned and read by the checklist, the timing text, the findings, the actions, the timeline
/// and the guidance conditions.
enum Step2CKStatus {
    /// - Parameters:
    ///   - profile: the profile as planned (a future-dated "reported" score is already a prediction, C5).
    ///   - step2ckFail: D8: the reported score is below the passing score of its date.
    ///   - reportingWeeks: T5: weeks from the sitting until the score is back.
    /// - Returns: `failed` or `reported` with a score; `planned` for a date after today;
    ///   `score_overdue` from the sitting date plus the reporting weeks on (the day N3 asks for
    ///   the score), `sat_awaiting_score` before it; `not_planned` with neither score nor date.
    static func state(profile: Profile, step2ckFail: Bool, reportingWeeks: Int, today: CalendarDate) -> Step2CKState {
        if profile.step2ck.score != nil { return step2ckFail ? .failed : .reported }
        guard let date = profile.step2ck.date else { return .notPlanned }
        if date > today { return .planned }
        return date.adding(days: 7 * reportingWeeks) <= today ? .scoreOverdue : .satAwaitingScore
    }

    /// D20 / D3: what the plan works from while a sat exam's score is not in the profile.
    static func planningBasis(_ profile: Profile) -> String {
        profile.step2ck.practice.isEmpty
            ? "no score at all, so the band stays open"
            : "the low end of your practice scores"
    }

    /// D20 / T5: the timing text once the exam is sat but no score is in the profile; nil otherwise.
    static func satReason(state: Step2CKState, profile: Profile, expected: CalendarDate?) -> String? {
        guard let date = profile.step2ck.date, let expected else { return nil }
        switch state {
        case .satAwaitingScore:
            return "You sat Step 2 CK on \(date.longForm), so the sitting date no longer matters; the score should be back around \(expected.longForm) (T5). Until then this plan works from \(planningBasis(profile)) (D3): add the score to your profile when it arrives."
        case .scoreOverdue:
            return "You sat Step 2 CK on \(date.longForm), and the score was due back around \(expected.longForm) (T5): add it to your profile (step2ck.score). Until you do, this plan still works from \(planningBasis(profile)) (D3, D20)."
        default:
            return nil
        }
    }
}
