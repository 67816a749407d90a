import MatchPlanModel

/// PL3, PL4: the signals on a program list against the cycle's counts and where they went.
extension ProgramListAudit {
    /// PL3 (SG1): gold and silver on IR and DR programs against the cycle's counts, in one
    /// shared pool or one pool per specialty (an unknown pool is judged as shared, the stricter
    /// reading). Over the limit is a red flag; gold left unplaced is a warning.
    /// PL4 (SG2, G1): in the borderline and low scenarios, every gold signal on academic programs
    /// in oversubscribed metros is a warning; signals on tied programs are noted as the strongest use.
    static func signals(_ programs: [ProgramList.Program], plan: StrategyPlan, rules: ProgramListRules,
                        findings: inout Findings) -> ProgramListResult.Signals {
        let radiology = programs.filter(\.isRadiology)
        func count(_ specialty: ProgramList.Specialty, _ signal: ProgramList.Signal) -> Int {
            radiology.count { $0.specialty == specialty && $0.signal == signal }
        }
        let available = (gold: plan.signals.gold, silver: plan.signals.silver)
        let shared = plan.signals.sharedPool ?? true
        let verify = plan.signals.confidence.needsVerification ? "; verify" : ""
        let result = ProgramListResult.Signals(
            goldUsed: count(.integratedIR, .gold) + count(.diagnosticRadiology, .gold),
            silverUsed: count(.integratedIR, .silver) + count(.diagnosticRadiology, .silver),
            irGold: count(.integratedIR, .gold), irSilver: count(.integratedIR, .silver),
            drGold: count(.diagnosticRadiology, .gold), drSilver: count(.diagnosticRadiology, .silver),
            goldAvailable: available.gold, silverAvailable: available.silver, sharedPool: plan.signals.sharedPool,
            onTiedPrograms: radiology.count { $0.signal != .none && $0.tie != .none })
        // PL3: each pool against its count: one pool for IR and DR together, or one each.
        let pools: [(name: String, gold: Int, silver: Int, hasPrograms: Bool)] = shared
            ? [("IR and DR together", result.goldUsed, result.silverUsed, !radiology.isEmpty)]
            : [("integrated IR", result.irGold, result.irSilver, radiology.contains { $0.specialty == .integratedIR }),
               ("DR", result.drGold, result.drSilver, radiology.contains { $0.specialty == .diagnosticRadiology })]
        let poolWords = shared
            ? "this season IR and DR share one pool\(plan.signals.sharedPool == nil ? " (not known for this season, so MatchPlan counts them together)" : "")"
            : "this season IR and DR each have their own"
        for pool in pools {
            for (colour, used, limit) in [("gold", pool.gold, available.gold), ("silver", pool.silver, available.silver)] where used > limit {
                findings.add(.redFlag, "too-many-\(colour)\(shared ? "" : "-\(pool.name == "DR" ? "dr" : "ir")")", "PL3",
                             "Your program list puts \(used) \(colour) signals on \(pool.name), but \(poolWords) of \(limit) \(colour) (SG1\(verify)).",
                             change: "Take \(colour) off \(used - limit) program\(used - limit == 1 ? "" : "s"): keep it where you are most realistic and most wanted (SG2).")
            }
            if pool.hasPrograms, pool.gold < available.gold {
                let left = available.gold - pool.gold
                findings.add(.warning, "gold-unused\(shared ? "" : "-\(pool.name == "DR" ? "dr" : "ir")")", "PL3",
                             "Your program list places \(pool.gold) of the \(available.gold) gold signals for \(pool.name) (SG1\(verify)); nearly every radiology applicant uses them all, and a signal raises the chance of an interview several times over.",
                             change: "Place \(left == 1 ? "the last gold signal" : "the other \(left) gold signals"), ideally where you have a home, away or geographic tie.")
            }
            // PL3 (SG1): silver left unplaced is a note (silver weighs less than gold, but is free).
            if pool.hasPrograms, pool.silver < available.silver {
                let left = available.silver - pool.silver
                findings.add(.note, "silver-unused\(shared ? "" : "-\(pool.name == "DR" ? "dr" : "ir")")", "PL3",
                             "Your program list places \(pool.silver) of the \(available.silver) silver signals for \(pool.name) (SG1\(verify)); a silver signal still lifts the chance of an interview, and it costs nothing.",
                             change: "Place \(left == 1 ? "the last silver signal" : "the other \(left) silver signals") on programs you would be glad to join and realistic for you.")
            }
        }
        // PL4 (SG2, G1): in B3/B4, most gold on the most contested programs: more than the
        // rules' share (more than half) on academic programs in oversubscribed metros.
        let gold = radiology.filter { $0.signal == .gold }
        let contested = gold.count { $0.setting == .academic && rules.metro(city: $0.city, state: $0.state) != nil }
        if [.borderline, .low].contains(plan.scenario), !gold.isEmpty, contested * 100 > rules.goldMetroShareMaxPercent * gold.count {
            let share = contested == gold.count ? "Every gold signal on your list is" : "\(contested) of the \(gold.count) gold signals on your list are"
            findings.add(.warning, "gold-academic-metro", "PL4",
                         "\(share) on academic programs in oversubscribed metro areas (\(rules.metros.map(\.name).joined(separator: ", "))), where a \(plan.scenario == .low ? "low" : "borderline") score competes hardest (G1).",
                         change: "Keep at most \(gold.count * rules.goldMetroShareMaxPercent / 100) there and move the rest to programs where you are realistic and wanted: home, away-rotation or geographically tied programs, community or hybrid programs with strong IR, and DR programs with ESIR (SG2).")
        }
        // PL4 (SG2): a gold split between IR and DR other than the plan's (shared pool only:
        // with separate pools each specialty has its own count, judged by PL3), once every gold
        // is placed (unplaced gold is PL3's warning already).
        let split = plan.signals.split
        if shared, !gold.isEmpty, result.goldUsed == split.irGold + split.drGold, radiology.contains(where: { $0.specialty == .integratedIR }), radiology.contains(where: { $0.specialty == .diagnosticRadiology }),
           (result.irGold, result.drGold) != (split.irGold, split.drGold) {
            findings.add(.note, "gold-split", "PL4",
                         "Your gold signals are split \(result.irGold) integrated IR and \(result.drGold) DR; your plan suggests \(split.irGold) and \(split.drGold) (\(split.rule)).",
                         change: "Move gold toward the plan's split unless ties or a clear preference argue otherwise (SG2, MatchPlan's advice).")
        }
        // PL4 (SG2): signals on tied programs, and tied programs left without one.
        if result.onTiedPrograms > 0 {
            findings.add(.note, "signals-on-ties", "PL4",
                         "\(result.onTiedPrograms) of your signals \(result.onTiedPrograms == 1 ? "is" : "are") on programs where you have a home, away or geographic tie: the strongest use of a signal (SG2).")
        }
        let unsignalledTies = radiology.count { $0.tie != .none && $0.signal == .none }
        if unsignalledTies > 0 {
            findings.add(.note, "ties-without-signal", "PL4",
                         "\(unsignalledTies) program\(unsignalledTies == 1 ? "" : "s") where you have a tie \(unsignalledTies == 1 ? "has" : "have") no signal (see your programs below).",
                         change: "Consider a signal there before one on a program where you have no tie (SG2).")
        }
        let pgy1Signals = programs.count { !$0.isRadiology && $0.signal != .none }
        if pgy1Signals > 0 {
            findings.add(.note, "pgy1-signals", "PL3",
                         "\(pgy1Signals) preliminary or transitional-year program\(pgy1Signals == 1 ? " has" : "s have") a signal; those specialties have their own signals (if any) and are not counted against radiology's.")
        }
        return result
    }
}
