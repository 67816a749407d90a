import MatchPlanModel

/// PL1–PL9 (docs/rules.md): a student's own program list judged against their plan: counts
/// against the plan's ranges, the ERAS fee, signals, geography and setting, ESIR and the PGY-1
/// year. Pure, like ``Planner``: everything it needs is passed in; every threshold is data
/// (``ProgramListRules``, `Content/program-list.yaml`).
public enum ProgramListAudit {
    /// Audits `list` and puts the result in `plan.programList`; its red flags and warnings are
    /// appended to the plan's own.
    public static func apply(_ list: ProgramList, to plan: inout StrategyPlan, profile: Profile, rules: ProgramListRules) {
        let result = audit(list, plan: plan, profile: profile, rules: rules)
        plan.programList = result
        plan.redFlags += result.findings.filter { $0.level == .redFlag }.map(\.planFinding)
        plan.warnings += result.findings.filter { $0.level == .warning }.map(\.planFinding)
    }

    /// The audit of `list` for a student with `plan` (computed without it) and `profile`.
    public static func audit(_ list: ProgramList, plan: StrategyPlan, profile: Profile, rules: ProgramListRules) -> ProgramListResult {
        var findings = Findings()
        let counts = ProgramListResult.Counts(list.programs)
        let ranges = rangeChecks(counts, plan: plan, rules: rules, findings: &findings)
        let fees = fees(counts, ranges: ranges, plan: plan, rules: rules)
        for check in ranges where check.standing == .above {
            aboveFinding(check, plan: plan, fees: fees, rules: rules, findings: &findings)
        }
        let signals = signals(list.programs, plan: plan, rules: rules, findings: &findings)
        let geography = geography(list.programs, plan: plan, profile: profile, rules: rules, findings: &findings)
        let esir = esir(list.programs, plan: plan, rules: rules, findings: &findings)
        pgy1(counts, rules: rules, findings: &findings)
        if afterReviewBegins(plan) { findings.asLessons(since: plan.timing.programsReview) }
        return ProgramListResult(file: list.fileName, counts: counts, ranges: ranges, fees: fees, signals: signals,
                                 geography: geography, esir: esir, findings: findings.ordered, programs: sorted(list.programs))
    }

    /// PL9 (C15, TL6): programs have begun reviewing applications (the cycle's programs-review
    /// date, on or before the plan's today): fees are paid and signals sent, so no trimming or
    /// savings, and changes are worded as lessons, not to-dos.
    static func afterReviewBegins(_ plan: StrategyPlan) -> Bool {
        plan.today >= plan.timing.programsReview
    }

    /// PL1 / PL2 (D2, D8, S1.2): whether trimming `specialty` may be advised. Not integrated IR
    /// when the low scenario comes from a fail on record (Step 1, D2; Step 2 CK, D8): breadth is
    /// what gets a fail past screens. Never once programs are reviewing (PL9).
    static func trimAdvised(_ specialty: ProgramList.Specialty, plan: StrategyPlan) -> Bool {
        !afterReviewBegins(plan) && !(specialty == .integratedIR && failForcesLow(plan))
    }

    /// D2 / D8: the low scenario was set by a fail, not by the Step 2 CK band.
    static func failForcesLow(_ plan: StrategyPlan) -> Bool {
        plan.scenario == .low && ["D2", "D8"].contains(plan.scenarioRule)
    }

    /// The report's order: specialty (IR, DR, preliminary, transitional), then signal (gold,
    /// silver, none), then name, then file order.
    public static func sorted(_ programs: [ProgramList.Program]) -> [ProgramList.Program] {
        programs.sorted {
            ($0.specialty, $0.signal, $0.name.lowercased(), $0.line) < ($1.specialty, $1.signal, $1.name.lowercased(), $1.line)
        }
    }

    /// Findings as they are found, returned red flags first, then warnings, then notes.
    struct Findings {
        var all: [ProgramListResult.Finding] = []
        mutating func add(_ level: ProgramListResult.Level, _ id: String, _ rule: String, _ message: String, change: String = "") {
            all.append(.init(id: "program-list-\(id)", rule: rule, level: level, message: message, change: change))
        }
        var ordered: [ProgramListResult.Finding] {
            [.redFlag, .warning, .note].flatMap { level in all.filter { $0.level == level } }
        }
        /// PL9 (C15): every "what to change" becomes a lesson for a later application.
        mutating func asLessons(since review: CalendarDate) {
            for index in all.indices where !all[index].change.isEmpty {
                all[index].change = "Too late to change for this application (programs have been reviewing since \(review.longForm); PL9). If you apply again: "
                    + all[index].change.prefix(1).lowercased() + all[index].change.dropFirst()
            }
        }
    }

