import MatchPlanModel

/// SG1 / SG2 (docs/rules.md): the cycle's signals and how to split them between integrated IR
/// and DR. MatchPlan's advice, labelled as such: when the two share one pool, the stronger the
/// scenario the larger the IR share (rules.yaml `signal_split_ir_percent`); a DR-only applicant
/// signals DR only, an IR-only one IR only; separate pools are each spent on their own specialty.
enum SignalSplit {
    static func plan(cycle: Cycle, rules: Rules, scenario: Band, pathway: Profile.Pathway?, comlexOnly: Bool,
                     irOnly: Planner.IROnly? = nil) -> StrategyPlan.SignalsPlan {
        let signals = cycle.signals
        let shared = signals.sharedPool?.value
        // D4: a COMLEX-only applicant is split like the low scenario unless a score says otherwise.
        let band = comlexOnly && scenario == .unknown ? .low : scenario
        var percent = rules.signalSplitIRPercent[band] ?? 50
        if pathway == .drESIR { percent = 0 }
        // D18: IR-only keeps every signal for IR unless DR is advised, when it splits as for both.
        if pathway == .integratedIR && irOnly != .drAdvised { percent = 100 }
        let splitAsBoth = pathway != .drESIR && (pathway != .integratedIR || irOnly == .drAdvised)
        let split: StrategyPlan.SignalSplit
        if shared == false {
            let ir = pathway == .drESIR ? 0 : 1, dr = pathway == .integratedIR && !splitAsBoth ? 0 : 1
            split = .init(irGold: signals.gold * ir, irSilver: signals.silver * ir, drGold: signals.gold * dr, drSilver: signals.silver * dr,
                          rule: "SG2", advice: "IR and DR each have their own signals this cycle: use each specialty's in full, gold first where you are most realistic and most wanted.")
        } else {
            let irGold = (signals.gold * percent + 50) / 100, irSilver = (signals.silver * percent + 50) / 100
            let certain = shared == true && signals.sharedPool?.confidence == .official
            let pool = certain ? "IR and DR share one pool of signals this cycle" : "IR and DR are expected to share one pool of signals this cycle (verify)"
            var how: String
            switch pathway {
            case .drESIR?: how = "spend them all on DR programs, those with strong ESIR tracks first, since you apply to no integrated IR programs"
            case .integratedIR? where !splitAsBoth: how = "spend them all on integrated IR programs, since you chose to apply to no DR programs"
            default:
                how = "about \(irGold) gold and \(irSilver) silver for integrated IR, \(signals.gold - irGold) gold and \(signals.silver - irSilver) silver for DR programs with ESIR"
                if pathway == .integratedIR {
                    // D18 / W3: say plainly that the split means applying to DR too.
                    how += ". You plan to apply to integrated IR only, but in your situation applying to DR programs with ESIR as well is strongly advised (W3), and this split assumes you do; if you keep to IR only, spend them all on IR"
                }
            }
            split = .init(irGold: irGold, irSilver: irSilver, drGold: signals.gold - irGold, drSilver: signals.silver - irSilver,
                          rule: "SG2", advice: "\(pool): \(how). Gold first to the programs where you are most realistic and most wanted: home, away-rotation and geographically tied programs (MatchPlan's advice).")
        }
        return .init(gold: signals.gold, silver: signals.silver, confidence: signals.confidence,
                     // SG2: "some signals on DR with ESIR" is advice for applicants who send any to IR.
                     includeESIRPrograms: rules.cautiousScenarios.contains(band) && pathway != .drESIR,  // D21
                     sharedPool: shared, sharedPoolConfidence: signals.sharedPool?.confidence, split: split)
    }
}
