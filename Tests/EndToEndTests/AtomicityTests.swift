import Foundation
import Testing
@testable import MatchPlanKit

/// "Nothing lost": a run that fails midway leaves the previous output exactly as it was and no
/// staging folder behind (faults injected through the builds' test hooks).
@Suite struct AtomicityTests {
    struct InjectedFailure: Error {}

    static let paths = ProjectPaths(content: Repository.path("Content"), templates: Repository.path("Templates"))
    static let today = CalendarDate(iso: "2026-08-15")!

    /// Entries in `folder`'s parent that are staging leftovers.
    func leftovers(beside folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (folder as NSString).deletingLastPathComponent).filter { $0.contains(".staging-") }
    }

    @Test func rosterFailingHalfwayKeepsThePreviousReports() throws {
        let out = try Repository.temporaryFolder() + "/reports"
        let workspace = try Workspace.load(paths: Self.paths, needsRendering: true)
        let roster = Repository.path("Content/profiles/roster.csv")
        var build = RosterBuild(workspace: workspace, formats: ReportFormat.allCases, today: Self.today)
        build.batchSize = 2
        _ = try build.run(rosterPath: roster, outputFolder: out)
        let before = FileTree.snapshot(out)
        #expect(before.count == 12)

        var failing = RosterBuild(workspace: workspace, formats: ReportFormat.allCases, today: CalendarDate(iso: "2026-09-30")!)
        failing.batchSize = 2
        failing.beforeRender = { slug in if slug == "rchen" { throw InjectedFailure() } }
        #expect(throws: InjectedFailure.self) { _ = try failing.run(rosterPath: roster, outputFolder: out) }
        #expect(FileTree.snapshot(out) == before, "the earlier reports must be untouched")
        #expect(try leftovers(beside: out).isEmpty)
    }

    @Test func siteFailingHalfwayKeepsThePreviousSite() throws {
        let out = try Repository.temporaryFolder() + "/public"
        let config = Repository.path("Content/site/site.yaml")
        try SiteBuild(paths: Self.paths, configPath: config).run(outputFolder: out)
        let before = FileTree.snapshot(out)
        #expect(before.keys.contains("index.html"))

        var failing = SiteBuild(paths: Self.paths, configPath: config)
        failing.beforeWrite = { path in if path == "pathways.html" { throw InjectedFailure() } }
        #expect(throws: InjectedFailure.self) { try failing.run(outputFolder: out) }
        #expect(FileTree.snapshot(out) == before)
        #expect(try leftovers(beside: out).isEmpty)
    }

    @Test func firstRunFailingLeavesNoOutputAtAll() throws {
        let out = try Repository.temporaryFolder() + "/public"
        var failing = SiteBuild(paths: Self.paths, configPath: Repository.path("Content/site/site.yaml"))
        failing.beforeWrite = { path in if path == "faq.html" { throw InjectedFailure() } }
        #expect(throws: InjectedFailure.self) { try failing.run(outputFolder: out) }
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try leftovers(beside: out).isEmpty)
    }
}
