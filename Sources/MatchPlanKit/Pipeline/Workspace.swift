import Foundation

/// Everything loaded once per run and shared by every student: rules, guidance pages,
/// templates and the cycles met so far. The pipeline is load → plan → render → write:
/// ``Workspace/load(paths:needsRendering:)`` is the load stage for shared inputs,
/// ``report(profilePath:formats:outputFolder:today:)`` runs one student through all four.
public struct Workspace: Sendable {
    public let paths: ProjectPaths
    public let rules: Rules
    public let pages: [GuidancePage]
    public let templates: TemplateSet?
    public let profileLoader: ProfileLoader

    /// Loads the rules, and for reports also the guidance pages and templates.
    /// - Throws: ``MatchPlanError`` for any missing or malformed shared input.
    /// - Parameter templateOverrides: a folder whose templates replace built-in ones file by file
    ///   (`--templates`); the lookup order is `paths.templates`, then this folder.
    public static func load(paths: ProjectPaths, needsRendering: Bool, templateOverrides: String? = nil) throws -> Workspace {
        // The three inputs are independent: load them on all cores.
        let loaded = try Parallel.map([0, 1, 2]) { part -> any Sendable in
            switch part {
            case 0: return try RulesLoader.load((paths.content as NSString).appendingPathComponent("rules.yaml"))
            case 1: return needsRendering ? try ContentLoader().load(contentDirectory: paths.content) : [GuidancePage]()
            default:
                return needsRendering
                    ? try TemplateSet.load(folders: [paths.templates] + [templateOverrides].compactMap { $0 },
                                           required: ReportRenderer.requiredTemplates,
                                           include: { !$0.hasPrefix("site") }) as TemplateSet?
                    : TemplateSet?.none
            }
        }
        let rules = loaded[0] as! Rules
        let pages = loaded[1] as! [GuidancePage]
        try ContentLoader.checkRuleIDs(pages, rules: rules)
        let templates = loaded[2] as? TemplateSet
        return Workspace(paths: paths, rules: rules, pages: pages, templates: templates,
                         profileLoader: ProfileLoader(scoreScale: rules.scoreScale, checklistIDs: rules.checklist.map(\.id)))
    }

    /// Loads the cycle for `matchYear` (projected from the rules where no file covers it, D14)
    /// and checks that it has every event the rules use.
    /// - Throws: ``MatchPlanError`` `.data`.
    public func cycle(matchYear: Int, profilePath: String?) throws -> Cycle {
        let cycle = try CycleLoader.load(matchYear: matchYear, contentDirectory: paths.content, profilePath: profilePath,
                                         projection: rules.cycleProjection)
        if let missing = DateResolver.missingEvents(rules: rules, cycle: cycle).first {
            throw MatchPlanError(.data, file: CycleLoader.path(for: matchYear, in: paths.content), keyPath: "events",
                                 "missing the event '\(missing)', which rules.yaml refers to as event:\(missing)")
        }
        return cycle
    }

    /// Load and plan one profile.
    public func plan(profilePath: String, today: CalendarDate) throws -> (StrategyPlan, Cycle) {
        let profile = try profileLoader.load(profilePath)
        let cycle = try cycle(matchYear: profile.matchYear, profilePath: profilePath)
        return (Planner(rules: rules, cycle: cycle).plan(for: profile, today: today), cycle)
    }

    /// Load, plan, render and write one student's report.
    /// - Returns: the paths written.
    /// - Throws: ``MatchPlanError``; nothing is written unless every format rendered.
    @discardableResult
    public func report(profilePath: String, formats: [ReportFormat], outputFolder: String, today: CalendarDate) throws -> [String] {
        try checkOutputFolder(outputFolder)
        let (plan, cycle) = try plan(profilePath: profilePath, today: today)
        guard let templates else { throw MatchPlanError(.internalError, "templates were not loaded") }
        let files = try ReportRenderer(templates: templates, rules: rules, cycle: cycle, pages: pages).render(plan, formats: formats)
        try OutputWriter().write(files, to: outputFolder)
        return files.map { (outputFolder as NSString).appendingPathComponent($0.name) }
    }

    /// Refuses output folders inside the content or templates folders.
    /// - Throws: ``MatchPlanError`` `.cannotCreate`.
    public func checkOutputFolder(_ folder: String) throws {
        for (input, name) in [(paths.content, "content"), (paths.templates, "templates")] where ProjectPaths.isInside(folder, input) {
            throw MatchPlanError(.cannotCreate, file: folder, "the output folder is inside the \(name) folder \(input); choose a folder outside it")
        }
    }
}
