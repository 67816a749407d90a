import Foundation

/// `matchplan site`: load the config, content, school pages and templates; render every page;
/// publish the folder atomically (``FolderPublisher``).
public struct SiteBuild: Sendable {
    public let paths: ProjectPaths
    public let configPath: String
    /// Extra template folder from the command line, over the config's and the built-in ones.
    public let templateOverrides: String?
    /// Fault injection for tests: called with each file's path before it is written; throwing
    /// aborts the build as a failing template or disk would.
    var beforeWrite: (@Sendable (String) throws -> Void)?

    public init(paths: ProjectPaths, configPath: String, templateOverrides: String? = nil) {
        self.paths = paths
        self.configPath = configPath
        self.templateOverrides = templateOverrides
    }

    /// Template lookup order (later wins, file by file): the built-in `Templates/`, the config's
    /// `templates:` folder, then `--templates`.
    public func templateFolders(_ config: SiteConfig) -> [String] {
        [paths.templates] + [config.templatesFolder, templateOverrides].compactMap { $0 }
    }

    /// Builds the site into `outputFolder`.
    /// - Returns: the relative paths written, sorted.
    /// - Throws: ``MatchPlanError``; on any failure the previous site is left as it was.
    @discardableResult
    public func run(outputFolder: String) throws -> [String] {
        let config = try SiteConfigLoader.load(configPath)
        for (input, name) in [(paths.content, "content"), (paths.templates, "templates")] where ProjectPaths.isInside(outputFolder, input) {
            throw MatchPlanError(.cannotCreate, file: outputFolder, "the output folder is inside the \(name) folder \(input); choose a folder outside it")
        }
        let rules = try RulesLoader.load((paths.content as NSString).appendingPathComponent("rules.yaml"))
        let cycle = try CycleLoader.load(matchYear: config.matchYear, contentDirectory: paths.content, profilePath: configPath,
                                         keyPath: "cycle_year")
        let guidance = try ContentLoader(allowRawHTML: config.unsafeHTML).load(layers: [paths.content] + [config.contentFolder].compactMap { $0 })
        try ContentLoader.checkRuleIDs(guidance, rules: rules)
        let schoolPages = try config.pagesFolder.map {
            try SchoolPagesLoader.load(folder: $0, allowRawHTML: config.unsafeHTML, reserved: SiteRenderer.reservedFiles)
        } ?? []
        let templates = try TemplateSet.load(folders: templateFolders(config), required: SiteRenderer.requiredTemplates)
        let files = try SiteRenderer(config: config, rules: rules, cycle: cycle, guidance: guidance,
                                     schoolPages: schoolPages, templates: templates).render()
        let publisher = try FolderPublisher(target: outputFolder)
        do {
            for file in files {
                try beforeWrite?(file.path)
                try publisher.write(file.contents, to: file.path)
            }
            if let logo = config.logo {
                let data = try LogoFile.load(logo, inside: config.logoFolder ?? (logo as NSString).deletingLastPathComponent)
                try publisher.write(data, to: "assets/logo.\((logo as NSString).pathExtension.lowercased())")
            }
            try publisher.commit()
        } catch {
            publisher.discard()
            throw error
        }
        return (files.map(\.path) + (config.logo.map { ["assets/logo.\(($0 as NSString).pathExtension.lowercased())"] } ?? [])).sorted()
    }
}
