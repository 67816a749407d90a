import Foundation
import MatchPlanFileSystem
import MatchPlanLoad
import MatchPlanModel
import MatchPlanRender

/// `matchplan check`: the load and validate stages of a writing command, and nothing else.
/// Nothing is written. Each returns every problem found, in the order the writing command
/// would meet them (so the first is the one it stops at); an empty list means it would run.
public enum Check {
    /// What `matchplan report PROFILE` reads: rules, guidance, report templates, the profile and its cycle.
    /// - Parameter programs: `--programs`: the student's own program list (PL1–PL8), read as report reads it.
    /// - Parameter io: how every input is read (``FileIO/disk``, or in memory for tests); so for the others.
    public static func profile(_ path: String, paths: ProjectPaths, templateOverrides: String?, programs: String? = nil,
                               io: FileIO = .disk) throws -> [MatchPlanError] {
        var problems: [MatchPlanError] = []
        guard var workspace = try Workspace.load(paths: paths, needsRendering: true, templateOverrides: templateOverrides, io: io, problems: &problems) else {
            return problems
        }
        // Every problem in the profile's fields, not just the first (tester report item 5).
        var found: [MatchPlanError] = []
        var loaded: Profile?
        Stage.load.collect(file: path, into: &problems) {
            loaded = try Stage.load.run(file: path) { try workspace.profileLoader.parse(workspace.io.readText(path), problems: &found) }
        }
        problems += found.map { $0.staged(.load) }
        guard found.isEmpty, let profile = loaded else { return problems }
        Stage.load.collect(file: path, into: &problems) {
            _ = try workspace.cycle(matchYear: profile.matchYear, profilePath: path)
        }
        workspace.programsPath = programs
        Stage.load.collect(file: path, into: &problems) { _ = try workspace.programList(for: profile, profilePath: path) }
        return problems
    }

    /// What `matchplan report --roster FILE-OR-DIR` reads: the shared inputs, then every student
    /// (each bad row or file, each unusable or repeated id, each missing cycle).
    public static func roster(_ path: String, paths: ProjectPaths, templateOverrides: String?, io: FileIO = .disk) throws -> [MatchPlanError] {
        var problems: [MatchPlanError] = []
        guard let workspace = try Workspace.load(paths: paths, needsRendering: true, templateOverrides: templateOverrides, io: io, problems: &problems) else {
            return problems
        }
        var reader: RosterReader?
        Stage.load.collect(file: path, into: &problems) { reader = try RosterReader(path: path, loader: workspace.profileLoader, io: workspace.io) }
        guard let reader else { return problems }
        var cycles: [Int: Bool] = [:]
        var count = 0
        while let entry = reader.next() {
            count += 1
            Stage.load.collect(into: &problems) {
                let profile = try Stage.load.run { try entry.load().get() }
                _ = try RosterBuild.reportName(entry, profile, reader: reader)
                if cycles[profile.matchYear] == nil {
                    cycles[profile.matchYear] = false
                    _ = try workspace.cycle(matchYear: profile.matchYear, profilePath: entry.source)
                }
                // PL1–PL8: a student's list, relative to the roster, as report --roster reads it.
                let folder = workspace.io.isFolder(path) ? path : (path as NSString).deletingLastPathComponent
                _ = try workspace.programList(for: profile, source: entry.source, folder: folder.isEmpty ? "." : folder) {
                    try Stage.load.run { try ProgramListRulesLoader.load(contentDirectory: workspace.paths.content, io: workspace.io) }
                }
            }
        }
        if count == 0 { problems.append(RosterBuild.emptyRosterError(path, io: workspace.io)) }
        return problems
    }

    /// What `matchplan site --config FILE` reads.
    public static func site(configPath: String, paths: ProjectPaths, templateOverrides: String?, io: FileIO = .disk) -> [MatchPlanError] {
        var problems: [MatchPlanError] = []
        _ = SiteInputs.load(paths: paths, configPath: configPath, templateOverrides: templateOverrides, outputFolder: nil, io: io, problems: &problems)
        return problems
    }

    /// A content folder and a templates folder on their own: rules, every guidance page and the
    /// rule ids they cite, every cycle file (and the events the rules use), and the report and
    /// site templates.
    public static func content(paths: ProjectPaths, io: FileIO = .disk) throws -> [MatchPlanError] {
        var problems: [MatchPlanError] = []
        guard let workspace = try Workspace.load(paths: paths, needsRendering: true, io: io, problems: &problems) else {
            // Still check the site templates: they do not depend on the content.
            problems += siteTemplateProblems(paths, io: io)
            return problems
        }
        let cycles = (paths.content as NSString).appendingPathComponent("cycles")
        let years = io.names(cycles).filter { $0.hasSuffix(".yaml") && io.entry((cycles as NSString).appendingPathComponent($0)) == .file }.sorted()
            .compactMap { Int($0.dropLast(".yaml".count)) }
        if years.isEmpty {
            problems.append(MatchPlanError(.noInput, file: cycles, "no cycle files; expected <match year>.yaml files such as 2027.yaml").staged(.load))
        }
        for year in years {
            Stage.load.collect(into: &problems) { _ = try workspace.cycle(matchYear: year, profilePath: nil) }
        }
        problems += siteTemplateProblems(paths, io: io)
        return problems
    }

    private static func siteTemplateProblems(_ paths: ProjectPaths, io: FileIO) -> [MatchPlanError] {
        var problems: [MatchPlanError] = []
        var found: [MatchPlanError] = []
        Stage.load.collect(into: &problems) {
            _ = try TemplateSet.load(folders: [paths.templates], required: SiteRenderer.requiredTemplates, io: io, problems: &found)
        }
        problems += found.map { $0.staged(.load) }
        return problems
    }
}