    // MARK: PL1 counts

    /// PL1: IR and DR counts against the plan's ranges (D12's DR-only and D18's IR-only ranges
    /// included); none while the band is unknown. More than the rules' margin below the minimum
    /// is a red flag, below it a warning.
    static func rangeChecks(_ counts: ProgramListResult.Counts, plan: StrategyPlan, rules: ProgramListRules,
                            findings: inout Findings) -> [ProgramListResult.RangeCheck] {
        let specialties: [(ProgramList.Specialty, Rules.CountRange?)] = [(.integratedIR, plan.list.integratedIR), (.diagnosticRadiology, plan.list.diagnosticRadiology)]
        return specialties.compactMap { specialty, range in
            guard let range else { return nil }
            let count = counts[specialty]
            let standing: ProgramListResult.Standing
            if count < range.min {
                standing = count * 100 < range.min * rules.countRedFlagBelowPercent ? .farBelow : .below
            } else {
                standing = count > range.max ? .above : .within
            }
            let check = ProgramListResult.RangeCheck(specialty: specialty, count: count, min: range.min, max: range.max, standing: standing)
            if standing == .farBelow || standing == .below {
                let short = range.min - count
                let far = standing == .farBelow ? ", more than \(100 - rules.countRedFlagBelowPercent)% short" : ""
                findings.add(standing == .farBelow ? .redFlag : .warning, "\(key(specialty))-\(standing == .farBelow ? "far-below" : "below")", "PL1",
                             "Your program list has \(programs(count, specialty)), below your plan's \(range.min) to \(range.max) (\(rangeRules(plan)))\(far).",
                             change: "Add at least \(short) \(specialty == .integratedIR ? "integrated IR" : "DR") program\(short == 1 ? "" : "s") to reach \(range.min).")
            }
            return check
        }
    }

    /// PL1 / PL2: above the range: a warning when the plan leaves the specialty out (D12, D18),
    /// else a note with what trimming to the top of the range would save, shown only from the
    /// rules' floor up. No trimming of IR after a fail (D2, D8, S1.2) and none once programs review (PL9).
    static func aboveFinding(_ check: ProgramListResult.RangeCheck, plan: StrategyPlan, fees: ProgramListResult.Fees,
                             rules: ProgramListRules, findings: inout Findings) {
        let schedule = rules.feeSchedule(matchYear: plan.matchYear)?.schedule
        let saving = (schedule?.fee(programs: check.count) ?? 0) - (schedule?.fee(programs: check.max) ?? 0)
        let showSaving = trimAdvised(check.specialty, plan: plan) && saving >= rules.trimSavingsMinUSD
        let cost = showSaving ? " Trimming to \(check.max) would save \(dollars(saving)) in ERAS fees\(fees.projected ? " (projected)" : "")." : ""
        let above = "Your program list has \(programs(check.count, check.specialty))"
        if check.max == 0 {
            findings.add(.warning, "\(key(check.specialty))-not-in-plan", "PL1",
                         "\(above), but your plan has none (\(rangeRules(plan))).",
                         change: "Take them off, or change the pathway in your profile so the plan counts them.\(cost)")
        } else if check.specialty == .integratedIR, failForcesLow(plan) {
            findings.add(.note, "ir-above-breadth", "PL1",
                         "\(above), above your plan's \(check.min) to \(check.max) (\(rangeRules(plan))). With a fail on record the low scenario applies (\(plan.scenarioRule)), and applying broadly is what gets an application past screens that filter out a fail (S1.2): keep them.")
        } else {
            findings.add(.note, "\(key(check.specialty))-above", "PL1",
                         "\(above), above your plan's \(check.min) to \(check.max) (\(rangeRules(plan))).",
                         change: "Keep the extra programs only where you have a tie or a real reason to apply.\(cost)")
        }
    }

    // MARK: PL2 fees

