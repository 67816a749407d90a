import MatchPlanLoad
import MatchPlanModel
import MatchPlanPlan

/// The validate stage: checks that need more than one input, run after everything loaded and
/// before anything is planned or written. Each returns every problem it finds (the writing
/// commands stop at the first; `check` prints them all).
public enum Validation {
    /// Every rule id a guidance page cites must be one of `rules.yaml`'s `rule_ids`.
    public static func ruleIDs(_ pages: [GuidancePage], rules: Rules) -> [MatchPlanError] {
        pages.compactMap { page in
            do {
                try ContentLoader.checkRuleIDs([page], rules: rules)
                return nil
            } catch {
                return (error as? MatchPlanError)?.staged(.validate)
            }
        }
    }

    /// Every `event:` date the rules use must be in the cycle file of that match year.
    public static func cycleEvents(_ cycle: Cycle, rules: Rules, contentDirectory: String) -> [MatchPlanError] {
        DateResolver.missingEvents(rules: rules, cycle: cycle).map { missing in
            MatchPlanError(.data, file: CycleLoader.path(for: cycle.matchYear, in: contentDirectory), keyPath: "events",
                           "missing the event '\(missing)', which rules.yaml refers to as event:\(missing)").staged(.validate)
        }
    }

    /// Output may not go inside the content or templates folders (a build would read its own output).
    public static func outputFolder(_ folder: String, paths: ProjectPaths) -> [MatchPlanError] {
        [(paths.content, "content"), (paths.templates, "templates")].filter { ProjectPaths.isInside(folder, $0.0) }.map { input, name in
            MatchPlanError(.cannotCreate, file: folder, "the output folder is inside the \(name) folder \(input); choose a folder outside it")
                .staged(.validate)
        }
    }

    /// Throws the first problem, as the writing commands do.
    public static func require(_ problems: [MatchPlanError]) throws {
        if let first = problems.first { throw first }
    }
}
