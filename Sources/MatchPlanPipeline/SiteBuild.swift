import Foundation
import MatchPlanFileSystem
import MatchPlanLoad
import MatchPlanModel
import MatchPlanPublish
import MatchPlanRender

/// `matchplan site`: load and validate the config, content, school pages and templates
/// (``SiteInputs``); render every page; publish them through a ``FileSink`` (on disk: the
/// folder replaced atomically by ``FolderPublisher``).
public struct SiteBuild: Sendable {
    public let paths: ProjectPaths
    public let configPath: String
    /// Extra template folder from the command line, over the config's and the built-in ones.
    public let templateOverrides: String?
    /// Fault injection for tests: called with each file's path before it is written; throwing
    /// aborts the build as a failing template or disk would.
    var beforeWrite: (@Sendable (String) throws -> Void)?
    /// How every input is read (``FileIO/disk``, or in memory for tests).
    public var io: FileIO = .disk
    /// Called with each notice of ``SiteInputs/notices`` (the CLI prints them on standard error).
    public var onNotice: @Sendable (String) -> Void = { _ in }

    public init(paths: ProjectPaths, configPath: String, templateOverrides: String? = nil) {
        self.paths = paths
        self.configPath = configPath
        self.templateOverrides = templateOverrides
    }

    /// Template lookup order (later wins, file by file): the built-in `Templates/`, the config's
    /// `templates:` folder, then `--templates`.
    public func templateFolders(_ config: SiteConfig) -> [String] {
        SiteInputs.templateFolders(paths: paths, config: config, overrides: templateOverrides)
    }

    /// Builds the site into `outputFolder`, replacing the previous build.
    /// - Returns: the relative paths written, sorted.
    /// - Throws: ``MatchPlanError`` (the first problem); on any failure the previous site is left as it was.
    @discardableResult
    public func run(outputFolder: String) throws -> [String] {
        try run(into: .replacingFolder(outputFolder, beforeWrite: beforeWrite), outputFolder: outputFolder)
    }

    /// Builds the site into `sink`.
    /// - Parameter outputFolder: where the sink writes, checked not to be inside the inputs (nil
    ///   for a sink that is not a folder).
    /// - Returns: the relative paths published, sorted.
    public func run(into sink: FileSink, outputFolder: String? = nil) throws -> [String] {
        var problems: [MatchPlanError] = []
        let inputs = SiteInputs.load(paths: paths, configPath: configPath, templateOverrides: templateOverrides,
                                     outputFolder: outputFolder, io: io, problems: &problems)
        try Validation.require(problems)
        guard let inputs else { throw MatchPlanError(.internalError, "site inputs failed to load without a problem") }
        inputs.notices.forEach(onNotice)
        let files = try Stage.render.run {
            var renderer = SiteRenderer(config: inputs.config, rules: inputs.rules, cycle: inputs.cycle, guidance: inputs.guidance,
                                        schoolPages: inputs.schoolPages, templates: inputs.templates, copy: inputs.copy)
            if let data = inputs.logo, let logo = inputs.config.logo {
                renderer.logoSize = ImageSize.read(data, fileExtension: (logo as NSString).pathExtension)
            }
            return try renderer.render()
        }
        let logo = inputs.config.logo.map { "assets/logo.\(($0 as NSString).pathExtension.lowercased())" }
        var assets: [(path: String, data: Data)] = []
        if let logo, let bytes = inputs.logo { assets.append((logo, bytes)) }
        // Files the school's pages link to, once each (the loader refused two different files at one path).
        for file in inputs.schoolPages.flatMap(\.files) where !assets.contains(where: { $0.path == file.path }) {
            assets.append((file.path, file.data))
        }
        try Stage.publish.run(file: outputFolder) {
            try sink.publish(files.map { OutputFile(path: $0.path, contents: $0.contents) }, assets)
        }
        return (files.map(\.path) + assets.map(\.path)).sorted()
    }
}
