import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanRender
import MatchPlanTestSupport

/// The report's glance leads with the retake that applies (D8 after a failed Step 2 CK; S1.1 /
/// D19 while Step 1 is not yet passed) instead of a "sit Step 2 CK by" window already used.
@Suite struct GlanceRetakeTests {
    private func markdown(_ yaml: String, today: String) throws -> String {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/p.yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let workspace = GoldenReportTests.workspace
        let (plan, cycle) = try workspace.plan(profilePath: path, today: CalendarDate(iso: today)!)
        let renderer = ReportRenderer(templates: workspace.templates!, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
        return try #require(try renderer.render(plan, formats: [.md]).first).contents
    }

    @Test func test_D8_glanceLeadsWithTheStep2CKRetake() throws {
        let text = try markdown("match_year: 2027\nstep1: pass\nstep2ck: { score: 209, date: 2026-06-25 }\n", today: "2026-09-20")
        #expect(text.contains("- **Retake Step 2 CK:** earliest around September 17, 2026 (D8)"))
        #expect(!text.contains("**Sit Step 2 CK by:**"))
    }

    @Test func test_D19_glanceLeadsWithTheStep1Retake() throws {
        let text = try markdown("match_year: 2027\nstep1: fail\nstep2ck: { practice: [250] }\n", today: "2026-03-01")
        #expect(text.contains("- **Retake Step 1 by about:** April 26, 2026 (S1.1)"))
        let retake = try #require(text.range(of: "Retake Step 1 by about"))
        let sit = try #require(text.range(of: "Sit Step 2 CK by"))
        #expect(retake.lowerBound < sit.lowerBound)
    }
}
