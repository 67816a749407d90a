import Foundation
import MatchPlanFileSystem
import MatchPlanLoad
import MatchPlanModel
import MatchPlanPlan
import MatchPlanPublish
import MatchPlanRender

/// Everything loaded once per run and shared by every student: rules, guidance pages,
/// templates and the cycles met so far. A report goes through the named stages
/// (``Stage``): load → validate → plan → render → publish. ``load(paths:needsRendering:templateOverrides:)``
/// is load and validate for the shared inputs; ``report(profilePath:formats:outputFolder:today:)``
/// runs one student through all five.
public struct Workspace: Sendable {
    public let paths: ProjectPaths
    public let rules: Rules
    public let pages: [GuidancePage]
    /// Nil when loaded for planning only (`needsRendering: false`).
    public let templates: TemplateSet?
    public let profileLoader: ProfileLoader
    /// How every input is read: rules, guidance, templates, cycles, profiles, rosters and
    /// program lists (``FileIO/disk``, or in memory for tests).
    public var io: FileIO = .disk
    /// PL1–PL8: a program list named on the command line (`--programs`); it wins over the profile's `programs:`.
    public var programsPath: String? = nil

    /// Loads the rules, and for reports also the guidance pages and templates, then validates them.
    /// - Throws: ``MatchPlanError`` for the first missing or malformed shared input.
    /// - Parameter templateOverrides: a folder whose templates replace built-in ones file by file
    ///   (`--templates`); the lookup order is `paths.templates`, then this folder.
    public static func load(paths: ProjectPaths, needsRendering: Bool, templateOverrides: String? = nil, overview: Bool = true,
                            io: FileIO = .disk) throws -> Workspace {
        var problems: [MatchPlanError] = []
        let workspace = try load(paths: paths, needsRendering: needsRendering, templateOverrides: templateOverrides, overview: overview, io: io,
                                 problems: &problems)
        try Validation.require(problems)
        return workspace!
    }

    /// The same, listing every problem instead of stopping at the first (for `check`): nil when
    /// any input failed to load; problems found by validation are appended too.
    /// - Throws: only errors that are not ``MatchPlanError`` (a bug).
    /// - Parameter overview: load the class overview's templates too (`roster-index.html`,
    ///   `partials/roster-*`: a roster needs them, one report does not; `check` checks them).
    public static func load(paths: ProjectPaths, needsRendering: Bool, templateOverrides: String? = nil, overview: Bool = true,
                            io: FileIO = .disk, problems: inout [MatchPlanError]) throws -> Workspace? {
        // The three inputs are independent: load them on all cores, the longest (templates:
        // swift-mustache parses a Character at a time) first, so it does not wait for a core.
        let (templatesResult, pagesResult, rules) = Parallel.all(
            { () throws -> (set: TemplateSet?, problems: [MatchPlanError]) in
                var found: [MatchPlanError] = []  // a problem in every template file, not just the first
                let set = try Stage.load.run { needsRendering ? try reportTemplates(paths: paths, overrides: templateOverrides, overview: overview, io: io, problems: &found) : nil }
                return (set, found.map { $0.staged(.load) })
            },
            { () throws -> (pages: [GuidancePage], problems: [MatchPlanError]) in
                // Every bad page, not just the first (for check; writing commands throw the first).
                var found: [MatchPlanError] = []
                let pages = try Stage.load.run { needsRendering ? try ContentLoader(io: io).load(layers: [paths.content], problems: &found) : [GuidancePage]() }
                return (pages, found.map { $0.staged(.load) })
            },
            { try Stage.load.run { try RulesLoader.parse(io.readText((paths.content as NSString).appendingPathComponent("rules.yaml"), inside: paths.content)) } })
        // In input order (rules, pages, templates): writing commands report the first.
        let found: [Result<[MatchPlanError], any Error>] = [rules.map { _ in [] }, pagesResult.map(\.problems), templatesResult.map(\.problems)]
        for result in found {
            switch result {
            case .success(let pageProblems): problems += pageProblems
            case .failure(let error):
                guard let error = error as? MatchPlanError else { throw error }
                problems.append(error)
            }
        }
        guard case .success(let rules) = rules, case .success(let loaded) = pagesResult, loaded.problems.isEmpty,
              case .success(let loadedTemplates) = templatesResult, loadedTemplates.problems.isEmpty else { return nil }
        let templates = loadedTemplates.set
        let pages = loaded.pages
        problems += Validation.ruleIDs(pages, rules: rules)
        return Workspace(paths: paths, rules: rules, pages: pages, templates: templates,
                         profileLoader: ProfileLoader(scoreScale: rules.scoreScale, checklistIDs: rules.checklist.map(\.id)), io: io)
    }

