/// A historical USMLE Step 1 passing standard for numeric scores (rule D11, docs/rules.md):
/// exams sat on or after ``from`` passed at ``score`` points or more, until the next standard.
///
/// Numeric Step 1 scores ended when Step 1 became pass/fail in January 2022; older applicants
/// may still hold one (S1.4). The figures live in `Content/rules.yaml` with their source.
public struct Step1Standard: Sendable, Equatable {
    /// First exam date the standard applied to.
    public var from: CalendarDate
    /// Minimum passing score, points.
    public var score: Int
    public var confidence: Cycle.Confidence
    public var source: String

    /// Memberwise (public: the loaders are another target).
    public init(from: CalendarDate, score: Int, confidence: Cycle.Confidence, source: String) {
        self.from = from
        self.score = score
        self.confidence = confidence
        self.source = source
    }
}
