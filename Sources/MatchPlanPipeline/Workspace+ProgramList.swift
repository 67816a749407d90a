import Foundation
import MatchPlanLoad
import MatchPlanModel
import MatchPlanPlan

/// PL1–PL8: the student's own program list, read and audited after planning.
extension Workspace {
    /// `plan` with its program-list audit (``ProgramListAudit``) when a list is named: by
    /// ``programsPath`` (`--programs`, as the user gave it) or by the profile's `programs:` (a
    /// regular file inside the profile's folder); `plan` unchanged otherwise.
    /// - Throws: ``MatchPlanError`` `.noInput` for a missing list, `.data` for a malformed one
    ///   or a malformed `Content/program-list.yaml`.
    public func auditingProgramList(_ plan: StrategyPlan, profile: Profile, profilePath: String) throws -> StrategyPlan {
        guard let found = try programList(for: profile, profilePath: profilePath) else { return plan }
        var plan = plan
        Stage.plan.run { ProgramListAudit.apply(found.list, to: &plan, profile: profile, rules: found.rules) }
        return plan
    }

    /// The list named by ``programsPath`` or else by the profile's `programs:` (relative to the
    /// profile's folder), with the audit's rules; nil when neither names one. `check` uses it too.
    /// - Throws: as ``auditingProgramList(_:profile:profilePath:)``.
    public func programList(for profile: Profile, profilePath: String) throws -> (list: ProgramList, rules: ProgramListRules)? {
        let rules = { try Stage.load.run { try ProgramListRulesLoader.load(contentDirectory: paths.content, io: io) } }
        if let programsPath {
            let loaded = try rules()
            return (try Stage.load.run(file: programsPath) { try ProgramListReader.load(programsPath, states: loaded.stateCodes, io: io) }, loaded)
        }
        let folder = (profilePath as NSString).deletingLastPathComponent
        return try programList(for: profile, source: profilePath, folder: folder.isEmpty ? "." : folder, rules: rules)
    }

    /// The list a profile's `programs:` names, as a path relative to `folder` (the profile's, or
    /// a roster's) and read as a regular file inside it, with the audit's rules; nil when the
    /// profile names none.
    /// - Parameter source: where the profile came from (`profile.yaml`, `students.csv:5`), for errors.
    /// - Throws: ``MatchPlanError`` `.noInput` naming `source` and `programs` for a missing file; `.data` for a bad one.
    public func programList(for profile: Profile, source: String, folder: String,
                            rules: () throws -> ProgramListRules) throws -> (list: ProgramList, rules: ProgramListRules)? {
        guard let relative = profile.programs else { return nil }
        let path = (folder as NSString).appendingPathComponent(relative)
        // lstat, not stat: a dangling link is refused when read, not reported as missing.
        guard io.hasEntry(path) else {
            throw MatchPlanError(.noInput, file: source, keyPath: "programs",
                                 "the program list '\(relative)' was not found; expected a CSV file path relative to \(source.hasSuffix(".csv") || source.contains(".csv:") ? "the roster" : "the profile")")
        }
        let loaded = try rules()
        let list = try Stage.load.run(file: path) { try ProgramListReader.load(path, inside: folder, states: loaded.stateCodes, io: io) }
        return (list, loaded)
    }
}