    /// The report templates (not the site's: parsing them is a fifth of a single report's run time).
    static func reportTemplates(paths: ProjectPaths, overrides: String?, overview: Bool = true, io: FileIO = .disk,
                                problems: inout [MatchPlanError]) throws -> TemplateSet? {
        // Parsing is most of loading templates (swift-mustache reads them a Character at a
        // time): one report skips the overview's, a fifth of what is left after the site's.
        try TemplateSet.load(folders: [paths.templates] + [overrides].compactMap { $0 },
                             required: overview ? ReportRenderer.requiredTemplates : ReportRenderer.reportTemplates,
                             include: { !$0.hasPrefix("site") && (overview || !ReportRenderer.isOverviewTemplate($0)) }, io: io, problems: &problems)
    }

    /// Loads the cycle for `matchYear` (projected from the rules where no file covers it, D14)
    /// and checks that it has every event the rules use.
    /// - Throws: ``MatchPlanError`` `.data`.
    public func cycle(matchYear: Int, profilePath: String?) throws -> Cycle {
        let cycle = try Stage.load.run {
            try CycleLoader.load(matchYear: matchYear, contentDirectory: paths.content, profilePath: profilePath,
                                 projection: rules.cycleProjection, io: io)
        }
        try Validation.require(Validation.cycleEvents(cycle, rules: rules, contentDirectory: paths.content))
        return cycle
    }

    /// Load and plan one profile.
    public func plan(profilePath: String, today: CalendarDate) throws -> (StrategyPlan, Cycle) {
        let profile = try Stage.load.run(file: profilePath) { try profileLoader.parse(io.readText(profilePath)) }
        let cycle = try cycle(matchYear: profile.matchYear, profilePath: profilePath)
        let plan = Stage.plan.run { Planner(rules: rules, cycle: cycle).plan(for: profile, today: today) }
        return (try auditingProgramList(plan, profile: profile, profilePath: profilePath), cycle)
    }

    /// Load, plan, render and write one student's report into `outputFolder`, beside any other
    /// files there.
    /// - Returns: the paths written.
    /// - Throws: ``MatchPlanError``; nothing is written unless every format rendered.
    @discardableResult
    public func report(profilePath: String, formats: [ReportFormat], outputFolder: String, today: CalendarDate) throws -> [String] {
        try checkOutputFolder(outputFolder)
        return try report(profilePath: profilePath, formats: formats, to: .besideOtherFiles(in: outputFolder), today: today)
            .map { (outputFolder as NSString).appendingPathComponent($0) }
    }

    /// Load, plan, render and publish one student's report into `sink`.
    /// - Returns: the file names published, one per format.
    /// - Throws: ``MatchPlanError``; nothing is published unless every format rendered.
    public func report(profilePath: String, formats: [ReportFormat], to sink: FileSink, today: CalendarDate) throws -> [String] {
        let (plan, cycle) = try plan(profilePath: profilePath, today: today)
        let files = try Stage.render.run {
            guard let templates else { throw MatchPlanError(.internalError, "templates were not loaded") }
            // One report has no other students to keep the cores busy: each format renders on a
            // core of its own (each call builds its own view; a roster renders students side by side).
            let renderer = ReportRenderer(templates: templates, rules: rules, cycle: cycle, pages: pages)
            return try Parallel.map(formats) { format in try renderer.render(plan, formats: [format])[0] }
        }
        try Stage.publish.run { try sink.publish(files.map { OutputFile(path: $0.name, contents: $0.contents) }, []) }
        return files.map(\.name)
    }

    /// Refuses output folders inside the content or templates folders.
    /// - Throws: ``MatchPlanError`` `.cannotCreate`.
    public func checkOutputFolder(_ folder: String) throws {
        try Validation.require(Validation.outputFolder(folder, paths: paths))
    }
}
