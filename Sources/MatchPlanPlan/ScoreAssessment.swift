import MatchPlanModel

/// Band, scenario and the Step 2 CK facts behind them (B1–B4, D1, D2, D3, D4, D8, D11).
struct ScoreAssessment: Equatable {
    var band: Band
    var bandRule: String
    var scenario: Band
    var scenarioRule: String
    var summary: StrategyPlan.Step2CKSummary
    /// S1.1 / S1.2 / D11: the Step 1 result read against the standard of its era.
    var step1: Step1Standing
    /// Step 1 fail on record: a fail result, a numeric score below its era's standard (D11), or a
    /// pass after more than one attempt (S1.2).
    var step1FailOnRecord: Bool { step1.failOnRecord }
    /// D8: reported Step 2 CK below the cycle's passing score.
    var step2ckFail: Bool

    /// - Parameters:
    ///   - profile: the student's facts.
    ///   - rules: bands and thresholds.
    ///   - passingScore: the Step 2 CK passing score that applied on the exam date, points (D8).
    init(profile: Profile, rules: Rules, passingScore: Int) {
        let step2 = profile.step2ck
        // D3: plan from the reported score, else from the low end of the practice range.
        let basis: ScoreBasis
        let scoreUsed: Int?
        if let reported = step2.score {
            (basis, scoreUsed) = (.reported, reported)
        } else if let low = step2.practice.min() {
            (basis, scoreUsed) = (.predicted, low)
        } else {
            (basis, scoreUsed) = (.none, nil)
        }

        if let scoreUsed, let row = Self.bandRow(for: scoreUsed, rules: rules) {
            band = row.band
            bandRule = row.rule
        } else {
            band = .unknown
            bandRule = profile.comlexOnly ? "D4" : "D3"
        }

        // S1.2 / D2 / D11: a fail on record, even if passed later.
        step1 = Step1Standing(profile: profile, standards: rules.step1PassingStandards)
        // D8: below the passing score is a fail.
        step2ckFail = step2.score.map { $0 < passingScore } ?? false

        if step1.failOnRecord {
            scenario = .low
            scenarioRule = "D2"
        } else if step2ckFail {
            scenario = .low
            scenarioRule = "D8"
        } else {
            scenario = band
            scenarioRule = bandRule
        }

        summary = .init(
            scoreUsed: scoreUsed,
            basis: basis,
            reported: step2.score,
            practiceLow: step2.practice.min(),
            practiceHigh: step2.practice.max(),
            date: step2.date,
            passingScore: passingScore,
            // D1: only when the band's own advice applies; a forced low scenario (D2, D8) does not
            // weigh the neighbouring bands.
            nearBoundary: scenarioRule == bandRule ? scoreUsed.flatMap { Self.nearBoundary($0, rules: rules) } : nil,
            // S1.2: recovery needs a later pass; a fail not yet retaken is never framed as recovery.
            recovery: step1.status == .passedAfterFail && (step2.score.map { $0 >= rules.recoveryScore } ?? false)
        )
    }

    /// B1–B4: the first row (highest minimum first) whose minimum the score reaches.
    static func bandRow(for score: Int, rules: Rules) -> Rules.BandRule? {
        rules.bands.first { score >= $0.minimum }
    }

    /// D1: the boundary `score` is within `nearBoundaryPoints` of: the n scores just below a
    /// band's minimum and the n scores from the minimum up (n = 3: 242–244 and 245–247 near 245).
    static func nearBoundary(_ score: Int, rules: Rules) -> StrategyPlan.NearBoundary? {
        let n = rules.nearBoundaryPoints
        guard n > 0 else { return nil }
        for (upper, lower) in zip(rules.bands, rules.bands.dropFirst()) {
            let boundary = upper.minimum
            if score >= boundary - n && score <= boundary + n - 1 {
                return .init(rule: "D1", boundary: boundary, neighbours: [lower.band, upper.band])
            }
        }
        return nil
    }
}
