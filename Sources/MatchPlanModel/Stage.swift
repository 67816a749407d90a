/// The named stages every run goes through, in order: `report`, `report --roster` and `site`
/// share them, and `check` runs the first two only.
///
/// - `load`: read and parse inputs (profile, roster, rules, cycle, guidance, templates, site config).
/// - `validate`: checks across inputs (rule ids pages cite, events the rules use, where output goes).
/// - `plan`: profile + rules + cycle → ``StrategyPlan`` (pure).
/// - `render`: plan and guidance → documents, through the templates.
/// - `publish`: documents → files on disk, atomically.
public enum Stage: String, CaseIterable, Sendable {
    case load, validate, plan, render, publish

    /// Runs `body` as this stage. A ``MatchPlanError`` coming out of it carries the stage and,
    /// when the lower layer did not know it, `file`; any other error passes through unchanged.
    public func run<T>(file: String? = nil, _ body: () throws -> T) rethrows -> T {
        do {
            return try body()
        } catch var error as MatchPlanError {
            if error.stage == nil { error.stage = self }
            if let file, error.file == nil { error.file = file }
            throw error
        }
    }

    /// Runs `body` as this stage and returns its problem instead of throwing (for `check`, which
    /// reports every problem rather than the first).
    public func collect(file: String? = nil, into problems: inout [MatchPlanError], _ body: () throws -> Void) {
        do {
            try run(file: file, body)
        } catch let error as MatchPlanError {
            problems.append(error)
        } catch {
            problems.append(MatchPlanError(.internalError, file: file, "\(error)").staged(self))
        }
    }
}

extension MatchPlanError {
    /// The same error marked as coming from `stage` (unless it already names one).
    public func staged(_ stage: Stage) -> MatchPlanError {
        var copy = self
        if copy.stage == nil { copy.stage = stage }
        return copy
    }
}
