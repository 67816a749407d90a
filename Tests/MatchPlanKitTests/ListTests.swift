import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// L1–L3 (list sizes), D6 (low scenario uses L3), W3 (apply to both), SG1–SG2 (signals).
@Suite("Application list, pathways and signals")
struct ListTests {
    private typealias Counts = Rules.CountRange

    // MARK: L1–L3 by Step 2 CK, every boundary

    @Test("L1: 245 and above applies to 20–30 IR and 10–20 DR", arguments: [245, 254, 255, 280])
    func test_L1_245AndAboveIs20To30IRAnd10To20DR(score: Int) throws {
        let list = try Fixtures.plan(step2ck: score).list
        #expect(list.rule == "L1")
        #expect(list.integratedIR == Counts(min: 20, max: 30))
        #expect(list.diagnosticRadiology == Counts(min: 10, max: 20))
        #expect(list.interpolated == false)
        #expect(list.adviceRules.contains("L1.1"))
        #expect(!list.adviceRules.contains("L3.1"))
    }

    @Test("L2: 240–244 is labelled as the project's interpolation", arguments: [240, 242, 244])
    func test_L2_240To244IsLabelledInterpolated(score: Int) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect(plan.list.rule == "L2")
        #expect(plan.list.integratedIR == Counts(min: 15, max: 25))
        #expect(plan.list.diagnosticRadiology == Counts(min: 20, max: 30))
        #expect(plan.list.interpolated == true)
        #expect(plan.conditions.contains("list:L2"))
        #expect(!plan.list.adviceRules.contains("L1.1"))
        #expect(!plan.list.adviceRules.contains("L3.1"))
    }

    @Test("L3: under 240 (especially under 235) applies to 10–20 IR and 25–40 DR", arguments: [239, 235, 234, 220])
    func test_L3_under240Is10To20IRAnd25To40DR(score: Int) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect(plan.list.rule == "L3")
        #expect(plan.list.integratedIR == Counts(min: 10, max: 20))
        #expect(plan.list.diagnosticRadiology == Counts(min: 25, max: 40))
        #expect(plan.list.interpolated == false)
        #expect(plan.list.adviceRules.contains("L3.1"))
        #expect(plan.conditions.contains("list:L3"))
    }

    @Test("L1–L3 boundaries 234/235, 239/240, 244/245, 254/255", arguments: [
        (234, "L3"), (235, "L3"), (239, "L3"), (240, "L2"), (244, "L2"), (245, "L1"), (254, "L1"), (255, "L1"),
    ])
    func test_L1_L2_L3_listRowAtEveryBoundary(score: Int, rule: String) throws {
        #expect(try Fixtures.plan(step2ck: score).list.rule == rule)
    }

    @Test func test_L2_onlyTheInterpolatedRowIsFlaggedInRulesFile() throws {
        let rows = try Fixtures.rules().listSizes
        #expect(rows.map(\.rule) == ["L1", "L2", "L3"])
        #expect(rows.map(\.minimum) == [245, 240, 1])
        #expect(rows.map(\.interpolated) == [false, true, false])
    }

    @Test func test_L3_predictedLowEndPicksTheRow() throws {
        // D3 + L: 238–250 practice plans from 238 → L3, not L1.
        let plan = try Fixtures.plan(Fixtures.profile(practice: [238, 250]))
        #expect(plan.list.rule == "L3")
    }

    @Test("G1/G2: geography advice weighs toward the lower rows", arguments: [(250, false), (242, true), (236, true), (230, true)])
    func test_G1_G2_geographyAdviceBelowL1(score: Int, geography: Bool) throws {
        let advice = try Fixtures.plan(step2ck: score).list.adviceRules
        #expect(advice.contains("G1") == geography)
        #expect(advice.contains("G2") == geography)
    }

    // MARK: D6: the low scenario uses L3 whatever the Step 2 CK

    @Test("D6: Step 1 fail uses L3 even with a high Step 2 CK", arguments: [260, 250, 242])
    func test_D6_step1FailUsesL3(score: Int) throws {
        let plan = try Fixtures.plan(step2ck: score, step1: .fail)
        #expect(plan.list.rule == "L3")
        #expect(plan.list.integratedIR == Counts(min: 10, max: 20))
        #expect(plan.list.diagnosticRadiology == Counts(min: 25, max: 40))
        #expect(plan.list.adviceRules.contains("L3.1"))
        #expect(plan.list.adviceRules.contains("G1"))
    }

    @Test func test_D6_step1FailWithoutStep2CKUsesL3() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step1: .fail))
        #expect(plan.band == .unknown)
        #expect(plan.scenario == .low)
        #expect(plan.list.rule == "L3")
    }

    @Test func test_D6_step2ckFailUsesL3() throws {
        #expect(try Fixtures.plan(step2ck: 217).list.rule == "L3")
    }

    @Test func test_D6_attemptsTwoUsesL3() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 258, step1: .pass, step1Attempts: 2))
        #expect(plan.list.rule == "L3")
    }

    // MARK: W3: both pathways; strongly advised under 240 or with concerns

    @Test("W3: strongly advised under 240", arguments: [(239, true), (240, false), (235, true), (234, true), (250, false)])
    func test_W3_bothStronglyAdvisedUnder240(score: Int, strongly: Bool) throws {
        let pathway = try Fixtures.plan(step2ck: score).pathway
        #expect(pathway.bothStronglyAdvised == strongly)
        #expect(pathway.rule == "W3")
    }

    @Test func test_W3_stronglyAdvisedAfterStep1FailWhateverTheScore() throws {
        #expect(try Fixtures.plan(step2ck: 265, step1: .fail).pathway.bothStronglyAdvised == true)
    }

    @Test func test_W3_stronglyAdvisedWithPredictedLowEndUnder240() throws {
        #expect(try Fixtures.plan(Fixtures.profile(practice: [239, 255])).pathway.bothStronglyAdvised == true)
        #expect(try Fixtures.plan(Fixtures.profile(practice: [240, 255])).pathway.bothStronglyAdvised == false)
    }

    @Test("W3: any listed concern makes both strongly advised", arguments: Profile.Concern.allCases)
    func test_W3_concernMakesBothStronglyAdvised(concern: Profile.Concern) throws {
        var profile = Fixtures.profile(step2ck: 258)
        profile.concerns = [concern]
        let plan = try Fixtures.plan(profile)
        #expect(plan.pathway.bothStronglyAdvised == true)
        let flag = try #require(plan.redFlags.first { $0.id == "concern-\(concern.rawValue.replacingUnderscores)" })
        #expect(flag.rule == "W3")
    }

    @Test func test_W3_integratedIROnlyWarnsWhenBothStronglyAdvised() throws {
        var low = Fixtures.profile(step2ck: 238)
        low.pathway = .integratedIR
        let warning = try #require(try Fixtures.plan(low).warnings.first { $0.id == "apply-to-dr-too" })
        #expect(warning.rule == "W3")

        var strong = Fixtures.profile(step2ck: 250)
        strong.pathway = .integratedIR
        #expect(!(try Fixtures.plan(strong).warningIDs.contains("apply-to-dr-too")))

        var both = Fixtures.profile(step2ck: 238)
        both.pathway = .both
        #expect(!(try Fixtures.plan(both).warningIDs.contains("apply-to-dr-too")))
    }

    @Test func test_W3_chosenPathwayIsReported() throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.pathway = .drESIR
        let plan = try Fixtures.plan(profile)
        #expect(plan.pathway.chosen == .drESIR)
        #expect(plan.conditions.contains("pathway:dr_esir"))
    }

    // MARK: SG1–SG2: signals

    @Test func test_SG1_signalCountsComeFromCycle() throws {
        let signals = try Fixtures.plan(step2ck: 250).signals
        #expect(signals.gold == 6)
        #expect(signals.silver == 6)
        #expect(signals.confidence == .projected, "the 2027 counts are carried over from ERAS 2025")
    }

    @Test("SG2: B3/B4 spend some signals on DR with ESIR", arguments: [
        (255, false), (245, false), (244, true), (235, true), (234, true),
    ])
    func test_SG2_esirSignalsInBorderlineAndLow(score: Int, includeESIR: Bool) throws {
        #expect(try Fixtures.plan(step2ck: score).signals.includeESIRPrograms == includeESIR)
    }

    @Test func test_SG2_step1FailWithHighScoreStillSpendsSignalsOnESIR() throws {
        #expect(try Fixtures.plan(step2ck: 262, step1: .fail).signals.includeESIRPrograms == true)
    }

    @Test func test_SG2_unknownBandDoesNotSpendSignalsOnESIR() throws {
        #expect(try Fixtures.plan(Fixtures.profile()).signals.includeESIRPrograms == false)
    }
}
