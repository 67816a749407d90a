import MatchPlanModel

/// How many programs to apply to (L1–L3, D4, D6, D12) and which picks advice applies (L1.1,
/// L3.1, G1, G2). See docs/rules.md.
enum ListStrategy {
    /// - Returns: an empty plan (no counts) when the scenario is unknown, except for a
    ///   COMLEX-only applicant (D4), who plans from the last row until a score says otherwise.
    static func plan(scores: ScoreAssessment, rules: Rules, pathway: Profile.Pathway? = nil, comlexOnly: Bool = false,
                     irOnly: Planner.IROnly? = nil, reapplicant: Bool = false) -> StrategyPlan.ListPlan {
        var row: Rules.ListSizeRule?
        var comlexRow = false
        if scores.scenario == .low {
            // D6: the low scenario (including a Step 1 fail with any Step 2 CK) uses the last row, L3.
            row = rules.listSizes.last
        } else if let score = scores.summary.scoreUsed, scores.scenario != .unknown {
            // L1–L3 by Step 2 CK.
            row = rules.listSizes.first { score >= $0.minimum }
        } else if comlexOnly {
            // D4: no USMLE score: the broad, DR-inclusive last row, as for the low scenario.
            row = rules.listSizes.last
            comlexRow = true
        } else {
            row = nil
        }
        // D16 / W3 (B13): an unmatched reapplicant does not repeat the list that failed: the next
        // broader, more DR-heavy row (the last row stays the last).
        if reapplicant, let current = row, let index = rules.listSizes.firstIndex(where: { $0.rule == current.rule }),
           index + 1 < rules.listSizes.count {
            row = rules.listSizes[index + 1]
        }
        guard let row else {
            return .init(rule: nil, integratedIR: nil, diagnosticRadiology: nil, interpolated: false, adviceRules: [])
        }
        var advice: [String] = []
        if comlexRow { advice.append("D4") }
        if reapplicant { advice.append("D16") }
        if row.rule == rules.listSizes.first?.rule { advice.append("L1.1") }
        if row.rule == rules.listSizes.last?.rule { advice.append("L3.1") }
        // G1, G2 weigh toward B3/B4 (D21: the cautious scenarios) and the lower list rows.
        if rules.cautiousScenarios.contains(scores.scenario) || row.rule != rules.listSizes.first?.rule {
            advice += ["G1", "G2"]
        }
        var integratedIR = row.integratedIR, diagnosticRadiology = row.diagnosticRadiology
        if pathway == .drESIR {
            // D12: a DR-only applicant applies to no integrated IR programs; the row's IR count
            // moves to DR, so the breadth of the list stays the same.
            diagnosticRadiology = .init(min: row.integratedIR.min + row.diagnosticRadiology.min,
                                        max: row.integratedIR.max + row.diagnosticRadiology.max)
            integratedIR = .init(min: 0, max: 0)
            // D12: a DR-only applicant below DR's matched applicants' average (the floor's
            // `below_score`, or a scenario it names) is a below-average DR applicant, so the list
            // is at least the rules' floor, set from the DR applicants' average number of
            // applications; no cliff at the solid/borderline line.
            let band = comlexOnly && scores.scenario == .unknown ? .low : scores.scenario
            let belowMean = rules.drOnlyFloor?.belowScore.flatMap { line in scores.summary.scoreUsed.map { $0 < line } } ?? false
            if let floor = rules.drOnlyFloor, floor.scenarios.contains(band) || belowMean {
                diagnosticRadiology = .init(min: max(diagnosticRadiology.min, floor.diagnosticRadiology.min),
                                            max: max(diagnosticRadiology.max, floor.diagnosticRadiology.max))
            }
            advice.append("D12")
        } else if irOnly == .byChoice {
            // D18: an IR-only applicant with a high or solid score and nothing else on the record
            // keeps to the choice: no DR programs (DR backups are an advisory checklist item).
            diagnosticRadiology = .init(min: 0, max: 0)
            advice.append("D18")
        }
        return .init(rule: row.rule, integratedIR: integratedIR, diagnosticRadiology: diagnosticRadiology,
                     interpolated: row.interpolated, adviceRules: advice)
    }
}
