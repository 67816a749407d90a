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
        #expect(text.contains("- **Retake Step 2 CK:** earliest around September 17, 2026\n"))
        #expect(text.contains("*Rules: ") && text.contains(", D8"), "the glance's rule line names D8")
        #expect(!text.contains("**Sit Step 2 CK by:**"))
    }

    @Test func test_D19_glanceLeadsWithTheStep1Retake() throws {
        let text = try markdown("match_year: 2027\nstep1: fail\nstep2ck: { practice: [250] }\n", today: "2026-03-01")
        #expect(text.contains("- **Retake Step 1 by about:** April 26, 2026; Step 2 CK after its result"))
        #expect(text.contains(", S1.1"), "the glance's rule line names S1.1")
        let retake = try #require(text.range(of: "Retake Step 1 by about"))
        let sit = try #require(text.range(of: "Sit Step 2 CK by"))
        #expect(retake.lowerBound < sit.lowerBound)
    }

    /// D20: once sat, the card gives the score's expected date, then asks for the score; it
    /// never says "sit by" after the sitting.
    @Test func test_D20_glanceFollowsTheStep2CKStateAfterSitting() throws {
        let yaml = "match_year: 2028\nstage: MS3\nstep1: pass\nstep2ck: { date: 2027-06-28, practice: [246, 251] }\n"
        let awaiting = try markdown(yaml, today: "2027-07-10")
        #expect(awaiting.contains("- **Step 2 CK:** sat; score expected around July 26, 2027\n"))
        #expect(!awaiting.contains("**Sit Step 2 CK by:**"))
        let overdue = try markdown(yaml, today: "2027-09-20")
        #expect(overdue.contains("- **Step 2 CK:** sat; the score was due around July 26, 2027: add it to your profile\n"))
        #expect(!overdue.contains("**Sit Step 2 CK by:**"))
        let before = try markdown(yaml, today: "2027-05-01")
        #expect(before.contains("**Sit Step 2 CK by:**"), "a planned sitting within the season keeps its deadline")
    }

    /// N4: an MS1 more than a season from the latest recommended date is not given a deadline.
    @Test func test_N4_glanceGivesNoDeadlineYearsAhead() throws {
        let text = try markdown("match_year: 2031\nstage: MS1\n", today: "2026-12-01")
        #expect(text.contains("- **Step 2 CK:** a date to choose in MS3; the latest recommended is about July 10, 2030\n"))
        #expect(!text.contains("**Sit Step 2 CK by:**"))
    }
}