    /// PL2: the ERAS fee per specialty and in total from the match year's schedule (else the
    /// latest earlier one, projected), and what trimming each radiology count above its range
    /// to the range's top would save.
    static func fees(_ counts: ProgramListResult.Counts, ranges: [ProgramListResult.RangeCheck], plan: StrategyPlan,
                     rules: ProgramListRules) -> ProgramListResult.Fees {
        let matchYear = plan.matchYear
        guard let (schedule, projected) = rules.feeSchedule(matchYear: matchYear) else {
            return .init(perSpecialty: .init(integratedIR: 0, diagnosticRadiology: 0, preliminary: 0, transitional: 0), totalUSD: 0,
                         scheduleMatchYear: matchYear, projected: true, confidence: .projected, source: "no fee schedule", savingsIfTrimmedUSD: 0)
        }
        let per = ProgramListResult.Fees.PerSpecialty(
            integratedIR: schedule.fee(programs: counts.integratedIR), diagnosticRadiology: schedule.fee(programs: counts.diagnosticRadiology),
            preliminary: schedule.fee(programs: counts.preliminary), transitional: schedule.fee(programs: counts.transitional))
        // PL2 / PL9: only where trimming may be advised, and nothing under the rules' floor.
        let savings = ranges.filter { $0.standing == .above && trimAdvised($0.specialty, plan: plan) }
            .reduce(0) { $0 + schedule.fee(programs: $1.count) - schedule.fee(programs: $1.max) }
        return .init(perSpecialty: per, totalUSD: per.integratedIR + per.diagnosticRadiology + per.preliminary + per.transitional,
                     scheduleMatchYear: schedule.matchYear, projected: projected, confidence: projected ? .projected : schedule.confidence,
                     source: schedule.source, savingsIfTrimmedUSD: savings >= rules.trimSavingsMinUSD ? savings : 0)
    }

    // MARK: PL8 the PGY-1 year

    /// PL8 (D17): IR or DR programs and no preliminary or transitional-year program is a
    /// warning; fewer than the rules' `pgy1_min_programs` is a warning too (one or two programs
    /// leave the PGY-1 year to chance).
    static func pgy1(_ counts: ProgramListResult.Counts, rules: ProgramListRules, findings: inout Findings) {
        let pgy1 = counts.preliminary + counts.transitional
        guard counts.integratedIR + counts.diagnosticRadiology > 0, pgy1 < rules.pgy1MinPrograms else { return }
        if pgy1 == 0 {
            findings.add(.warning, "no-pgy1", "PL8",
                         "Your program list has no preliminary or transitional-year programs, and most IR and DR positions start at PGY-2, after a separate first year (D17).",
                         change: "Add at least \(rules.pgy1MinPrograms) preliminary or transitional-year programs for that year (they go on a supplemental rank list), unless every program on your list includes the PGY-1 year.")
        } else {
            findings.add(.warning, "few-pgy1", "PL8",
                         "Your program list has only \(pgy1) preliminary or transitional-year program\(pgy1 == 1 ? "" : "s"); most IR and DR positions start at PGY-2, and the first year is matched on its own, so this few leaves that year to chance (D17).",
                         change: "Add preliminary or transitional-year programs to reach at least \(rules.pgy1MinPrograms), unless every program on your list includes the PGY-1 year.")
        }
    }

    // MARK: Wording

    static func key(_ specialty: ProgramList.Specialty) -> String {
        specialty == .integratedIR ? "ir" : "dr"
    }

    static func programs(_ count: Int, _ specialty: ProgramList.Specialty) -> String {
        let name = specialty == .integratedIR ? "integrated IR" : "DR"
        return "\(count) \(name) program\(count == 1 ? "" : "s")"
    }

    /// The rule ids behind the plan's ranges: the list row, and D12 or D18 when they changed it.
    static func rangeRules(_ plan: StrategyPlan) -> String {
        ([plan.list.rule].compactMap { $0 } + plan.list.adviceRules.filter { ["D12", "D18"].contains($0) }).joined(separator: ", ")
    }

    /// Whole US dollars with thousands separators: `$1,234`.
    public static func dollars(_ amount: Int) -> String {
        var digits = String(abs(amount))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (amount < 0 ? "-$" : "$") + groups.joined(separator: ",")
    }

    /// `part` of `whole` as a whole percent, rounded down (0 for an empty whole).
    static func percent(_ part: Int, of whole: Int) -> Int {
        whole == 0 ? 0 : part * 100 / whole
    }
}
