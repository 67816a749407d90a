import Foundation
import Testing
import MatchPlanTestSupport

/// One report loads only the templates it renders: a school's broken class-overview template
/// (`roster-index.html`) does not stop a student's report, but does stop a roster, and `check`
/// finds it either way.
@Suite struct TemplateScopeTests {
    @Test func brokenOverviewTemplateStopsTheRosterNotOneReport() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/overrides", withIntermediateDirectories: true)
        try "{{#rows}}\n".write(toFile: folder + "/overrides/roster-index.html.mustache", atomically: true, encoding: .utf8)
        let one = try matchplan(["report", "Content/profiles/high.yaml", "--templates", folder + "/overrides", "--out", folder + "/one",
                                 "--today", "2026-08-15"])
        #expect(one.status == 0, "\(one)")
        #expect(FileManager.default.fileExists(atPath: folder + "/one/report.html"))
        let roster = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--templates", folder + "/overrides",
                                    "--out", folder + "/class", "--today", "2026-08-15"])
        #expect(roster.status == 65, "\(roster)")
        #expect(roster.stderr.contains("roster-index.html.mustache:1:1"), "\(roster.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/class"), "nothing half-written")
        let check = try matchplan(["check", "Content/profiles/high.yaml", "--templates", folder + "/overrides"])
        #expect(check.status == 65, "\(check)")
        #expect(check.stderr.contains("roster-index.html.mustache:1:1"), "\(check.stderr)")
    }
}
