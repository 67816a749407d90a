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

/// Whole reports for every bundled example profile, compared byte for byte with the files in
/// `Tests/Goldens/`. Refresh them with `bash .ci/update-goldens` and review the diff.
@Suite struct GoldenReportTests {
    /// The fixed "today" of every golden: mid-August of the 2027 season (MS4 for Match 2027, MS3 for Match 2028).
    static let today = CalendarDate(iso: "2026-08-15")!
    static let profiles = ["example", "high", "solid", "borderline", "low", "pending", "step1-fail", "no-score", "comlex-only", "with-programs"]
    static let updating = ProcessInfo.processInfo.environment["MATCHPLAN_UPDATE_GOLDENS"] == "1"

    static let workspace: Workspace = {
        let paths = ProjectPaths(content: Repository.path("Content"), templates: Repository.path("Templates"))
        return try! Workspace.load(paths: paths, needsRendering: true)
    }()

    @Test(arguments: profiles)
    func reportMatchesGolden(profile: String) throws {
        let workspace = Self.workspace
        let (plan, cycle) = try workspace.plan(profilePath: Repository.path("Content/profiles/\(profile).yaml"), today: Self.today)
        let renderer = ReportRenderer(templates: workspace.templates!, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
        // The plan is one more output format value: plan.json is the same bytes as `matchplan plan`.
        let files = try renderer.render(plan, formats: ReportFormat.allCases + [.planJSON])
        for file in files {
            let golden = Repository.path("Tests/Goldens/\(profile).\(file.name)")
            if Self.updating {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: golden))
                continue
            }
            let expected = try #require(try? String(contentsOfFile: golden, encoding: .utf8),
                                        "missing golden \(golden): run bash .ci/update-goldens")
            if file.contents != expected {
                Issue.record("\(profile) \(file.name) differs from \(golden) \(Self.firstDifference(file.contents, expected)); review, then run bash .ci/update-goldens")
            }
        }
    }

    /// `at line N: expected '…', got '…'` for the first line that differs.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, e.count) where index >= a.count || index >= e.count || a[index] != e[index] {
            let got = index < a.count ? String(a[index].prefix(160)) : "<end of file>"
            let want = index < e.count ? String(e[index].prefix(160)) : "<end of file>"
            return "at line \(index + 1): expected '\(want)', got '\(got)'"
        }
        return ""
    }

    /// JSON and YAML profiles with the same keys give the same plan.
    @Test func jsonProfileGivesTheSamePlanAsYAML() throws {
        let (yaml, _) = try Self.workspace.plan(profilePath: Repository.path("Content/profiles/example.yaml"), today: Self.today)
        let (json, _) = try Self.workspace.plan(profilePath: Repository.path("Content/profiles/example.json"), today: Self.today)
        #expect(json == yaml)
    }

    /// Same input, same bytes: rendering twice gives identical output.
    @Test func renderingIsDeterministic() throws {
        let workspace = Self.workspace
        let (plan, cycle) = try workspace.plan(profilePath: Repository.path("Content/profiles/solid.yaml"), today: Self.today)
        let renderer = ReportRenderer(templates: workspace.templates!, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
        let first = try renderer.render(plan, formats: ReportFormat.allCases)
        let second = try renderer.render(plan, formats: ReportFormat.allCases)
        #expect(first.map(\.contents) == second.map(\.contents))
    }
}
