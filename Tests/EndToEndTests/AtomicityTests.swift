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
        var build = RosterBuild(workspace: workspace, formats: ReportFormat.rosterDefaults, today: Self.today)
        build.batchSize = 2
        _ = try build.run(rosterPath: roster, outputFolder: out)
        let before = FileTree.snapshot(out)
        #expect(before.count == 13)

        var failing = RosterBuild(workspace: workspace, formats: ReportFormat.rosterDefaults, today: CalendarDate(iso: "2026-09-30")!)
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

/// Rebuilding a published folder keeps what a person added and what a failing student had.
@Suite struct RebuildTests {
    @Test func addedFilesSurviveASiteRebuild() throws {
        let out = try Repository.temporaryFolder() + "/public"
        #expect(try matchplan(["site", "--config", "Content/site/site.yaml", "--out", out]).status == 0)
        try "advising.example.edu".write(toFile: "\(out)/CNAME", atomically: true, encoding: .utf8)
        try "stale".write(toFile: "\(out)/faq.html", atomically: true, encoding: .utf8)
        #expect(try matchplan(["site", "--config", "Content/site/site.yaml", "--out", out]).status == 0)
        #expect(try String(contentsOfFile: "\(out)/CNAME", encoding: .utf8) == "advising.example.edu")
        #expect(try String(contentsOfFile: "\(out)/faq.html", encoding: .utf8) != "stale", "generated files are rebuilt")
    }

    @Test func aStudentWhoseRowNowFailsKeepsTheirEarlierReport() throws {
        let folder = try Repository.temporaryFolder()
        try "id,name,match_year,step2ck_score\na1,Jane,2027,248\nb1,Bob,2027,250\n".write(toFile: "\(folder)/r1.csv", atomically: true, encoding: .utf8)
        try "id,name,match_year,step2ck_score\na1,Jane,2027,999\nb1,Bob,2027,251\n".write(toFile: "\(folder)/r2.csv", atomically: true, encoding: .utf8)
        let out = "\(folder)/reports"
        #expect(try matchplan(["report", "--roster", "\(folder)/r1.csv", "--out", out, "--today", "2026-08-15"]).status == 0)
        try "class of 2027".write(toFile: "\(out)/notes.txt", atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: "\(out)/a1.md", encoding: .utf8)
        let beforeHTML = try String(contentsOfFile: "\(out)/a1.html", encoding: .utf8)
        let run = try matchplan(["report", "--roster", "\(folder)/r2.csv", "--out", out, "--today", "2026-08-15"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("their report from the previous run is kept in a1.html and a1.md"), "\(run.stderr)")
        #expect(try String(contentsOfFile: "\(out)/a1.md", encoding: .utf8) == before)
        #expect(try String(contentsOfFile: "\(out)/a1.html", encoding: .utf8) == beforeHTML)
        #expect(try String(contentsOfFile: "\(out)/b1.md", encoding: .utf8).contains("251 (reported)"))
        #expect(try String(contentsOfFile: "\(out)/notes.txt", encoding: .utf8) == "class of 2027", "a file a person added is carried over")
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        // The overview still lists a1, marked, with the error and a link to the report kept from the earlier run.
        #expect(index.contains("<tr data-band=\"\" data-year=\"\" data-overdue=\"no\" class=\"failed\"><th scope=\"row\" data-sort=\"jane jane\"><a href=\"a1.html\">Jane</a>"), "\(index)")
        #expect(index.contains("Not read; earlier report kept<span class=\"note\">"), "\(index)")
        #expect(run.stderr.contains("found 999; their report from the previous run is kept in a1.html and a1.md [id: a1]"), "\(run.stderr)")

        // A third run where a1 is fine again and b1 is gone: b1's files go, nothing else changes.
        try "id,name,match_year,step2ck_score\na1,Jane,2027,248\n".write(toFile: "\(folder)/r3.csv", atomically: true, encoding: .utf8)
        #expect(try matchplan(["report", "--roster", "\(folder)/r3.csv", "--out", out, "--today", "2026-08-15"]).status == 0)
        #expect(FileTree.files(out) == [".matchplan-output", "a1.html", "a1.md", "index.html", "notes.txt", "summary.csv"])
    }

    /// Output from before the flat layout (`<slug>/report.html`, `<slug>/report.md`): a student
    /// whose row now fails keeps that report under the flat names, and the old folders go.
    @Test func aStudentWhoseRowNowFailsKeepsTheirReportFromTheFolderLayout() throws {
        let folder = try Repository.temporaryFolder()
        let out = "\(folder)/reports"
        for path in ["a1", "b1"] { try FileManager.default.createDirectory(atPath: "\(out)/\(path)", withIntermediateDirectories: true) }
        let generated = ["a1/report.html", "a1/report.md", "b1/report.html", "b1/report.md", "index.html"]
        for file in generated { try "old \(file)".write(toFile: "\(out)/\(file)", atomically: true, encoding: .utf8) }
        try "kept".write(toFile: "\(out)/b1/notes.txt", atomically: true, encoding: .utf8)
        try (generated.joined(separator: "\n") + "\n").write(toFile: "\(out)/.matchplan-output", atomically: true, encoding: .utf8)
        try "id,name,match_year,step2ck_score\na1,Jane,2027,999\nb1,Bob,2027,251\n".write(toFile: "\(folder)/r.csv", atomically: true, encoding: .utf8)

        let run = try matchplan(["report", "--roster", "\(folder)/r.csv", "--out", out, "--today", "2026-08-15"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("their report from the previous run is kept in a1.html and a1.md"), "\(run.stderr)")
        #expect(FileTree.files(out) == [".matchplan-output", "a1.html", "a1.md", "b1.html", "b1.md", "b1/notes.txt", "index.html", "summary.csv"])
        #expect(try String(contentsOfFile: "\(out)/a1.html", encoding: .utf8) == "old a1/report.html")
        #expect(try String(contentsOfFile: "\(out)/a1.md", encoding: .utf8) == "old a1/report.md")
        #expect(try String(contentsOfFile: "\(out)/b1.md", encoding: .utf8).contains("251 (reported)"))
    }
}
