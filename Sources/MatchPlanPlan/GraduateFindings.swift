import MatchPlanModel

/// D9 (A7): findings for a graduate applicant: programs that limit years since graduation, and
/// how old the exam scores they will read are. See docs/rules.md.
enum GraduateFindings {
    /// A warning for a graduate (none for students, and none once the Match is over).
    /// - Parameter warn: `(id, rule, message)`.
    static func evaluate(profile: Profile, cycle: Cycle, afterMatch: AfterMatch, warn: (String, String, String) -> Void) {
        guard profile.stage == .graduate, !afterMatch.closed else { return }
        // D9: the age of the Step 2 CK the programs will read, in whole seasons before this one.
        let age = profile.step2ck.date.map { cycle.seasonYear - $0.year } ?? 0
        let old = age >= 2 && profile.step2ck.score != nil
            ? " Your Step 2 CK is from \(profile.step2ck.date!.year), \(age) years before this season, so say what you have done clinically since."
            : ""
        warn("graduation-year-cutoff", "D9",
             "Some programs only consider applicants within a few years of graduating from medical school (a graduation-year cut-off): check each program's stated limit before you pay to apply, and show recent clinical and IR work (an observership or research, letters from recent supervisors)." + old)
    }
}
