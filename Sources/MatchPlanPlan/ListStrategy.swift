import MatchPlanModel

/// How many programs to apply to (L1–L3, D6) and which picks advice applies (L1.1, L3.1, G1, G2).
enum ListStrategy {
    /// - Returns: an empty plan (no counts) when the scenario is unknown.
    static func plan(scores: ScoreAssessment, rules: Rules) -> StrategyPlan.ListPlan {
        let row: Rules.ListSizeRule?
        if scores.scenario == .low {
            // D6: the low scenario (including a Step 1 fail with any Step 2 CK) uses the last row, L3.
            row = rules.listSizes.last
        } else if let score = scores.summary.scoreUsed, scores.scenario != .unknown {
            // L1–L3 by Step 2 CK.
            row = rules.listSizes.first { score >= $0.minimum }
        } else {
            row = nil
        }
        guard let row else {
            return .init(rule: nil, integratedIR: nil, diagnosticRadiology: nil, interpolated: false, adviceRules: [])
        }
        var advice: [String] = []
        if row.rule == rules.listSizes.first?.rule { advice.append("L1.1") }
        if row.rule == rules.listSizes.last?.rule { advice.append("L3.1") }
        // G1, G2 weigh toward B3/B4 and the lower list rows.
        if [.borderline, .low].contains(scores.scenario) || row.rule != rules.listSizes.first?.rule {
            advice += ["G1", "G2"]
        }
        return .init(rule: row.rule, integratedIR: row.integratedIR, diagnosticRadiology: row.diagnosticRadiology,
                     interpolated: row.interpolated, adviceRules: advice)
    }
}
