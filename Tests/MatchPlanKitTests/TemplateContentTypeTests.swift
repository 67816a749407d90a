import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanRender

/// A template set refuses templates whose content type would turn escaping off or leave it
/// wrong (``TemplateContentTypes``): a school's override is checked when it loads, with the file,
/// line and column of the offending pragma.
@Suite struct TemplateContentTypeTests {
    static func load(_ files: [String: String]) throws -> [MatchPlanError] {
        let folder = NSTemporaryDirectory() + "matchplan-content-type-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files {
            let path = folder + "/" + name + ".mustache"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        var problems: [MatchPlanError] = []
        _ = try TemplateSet.load(folders: [folder], required: [], problems: &problems)
        return problems
    }

    @Test func aMarkdownTemplateDeclaringMarkdownFirstLoads() throws {
        #expect(try Self.load(["report.md": "{{% CONTENT_TYPE: MARKDOWN}}\n# {{title}}\n"]).isEmpty)
    }

    @Test func aMarkdownOverrideStillSayingTextIsRefusedAtItsPragma() throws {
        let problems = try Self.load(["report.md": "{{% CONTENT_TYPE: TEXT}}\n# {{title}}\n"])
        let problem = try #require(problems.first)
        #expect(problem.location?.line == 1 && problem.location?.column == 1, "\(problem)")
        #expect(problem.description.contains("report.md.mustache") && problem.description.contains("CONTENT_TYPE: MARKDOWN"), "\(problem)")
    }

    @Test func aMarkdownPartialWithoutTheLineIsRefused() throws {
        let problems = try Self.load(["partials/x.md": "- {{name}}\n"])
        #expect(problems.count == 1 && problems[0].description.contains("partials/x.md.mustache"), "\(problems)")
    }

    @Test func anHTMLTemplateTurningEscapingOffIsRefused() throws {
        let problems = try Self.load(["report.html": "<h1>{{title}}</h1>\n{{% CONTENT_TYPE: TEXT}}\n<p>{{name}}</p>\n"])
        let problem = try #require(problems.first)
        #expect(problem.location?.line == 2, "\(problem)")
        #expect(problem.description.contains("CONTENT_TYPE: TEXT"), "\(problem)")
        #expect(try Self.load(["site-layout": "{{% CONTENT_TYPE: TEXT}}{{x}}"]).count == 1)
    }

    @Test func theBundledTemplatesPass() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var problems: [MatchPlanError] = []
        _ = try TemplateSet.load(folders: [root + "/Templates"], required: [], problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
    }
}
