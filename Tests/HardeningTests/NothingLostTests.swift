import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender
import MatchPlanTestSupport

/// Nothing lost: a failed run leaves the earlier report byte for byte and no staging behind;
/// the same input gives the same bytes. Single-report versions (roster and site: see the TODO
/// list in the hardening note).
@Suite struct NothingLostTests {
    static let today = CalendarDate(iso: fixedToday)!

    /// A folder holding a finished report for `profile`, and its snapshot.
    static func earlierReport(_ profile: String = "Content/profiles/high.yaml") throws -> (out: String, files: [String: Data]) {
        let out = (try Repository.temporaryFolder() as NSString).appendingPathComponent("report")
        let run = try matchplan(["report", profile, "--out", out, "--today", fixedToday])
        try #require(run.status == 0, "\(run)")
        return (out, try snapshot(out))
    }

    /// A template that fails halfway: the HTML report renders, then the Markdown one throws
    /// (its template is missing from the set). The earlier report must stay as it was.
    @Test func renderFailingHalfwayKeepsTheEarlierReport() throws {
        let (out, before) = try Self.earlierReport()
        defer { Self.remove(out) }
        let paths = ProjectPaths(content: Repository.path("Content"), templates: Repository.path("Templates"))
        let full = try Workspace.load(paths: paths, needsRendering: true)
        let templates = try Self.templatesWithout("report.md.mustache")
        defer { Self.remove(templates) }
        let withoutMarkdown = try TemplateSet.load(folders: [templates], required: ["report.html"])
        let broken = Workspace(paths: paths, rules: full.rules, pages: full.pages, templates: withoutMarkdown,
                               profileLoader: full.profileLoader)
        #expect(throws: MatchPlanError.self) {
            try broken.report(profilePath: Repository.path("Content/profiles/solid.yaml"), formats: [.html, .md],
                              outputFolder: out, today: Self.today)
        }
        #expect(try snapshot(out) == before, "the earlier report changed")
        #expect(leftovers(under: (out as NSString).deletingLastPathComponent).isEmpty)
    }

    /// Removes the temporary folder that holds `path`.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    static func templatesWithout(_ name: String) throws -> String {
        let folder = (try Repository.temporaryFolder() as NSString).appendingPathComponent("Templates")
        try Repository.copy("Templates", to: folder)
        try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        return folder
    }

    /// A write failing midway (the second file cannot be moved into place) puts the first back.
    @Test func writeFailingMidwayPutsTheEarlierFilesBack() throws {
        let (out, _) = try Self.earlierReport()
        defer { Self.remove(out) }
        // report.md becomes a non-empty folder: renaming the new report.md over it fails after
        // report.html has already been replaced.
        let markdown = (out as NSString).appendingPathComponent("report.md")
        try FileManager.default.removeItem(atPath: markdown)
        try FileManager.default.createDirectory(atPath: markdown, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: (markdown as NSString).appendingPathComponent("keep.txt")))
        let before = try snapshot(out)

        let run = try matchplan(["report", "Content/profiles/solid.yaml", "--out", out, "--today", fixedToday])

        #expect(run.status == 73, "\(run)")
        #expect(run.stderr.contains("matchplan: error: \(markdown): cannot move the finished file into place"), "\(run.stderr)")
        #expect(try snapshot(out) == before, "report.html was replaced although the run failed")
        #expect(leftovers(under: (out as NSString).deletingLastPathComponent).isEmpty, "\(leftovers(under: out))")
    }

    /// Bad data found after the output folder exists leaves the earlier report untouched.
    @Test(arguments: ["Tests/BadInputs/profiles/step2ck-301.yaml", "Tests/BadInputs/profiles/comlex-with-score.yaml"])
    func badProfileKeepsTheEarlierReport(_ profile: String) throws {
        let (out, before) = try Self.earlierReport()
        defer { Self.remove(out) }
        let run = try matchplan(["report", profile, "--out", out, "--today", fixedToday])
        #expect(run.status == 65, "\(run)")
        #expect(try snapshot(out) == before)
        #expect(leftovers(under: out).isEmpty)
    }

    /// A bad template leaves the earlier report untouched.
    @Test func badTemplateKeepsTheEarlierReport() throws {
        let (out, before) = try Self.earlierReport()
        let templates = (try Repository.temporaryFolder() as NSString).appendingPathComponent("Templates")
        defer { Self.remove(out); Self.remove(templates) }
        try Repository.copy("Templates", to: templates)
        try FileManager.default.removeItem(atPath: "\(templates)/partials/page.html.mustache")
        try FileManager.default.copyItem(atPath: Repository.path("Tests/BadInputs/templates/unclosed-section.mustache"),
                                         toPath: "\(templates)/partials/page.html.mustache")
        let run = try matchplan(["report", "Content/profiles/solid.yaml", "--templates", templates, "--out", out, "--today", fixedToday])
        #expect(run.status == 65, "\(run)")
        #expect(try snapshot(out) == before)
    }

    /// Same input, same bytes: two runs into different folders give identical files, and a
    /// third run over the first folder changes nothing.
    @Test(arguments: ["solid", "pending", "comlex-only", "example"])
    func sameInputGivesTheSameBytes(_ name: String) throws {
        let base = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let profile = "Content/profiles/\(name).yaml"
        var snapshots: [[String: Data]] = []
        for out in ["\(base)/first", "\(base)/second/nested", "\(base)/first"] {
            let run = try matchplan(["report", profile, "--out", out, "--today", fixedToday])
            try #require(run.status == 0, "\(run)")
            snapshots.append(try snapshot(out))
        }
        #expect(Set(snapshots[0].keys) == ["report.html", "report.md", "report.ics"], "\(snapshots[0].keys.sorted())")
        for (index, other) in snapshots.enumerated().dropFirst() {
            #expect(other.keys.sorted() == snapshots[0].keys.sorted())
            for (file, bytes) in snapshots[0] { #expect(other[file] == bytes, "\(profile): \(file) differs in run \(index + 1)") }
        }
        let plans = try (0..<2).map { _ in try matchplan(["plan", profile, "--today", fixedToday]).stdout }
        #expect(plans[0] == plans[1] && !plans[0].isEmpty)
    }
}
