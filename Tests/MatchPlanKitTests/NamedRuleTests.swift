import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Rules whose behaviour other suites cover inside broader tests, named here by their ids.
@Suite struct NamedRuleTests {
    func phase(_ id: String) throws -> StrategyPlan.TimelineEvent {
        try #require(try Fixtures.plan(step2ck: 250).timeline.first { $0.id == id })
    }

    @Test func test_TL2_coreClerkshipsRunThroughMS3() throws {
        let event = try phase("ms3-core-clerkships")
        #expect(event.rule == "TL2")
        #expect(event.date == Fixtures.date("2025-07-01") && event.end == Fixtures.date("2026-05-31"))
    }

    @Test func test_TL4_rotationsAndLettersFromJulyToOctober() throws {
        let event = try phase("rotations-and-letters")
        #expect(event.rule == "TL4")
        #expect(event.date == Fixtures.date("2026-07-01") && event.end == Fixtures.date("2026-10-31"))
    }

    @Test func test_TL6_interviewSeasonOctoberToJanuary() throws {
        let event = try phase("interview-season")
        #expect(event.rule == "TL6")
        #expect(event.date == Fixtures.date("2026-10-01") && event.end == Fixtures.date("2027-01-31"))
    }

    @Test func test_L1_1_drPicksAdviceForTheTopRow() throws {
        let advice = try Fixtures.plan(step2ck: 250).list.adviceRules
        #expect(advice.contains("L1.1") && !advice.contains("L3.1"))
    }

    @Test func test_L3_1_broadPicksAdviceForTheBottomRow() throws {
        let advice = try Fixtures.plan(step2ck: 230).list.adviceRules
        #expect(advice.contains("L3.1") && !advice.contains("L1.1"))
    }

    @Test("G2: program-type advice weighs toward B3/B4", arguments: [(258, false), (248, false), (238, true), (228, true)])
    func test_G2_programTypeAdviceForBorderlineAndLow(score: Int, advised: Bool) throws {
        #expect(try Fixtures.plan(step2ck: score).list.adviceRules.contains("G2") == advised)
    }

    @Test("B4.3: presenting at an IR meeting is a checklist item in B3/B4", arguments: [(230, true), (250, false)])
    func test_B4_3_meetingPresentationItem(score: Int, present: Bool) throws {
        #expect((try Fixtures.plan(step2ck: score).checklistItem("present-at-ir-meeting") != nil) == present)
    }
}
