/// One row of the what-if table (WI1): how the plan would move if the student's Step 2 CK
/// score were ``score`` instead of the one the plan uses. Encoded in the plan JSON's
/// `what_if[]` with snake_case keys; `timing` is always present (null when the row keeps the
/// student's own timing or has none to give).
public struct WhatIfRow: Sendable, Equatable, Codable {
    /// The Step 2 CK score this row assumes, points.
    public var score: Int
    /// Why this score is worth a look, one short phrase for the report (for example
    /// "top of your practice range" or "lowest solid score").
    public var why: String
    /// The band that score falls in (B1–B4).
    public var band: Band
    /// Rule id of ``band`` (B1–B4).
    public var bandRule: String
    /// The band whose strategy would apply: ``band`` unless a Step 1 fail keeps the low-score
    /// scenario (D2).
    public var scenario: Band
    /// The list sizes that scenario gives (L1–L3, D6).
    public var list: StrategyPlan.ListPlan
    /// The Step 2 CK timing scenario at that score (T1–T3), or nil when timing does not depend
    /// on the score (a score already reported).
    public var timing: TimingScenario?

    enum CodingKeys: String, CodingKey {
        case score, why, band, bandRule = "band_rule", scenario, list, timing
    }

    /// Memberwise (public: the planner is another target).
    public init(score: Int, why: String, band: Band, bandRule: String, scenario: Band, list: StrategyPlan.ListPlan, timing: TimingScenario? = nil) {
        self.score = score
        self.why = why
        self.band = band
        self.bandRule = bandRule
        self.scenario = scenario
        self.list = list
        self.timing = timing
    }

    /// Writes `timing` as null when absent, so every row has the same keys.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(score, forKey: .score)
        try container.encode(why, forKey: .why)
        try container.encode(band, forKey: .band)
        try container.encode(bandRule, forKey: .bandRule)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(list, forKey: .list)
        try container.encode(timing, forKey: .timing)
    }
}
