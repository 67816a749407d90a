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
    public func auditingProgramList(_ plan: StrategyPlan, profile: Profile, profilePath: String, relativeTo base: String? = nil) throws -> StrategyPlan {
        let path: String, folder: String?
        if let programsPath {
            (path, folder) = (programsPath, nil)
        } else if let relative = profile.programs {
            let inside = base ?? (profilePath as NSString).deletingLastPathComponent
            folder = inside.isEmpty ? "." : inside
            path = (folder! as NSString).appendingPathComponent(relative)
            guard (try? FileManager.default.attributesOfItem(atPath: path)) != nil else {
                throw MatchPlanError(.noInput, file: profilePath, keyPath: "programs",
                                     "the program list '\(relative)' was not found; expected a CSV file path relative to \(base == nil ? "the profile" : "the roster")")
            }
        } else {
            return plan
        }
        let rules = try Stage.load.run { try ProgramListRulesLoader.load(contentDirectory: paths.content) }
        let list = try Stage.load.run(file: path) { try ProgramListReader.load(path, inside: folder, states: rules.stateCodes) }
        var plan = plan
        Stage.plan.run { ProgramListAudit.apply(list, to: &plan, profile: profile, rules: rules) }
        return plan
    }
}
