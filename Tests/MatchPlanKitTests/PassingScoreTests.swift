import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// D8 with the cycle's passing-score history, D1's content condition, and D4's contradictions.
@Suite struct PassingScoreTests {
    @Test("D8: the passing score that applied on the exam date decides the fail", arguments: [
        ("2025-06-30", 216, false), ("2025-06-30", 213, true), ("2025-07-01", 216, true), ("2025-07-01", 218, false),
    ])
    func test_D8_passingScoreByExamDate(date: String, score: Int, fails: Bool) throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: score, date: date))
        #expect(plan.redFlags.contains { $0.id == "step2ck-below-passing" } == fails)
        #expect(plan.step2ck.passingScore == (date < "2025-07-01" ? 214 : 218))
    }

    @Test func test_D8_noDateUsesTheCurrentPassingScore() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 216))
        #expect(plan.scenario == .low)
        #expect(plan.step2ck.passingScore == 218)
    }

    @Test("D1: the near-boundary condition selects the boundary page", arguments: [(244, true), (241, false), (300, false)])
    func test_D1_nearBoundaryCondition(score: Int, near: Bool) throws {
        #expect(try Fixtures.plan(step2ck: score).conditions.contains("near_boundary") == near)
    }

    @Test("D4: COMLEX-only contradicts USMLE results and an MD degree", arguments: [
        "step2ck:\n  score: 240", "step2ck:\n  practice: [250]", "step1: 240", "degree: MD",
    ])
    func test_D4_comlexOnlyContradictionsAreRejected(extra: String) throws {
        let text = "match_year: 2027\ncomlex_only: true\n\(extra)\n"
        let loader = ProfileLoader(scoreScale: 1...300, checklistIDs: [])
        let error = try #require(throws: MatchPlanError.self) { try loader.parse(SourceText(path: "p.yaml", text: text)) }
        #expect(error.kind == .data)
        #expect(error.location?.line == 3 || error.location?.line == 4)
        #expect(error.message.contains("comlex_only"))
    }

    @Test func test_D4_comlexOnlyAloneIsFine() throws {
        let loader = ProfileLoader(scoreScale: 1...300, checklistIDs: [])
        let profile = try loader.parse(SourceText(path: "p.yaml", text: "match_year: 2027\ndegree: DO\ncomlex_only: true\n"))
        #expect(profile.comlexOnly)
    }
}
