import Foundation
import MatchPlanFileSystem
import MatchPlanLoad
import MatchPlanModel
import MatchPlanRender

/// Everything `matchplan site` reads, loaded and validated (the load and validate stages of a
/// site build; `check --site` stops here).
public struct SiteInputs: Sendable {
    public var config: SiteConfig
    public var rules: Rules
    public var cycle: Cycle
    public var guidance: [GuidancePage]
    public var schoolPages: [SchoolPage]
    public var templates: TemplateSet
    /// The built-in pages and their words (``SiteCopyLoader``).
    public var copy: SiteCopy
    /// The logo's checked bytes (``LogoFile``), nil without `logo:`.
    public var logo: Data?
    /// What the build changed on its own and the person should know (an accent colour replaced
    /// by a readable shade, ``AccentPalette``), each as `site.yaml: sentence`, for standard error.
    public var notices: [String] = []

    /// Loads the config, then every input it names, appending every problem to `problems`
    /// (in the order a build meets them, so the first is the one a build stops at).
    /// - Parameter io: how every input is read (``FileIO/disk``, or in memory for tests).
    /// - Returns: nil when any input failed to load.
    public static func load(paths: ProjectPaths, configPath: String, templateOverrides: String?, outputFolder: String?,
                            io: FileIO = .disk, problems: inout [MatchPlanError]) -> SiteInputs? {
        var config: SiteConfig?
        Stage.load.collect(file: configPath, into: &problems) { config = try SiteConfigLoader.load(configPath, io: io) }
        // Everything else depends on the config.
        guard let config else { return nil }
        if let outputFolder { problems += Validation.outputFolder(outputFolder, paths: paths) }
        var rules: Rules?, cycle: Cycle?, guidance: [GuidancePage]?, schoolPages: [SchoolPage]? = [], templates: TemplateSet?
        Stage.load.collect(into: &problems) { rules = try RulesLoader.load((paths.content as NSString).appendingPathComponent("rules.yaml"), inside: paths.content, io: io) }
        if let rules {
            Stage.load.collect(into: &problems) {
                cycle = try CycleLoader.load(matchYear: config.matchYear, contentDirectory: paths.content, profilePath: configPath,
                                             keyPath: "cycle_year", projection: rules.cycleProjection, io: io)
            }
        }
        var guidanceProblems: [MatchPlanError] = []  // every bad page, not just the first
        Stage.load.collect(into: &problems) {
            guidance = try ContentLoader(allowRawHTML: config.unsafeHTML, io: io).load(layers: [paths.content] + [config.contentFolder].compactMap { $0 },
                                                                               problems: &guidanceProblems)
        }
        problems += guidanceProblems.map { $0.staged(.load) }
        if let rules, let guidance, guidanceProblems.isEmpty { problems += Validation.ruleIDs(guidance, rules: rules) }
        var copy: SiteCopy?
        Stage.load.collect(into: &problems) {
            // A school's content folder may replace the built-in pages' words as a whole.
            let folder = [config.contentFolder, paths.content].compactMap { $0 }
                .first { io.exists(($0 as NSString).appendingPathComponent(SiteCopyLoader.fileName)) } ?? paths.content
            copy = try SiteCopyLoader.load((folder as NSString).appendingPathComponent(SiteCopyLoader.fileName), inside: folder, io: io)
        }
        // Every bad page, not just the first.
        var pageProblems: [MatchPlanError] = []
        Stage.load.collect(into: &problems) {
            schoolPages = try config.pagesFolder.map {
                try SchoolPagesLoader.load(folder: $0, allowRawHTML: config.unsafeHTML, reserved: SiteRenderer.reservedFiles(copy ?? SiteCopy(pages: [], notFoundTitle: "", notFoundLead: "", timingScenarios: [:]),
                                                                               bands: rules?.bands.map(\.band) ?? Band.allCases),
                                                      io: io, problems: &pageProblems)
            } ?? []
        }
        problems += pageProblems.map { $0.staged(.load) }
        var templateProblems: [MatchPlanError] = []  // a problem in every template file, not just the first
        Stage.load.collect(into: &problems) {
            templates = try TemplateSet.load(folders: templateFolders(paths: paths, config: config, overrides: templateOverrides),
                                             required: SiteRenderer.requiredTemplates, io: io, problems: &templateProblems)
        }
        problems += templateProblems.map { $0.staged(.load) }
        var logo: Data?
        if let path = config.logo {
            Stage.load.collect(into: &problems) {
                logo = try LogoFile.load(path, inside: config.logoFolder ?? (path as NSString).deletingLastPathComponent, io: io)
            }
        }
        guard let rules, let cycle, let guidance, let schoolPages, let templates, let copy, config.logo == nil || logo != nil,
              pageProblems.isEmpty, guidanceProblems.isEmpty else { return nil }
        let notices = (config.accentColor.flatMap { AccentPalette(accent: $0, dark: config.accentColorDark) }?.notices ?? []).map { "\(configPath): \($0)" }
        return SiteInputs(config: config, rules: rules, cycle: cycle, guidance: guidance, schoolPages: schoolPages, templates: templates,
                          copy: copy, logo: logo, notices: notices)
    }

    /// Template lookup order (later wins, file by file): the built-in `Templates/`, the config's
    /// `templates:` folder, then `--templates`.
    public static func templateFolders(paths: ProjectPaths, config: SiteConfig, overrides: String?) -> [String] {
        [paths.templates] + [config.templatesFolder, overrides].compactMap { $0 }
    }
}
