/// A condition that selects guidance pages and checklist items for a student, written
/// `kind:value` (e.g. `scenario:low`, `timing:T2`) or as a single word (`comlex_only`).
///
/// The plan lists the conditions that hold for a student (``StrategyPlan/conditions``); a page
/// or item with a `when:` list applies when any of its conditions holds.
public struct Condition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let text: String

    /// Every condition the plan can produce; anything else in a `when:` list is an error.
    public static let vocabulary: [String] =
        Band.allCases.map { "scenario:\($0.rawValue)" }
        + Band.allCases.map { "band:\($0.rawValue)" }
        + ScoreBasis.allCases.map { "score:\($0.rawValue)" }
        + ["step1:fail", "step1:not_passed", "step1:numeric", "step2ck:fail", "comlex_only", "near_boundary"]
        + ["timing:T1", "timing:T2", "timing:T3", "timing_ahead:T1", "timing_ahead:T2", "timing_ahead:T3"]
        + ["ir_only:dr_advised", "ir_only:by_choice", "clerkship:fail"]
        + Profile.Stage.allCases.map { "stage:\($0.rawValue)" }
        + Profile.Degree.allCases.map { "degree:\($0.rawValue)" }
        + ["list:L1", "list:L2", "list:L3"]
        + Profile.Pathway.allCases.map { "pathway:\($0.rawValue)" }
        + ["match:matched", "match:unmatched", "match:over"]
        + Step2CKState.allCases.map { "step2ck_state:\($0.rawValue)" } + ["score:predicted_before_sitting"]

    /// Nil when `text` is not in ``vocabulary``.
    public init?(_ text: String) {
        guard Self.vocabulary.contains(text) else { return nil }
        self.text = text
    }

    public init(unchecked text: String) { self.text = text }

    public var description: String { text }

    public static func < (lhs: Condition, rhs: Condition) -> Bool { lhs.text < rhs.text }
}

/// Where the Step 2 CK number the plan uses comes from (D3).
public enum ScoreBasis: String, CaseIterable, Sendable, Codable {
    /// A reported score.
    case reported
    /// The low end of the NBME practice range.
    case predicted
    /// No score and no prediction.
    case none
}
