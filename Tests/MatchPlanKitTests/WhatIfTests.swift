import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanPlan
@testable import MatchPlanRender

/// WI1: the plan's `what_if[]` rows, one test per situation an advisor would meet.
@Suite struct WhatIfTests {
    func scores(_ plan: StrategyPlan) -> [Int] { plan.whatIf.map(\.score) }
    func row(_ plan: StrategyPlan, _ score: Int) throws -> WhatIfRow { try #require(plan.whatIf.first { $0.score == score }) }

    @Test func WI1_practiceRangeGivesItsEndsTheBoundariesInsideAndOneEachSide() throws {
        // 241 to 246: boundary 245 inside, 255 next above, one under 240 below.
        let plan = try Fixtures.plan(Fixtures.profile(practice: [241, 246]))
        #expect(scores(plan) == [255, 246, 245, 241, 239])
        #expect(try row(plan, 241).why.contains("low end") && row(plan, 241).band == plan.band)
        let solid = try row(plan, 245)
        #expect(solid.band == .solid && solid.bandRule == "B2" && solid.scenario == .solid && solid.list.rule == "L1")
        #expect(solid.list.integratedIR == .init(min: 20, max: 30))
        let under = try row(plan, 239)
        #expect(under.list.rule == "L3" && under.why.contains("240"))
        // The sitting is ahead: each row carries the timing scenario.
        #expect(plan.whatIf.allSatisfy { $0.timing == plan.timing.scenario })
    }

    @Test func WI1_rowsMatchWhatThePlanWouldSayAtThatScore() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [241, 246]))
        for row in plan.whatIf {
            let at = try Fixtures.plan(Fixtures.profile(practice: [row.score]))
            #expect(row.band == at.band && row.bandRule == at.bandRule && row.scenario == at.scenario && row.list == at.list, "score \(row.score)")
        }
    }

    @Test func WI1_practiceNearPassingShowsTheFailWithARetakeTiming() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [220, 226]))
        let passing = plan.step2ck.passingScore
        #expect(scores(plan).contains(passing - 1))
        let fail = try row(plan, passing - 1)
        #expect(fail.scenario == .low && fail.timing == .t2, "D8 / D10: below passing is a fail and a retake")
    }

    @Test func WI1_reportedScoreShowsTheBoundariesJustAboveAndBelowWithoutTiming() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2025-12-01"))
        #expect(scores(plan) == [255, 248, 244])
        #expect(try row(plan, 248).why == "your score")
        #expect(try row(plan, 244).band == .borderline && row(plan, 244).list.rule == "L2")
        #expect(plan.whatIf.allSatisfy { $0.timing == nil }, "the score is in: timing no longer moves")
        // A high score has nothing above it; the passing score is no boundary for a passed exam.
        #expect(scores(try Fixtures.plan(Fixtures.profile(step2ck: 262, date: "2025-12-01"))) == [262, 254])
        #expect(scores(try Fixtures.plan(Fixtures.profile(step2ck: 225, date: "2025-12-01"))) == [235, 225])
    }

    @Test func WI1_D2_afterAStep1FailEveryRowKeepsTheLowScenarioAndSaysSo() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 251, step1: .fail, date: "2025-12-01"))
        #expect(!plan.whatIf.isEmpty)
        #expect(plan.whatIf.allSatisfy { $0.scenario == .low && $0.list.rule == "L3" })
        for row in plan.whatIf where row.band != .low { #expect(row.why.contains("Step 1 fail (D2)"), "\(row.score)") }
    }

    @Test func WI1_D8_afterAFailedStep2CKRowsAreRetakesInTheLowScenario() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 210, date: "2025-12-01"))
        let passing = plan.step2ck.passingScore
        #expect(scores(plan) == [235, passing, 210])
        #expect(plan.whatIf.allSatisfy { $0.scenario == .low && $0.timing == .t2 })
        #expect(try row(plan, 235).why.contains("stays on record"))
    }

    @Test func WI1_noScoreFromMS3ShowsEachBoundaryButNothingInMS1OrMS2() throws {
        var profile = Fixtures.profile()
        profile.stage = .ms3
        #expect(scores(try Fixtures.plan(profile)) == [255, 245, 240, 235, 234])
        profile.stage = .ms2
        #expect(try Fixtures.plan(profile).whatIf.isEmpty)
    }

    @Test func WI1_D4_comlexOnlySeesWhatAStep2CKWouldChange() throws {
        var profile = Fixtures.profile(step1: nil)
        profile.comlexOnly = true
        let plan = try Fixtures.plan(profile)
        #expect(plan.list.rule == "L3")
        #expect(try row(plan, 245).list.rule == "L1")
    }

    @Test func WI1_D16_nothingOnceTheMatchIsOver() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [241, 246]), today: Fixtures.date("2027-04-01"))
        #expect(plan.whatIf.isEmpty)
    }

    @Test func WI1_D20_onceSatRowsCarryNoTiming() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [241, 246], date: "2026-01-05"))
        #expect(plan.step2ck.state == .satAwaitingScore)
        #expect(!plan.whatIf.isEmpty && plan.whatIf.allSatisfy { $0.timing == nil })
    }

    @Test func WI1_everyScoreOnTheScaleGivesAFewSortedRowsOnTheScaleIncludingItsOwn() throws {
        let rules = try Fixtures.rules()
        for score in stride(from: rules.scoreScale.lowerBound, through: rules.scoreScale.upperBound, by: 1) {
            for (reported, practice) in [(Optional(score), [Int]()), (nil, [score]), (nil, [score, min(score + 9, rules.scoreScale.upperBound)])] {
                var summary = StrategyPlan.Step2CKSummary(scoreUsed: score, basis: reported == nil ? .predicted : .reported, reported: reported,
                                                          practiceLow: practice.min(), practiceHigh: practice.max(), passingScore: 218, recovery: false)
                summary.state = reported.map { $0 < 218 ? .failed : .reported } ?? .planned
                let rows = WhatIf.candidates(summary: summary, early: false, matchOver: false, rules: rules)
                let scores = rows.map(\.score)
                #expect(scores == scores.sorted(by: >) && Set(scores).count == scores.count, "\(score)")
                #expect(scores.allSatisfy(rules.scoreScale.contains) && scores.contains(score) && (2...8).contains(scores.count), "\(score): \(scores)")
                #expect(rows.allSatisfy { !$0.why.isEmpty })
            }
        }
    }

    @Test func WI1_rowsEncodeWithSnakeCaseKeysAndTimingAlwaysPresent() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2025-12-01"))
        let json = try PlanJSON.encode(plan)
        #expect(json.contains("\"what_if\" : [") && json.contains("\"band_rule\" : \"B1\"") && json.contains("\"timing\" : null"))
        #expect(try JSONDecoder().decode(StrategyPlan.self, from: Data(json.utf8)).whatIf == plan.whatIf)
    }
}
