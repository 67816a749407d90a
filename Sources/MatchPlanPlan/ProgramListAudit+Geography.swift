import MatchPlanModel

/// PL5, PL6, PL7: where the list's IR and DR programs are, what kind they are, and ESIR.
extension ProgramListAudit {
    /// PL5 (G1, G2, L3.1): the share in oversubscribed metros and of community or hybrid
    /// programs, each judged by the scenario's limit in the rules (a scenario without one is not
    /// judged). PL6: the profile's `geography.regions` (Census region names) against the states
    /// on the list: a named region with none of the programs is a warning; a profile that says it
    /// is not flexible while the list reaches beyond its regions gets a note.
    static func geography(_ programs: [ProgramList.Program], plan: StrategyPlan, profile: Profile, rules: ProgramListRules,
                          findings: inout Findings) -> ProgramListResult.Geography {
        let radiology = programs.filter(\.isRadiology)
        let inMetros = radiology.filter { rules.metro(city: $0.city, state: $0.state) != nil }.count
        let withSetting = radiology.filter { $0.setting != nil }
        let community = withSetting.count { $0.setting != .academic }
        let scenario = plan.scenario
        if let limit = rules.oversubscribedShareMaxPercent[scenario], !radiology.isEmpty, inMetros * 100 > limit * radiology.count {
            let names = rules.metros.map(\.name).joined(separator: ", ")
            findings.add(.warning, "metro-share", "PL5",
                         "\(inMetros) of your \(radiology.count) IR and DR programs (\(percent(inMetros, of: radiology.count))%) are in the oversubscribed metro areas (\(names)); with your scenario MatchPlan suggests at most \(limit)% there (G1).",
                         change: "Swap some of them for programs in mid-sized cities and in regions with fewer medical schools, where the odds are better.")
        }
        if let minimum = rules.communityShareMinPercent[scenario], !radiology.isEmpty {
            if withSetting.isEmpty {
                findings.add(.note, "setting-missing", "PL5",
                             "None of your IR and DR programs has a setting, so MatchPlan cannot judge the mix of academic and community programs (G2).",
                             change: "Fill in the setting column (academic, community or hybrid).")
            } else if community * 100 < minimum * withSetting.count {
                findings.add(.warning, "community-share", "PL5",
                             "\(community) of your \(withSetting.count) IR and DR programs with a setting (\(percent(community, of: withSetting.count))%) are community or hybrid; with your scenario MatchPlan suggests at least \(minimum)% (G2, L3.1).",
                             change: "Add community or hybrid programs with strong IR: they often review more holistically and give more hands-on work.")
            }
        }
        let regions = regionCheck(radiology, profile: profile, rules: rules, findings: &findings)
        return .init(programs: radiology.count, inOversubscribedMetros: inMetros, oversubscribedSharePercent: percent(inMetros, of: radiology.count),
                     withSetting: withSetting.count, communityOrHybrid: community, communitySharePercent: percent(community, of: withSetting.count),
                     inProfileRegions: regions)
    }

    /// PL6: programs inside the profile's Census regions (nil when it names none MatchPlan knows).
    /// Region names are echoed only when they are the rules' own names, never the profile's text.
    static func regionCheck(_ radiology: [ProgramList.Program], profile: Profile, rules: ProgramListRules,
                            findings: inout Findings) -> Int? {
        let named = profile.geography.regions
        let known = named.compactMap(rules.region(named:))
        if known.count < named.count {
            let unknown = named.count - known.count
            findings.add(.note, "regions-unknown", "PL6",
                         "\(unknown) of the regions in your profile \(unknown == 1 ? "is not a" : "are not") Census region name\(unknown == 1 ? "" : "s") (\(rules.regions.map(\.name).joined(separator: ", "))), so MatchPlan cannot compare \(unknown == 1 ? "it" : "them") with your list.",
                         change: "Use those names under geography.regions.")
        }
        guard !known.isEmpty else { return nil }
        let states = Set(known.flatMap(\.states))
        let inside = radiology.count { $0.state.map(states.contains) ?? false }
        let empty = known.filter { region in !radiology.contains { $0.state.map(region.states.contains) ?? false } }
        if !radiology.isEmpty, !empty.isEmpty {
            let names = empty.map(\.name).joined(separator: " and ")
            findings.add(.warning, "region-empty", "PL6",
                         "Your profile names the \(names) as \(empty.count == 1 ? "a region" : "regions") you want, but none of your IR and DR programs with a state \(empty.count == 1 ? "is" : "are") there.",
                         change: "If you want to train there, add programs there; a geographic tie is one of the strongest reasons a program interviews you (SG2).")
        }
        let outside = radiology.count { $0.state.map { !states.contains($0) } ?? false }
        if profile.geography.flexible == false, outside > 0 {
            findings.add(.note, "wider-than-profile", "PL6",
                         "Your profile says you are not flexible on geography, yet \(outside) of your IR and DR programs \(outside == 1 ? "is" : "are") outside the regions it names.",
                         change: "If you would train there, set geography.flexible to true so the plan judges you as flexible; if not, take them off (each costs a fee).")
        }
        return inside
    }

    /// PL7 (L1.1, B3.3, D12): the share of DR programs with ESIR against the rules' minimum for
    /// the scenario, or the DR-only minimum for a DR-only applicant. A DR program with no `esir`
    /// value counts as without, and the warning says how many are blank.
    static func esir(_ programs: [ProgramList.Program], plan: StrategyPlan, rules: ProgramListRules,
                     findings: inout Findings) -> ProgramListResult.ESIR {
        let dr = programs.filter { $0.specialty == .diagnosticRadiology }
        let with = dr.count { $0.esir == true }
        let unknown = dr.count { $0.esir == nil }
        let drOnly = plan.pathway.chosen == .drESIR
        let minimum = drOnly ? rules.esirShareMinPercentDROnly : rules.esirShareMinPercent[plan.scenario] ?? 0
        if !dr.isEmpty, with * 100 < minimum * dr.count {
            let blank = unknown > 0 ? " (\(unknown) \(unknown == 1 ? "has" : "have") no esir value and count\(unknown == 1 ? "s" : "") as without)" : ""
            let basis = drOnly ? "for a DR-only applicant, whose road to IR is ESIR (D12)" : "with your scenario"
            findings.add(.warning, "esir-share", "PL7",
                         "\(with) of the \(dr.count) DR programs on your list (\(percent(with, of: dr.count))%) offer ESIR\(blank); \(basis) MatchPlan suggests at least \(minimum)% (L1.1, B3.3).",
                         change: "Add DR programs with ESIR and strong IR divisions, or swap some without it.")
        }
        return .init(drPrograms: dr.count, withESIR: with, unknown: unknown, sharePercent: percent(with, of: dr.count), minimumPercent: minimum)
    }
}
