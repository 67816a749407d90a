import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanRender

/// The bundled report's layouts compile as trees of programs (``SplitProgram``) that cut: every
/// partial reads only its own view, and each section's view is used as a section. A tree that
/// fails to cut renders every report as a whole view instead, whose shape is nearly unique per
/// student, so a roster falls back to swift-mustache for every report (ten times slower).
@Suite("Bundled report compiles as trees")
struct BundledReportTreesTests {
    @Test("every bundled profile's report cuts into trees (none fails), in every templated format")
    func bundledReportTreesCut() throws {
        let workspace = try CompiledTemplatesTests.workspace()
        let templates = try #require(workspace.templates)
        #expect(templates.compiled.splitting.isSuperset(of: ["report.html", "report.md"]), "\(templates.compiled.splitting.sorted())")
        var rendered = 0
        for profile in try Self.profiles(workspace) {
            let cycle = try workspace.cycle(matchYear: profile.matchYear, profilePath: nil)
            let renderer = ReportRenderer(templates: templates, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
            for today in ["2025-09-01", "2026-08-15", "2027-01-15"] {
                let plan = Planner(rules: workspace.rules, cycle: cycle).plan(for: profile, today: Fixtures.date(today))
                // A root shape compiles the second time it is seen: render twice.
                for _ in 1...2 {
                    rendered += try renderer.render(plan, formats: [.html, .md, .htmlWithGuidanceOpen]).count
                }
            }
        }
        #expect(rendered > 300)
        let trees = templates.compiled.treeCounts
        #expect(trees.compiled >= 2, "\(trees)")
        #expect(trees.failed == 0, "trees that could not be cut: \(trees)")
    }

    /// Every bundled profile and roster row, and names full of characters that escape.
    static func profiles(_ workspace: Workspace) throws -> [Profile] {
        var profiles: [Profile] = []
        let folder = CompiledTemplatesTests.root + "/Content/profiles"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
            profiles.append(try workspace.profileLoader.load(folder + "/" + name))
        }
        for entry in try RosterReader(path: folder + "/roster.csv", loader: workspace.profileLoader) {
            profiles.append(try entry.load().get())
        }
        for score in stride(from: 200, through: 270, by: 7) {
            var profile = Fixtures.profile(step2ck: score, date: "2026-07-08")
            profile.name = "A & B <script>\"quoted\" 'single'\u{338} café 🎓\r\n"
            profiles.append(profile)
        }
        return profiles
    }
}
