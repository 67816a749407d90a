/// One thing for the student to do now (N1–N5), computed from the plan and its today.
/// Encoded in the plan JSON's `actions[]` with `due` and `days_left` always present (null when
/// the action has no date).
public struct PlanAction: Sendable, Equatable, Codable {
    /// Stable id: `overdue`, `next-<checklist item id>`, `add-step2ck-score`, `choose-step2ck-date`, `submission-opens`.
    public var id: String
    /// One sentence for the student.
    public var text: String
    /// The date the action is about, or nil.
    public var due: CalendarDate?
    /// Whole days from today to ``due`` (negative once past), or nil without a date.
    public var daysLeft: Int?
    /// The rule that produced the action (N1–N5).
    public var rule: String

    enum CodingKeys: String, CodingKey {
        case id, text, due, daysLeft = "days_left", rule
    }

    /// Memberwise (public: the planner is another target).
    public init(id: String, text: String, due: CalendarDate? = nil, daysLeft: Int? = nil, rule: String) {
        self.id = id
        self.text = text
        self.due = due
        self.daysLeft = daysLeft
        self.rule = rule
    }

    /// Writes `due` and `days_left` as null when absent, so every action has the same keys.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(due, forKey: .due)
        try container.encode(daysLeft, forKey: .daysLeft)
        try container.encode(rule, forKey: .rule)
    }
}
