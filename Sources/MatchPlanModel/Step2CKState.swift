/// Where the student stands with Step 2 CK (D20): the one answer to "sat?", "score expected?"
/// and "score reported?" that the checklist, the timing text, the findings, the actions and the
/// guidance pages all read, so they never disagree. Encoded in the plan JSON as
/// `step2ck.state` (snake_case).
public enum Step2CKState: String, Sendable, Codable, CaseIterable {
    /// No score and no date.
    case notPlanned = "not_planned"
    /// A date still ahead (or today's is not yet past): not sat yet.
    case planned
    /// Sat, and the score is not due back yet (before the sitting date plus the cycle's reporting weeks, T5).
    case satAwaitingScore = "sat_awaiting_score"
    /// Sat, the score was due back by now (T5) and the profile has none: the student should add it.
    case scoreOverdue = "score_overdue"
    /// A passing score is in the profile.
    case reported
    /// A reported score below the passing score of its date (D8): sat, and a retake is ahead.
    case failed

    /// The exam has been sat (a date on or before today, or a score).
    public var sat: Bool {
        switch self {
        case .notPlanned, .planned: false
        case .satAwaitingScore, .scoreOverdue, .reported, .failed: true
        }
    }

    /// A sitting is still ahead of the student (the first one, or a retake after a fail), so the
    /// timing advice (T1–T4) applies.
    public var sittingAhead: Bool {
        switch self {
        case .notPlanned, .planned, .failed: true
        case .satAwaitingScore, .scoreOverdue, .reported: false
        }
    }
}
