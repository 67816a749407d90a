import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// B1–B4 (bands), D1 (near a boundary), D2 (Step 1 fail), D3 (score pending / unknown),
/// D4 (COMLEX-only), D8 (below passing).
@Suite("Step 2 CK bands")
struct BandTests {
    // MARK: B1–B4: every band boundary, lower bound inclusive

    @Test("B1: high starts at 255", arguments: [
        (254, Band.solid, "B2"), (255, .high, "B1"), (256, .high, "B1"), (300, .high, "B1"),
    ])
    func test_B1_highBandStartsAt255(score: Int, band: Band, rule: String) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect(plan.band == band)
        #expect(plan.bandRule == rule)
        #expect(plan.scenario == band)
        #expect(plan.scenarioRule == rule)
    }

    @Test("B2: solid runs 245 to 254", arguments: [
        (244, Band.borderline, "B3"), (245, .solid, "B2"), (250, .solid, "B2"), (254, .solid, "B2"),
    ])
    func test_B2_solidBandStartsAt245(score: Int, band: Band, rule: String) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect(plan.band == band)
        #expect(plan.bandRule == rule)
        #expect(plan.scenario == band)
    }

    @Test("B3: borderline runs 235 to 244", arguments: [
        (234, Band.low, "B4"), (235, .borderline, "B3"), (239, .borderline, "B3"), (240, .borderline, "B3"), (244, .borderline, "B3"),
    ])
    func test_B3_borderlineBandStartsAt235(score: Int, band: Band, rule: String) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect(plan.band == band)
        #expect(plan.bandRule == rule)
        #expect(plan.scenario == band)
    }

    @Test("B4: low is 234 and below", arguments: [234, 225, 218])
    func test_B4_lowBandIs234AndBelow(score: Int) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect(plan.band == .low)
        #expect(plan.bandRule == "B4")
        #expect(plan.scenario == .low)
        #expect(plan.scenarioRule == "B4")
        #expect(plan.conditions.contains("scenario:low"))
        #expect(plan.step2ck.basis == .reported)
        #expect(plan.step2ck.scoreUsed == score)
    }

    @Test func test_B1_B4_bandRowsLoadedFromRulesFile() throws {
        let rules = try Fixtures.rules()
        #expect(rules.bands.map(\.rule) == ["B1", "B2", "B3", "B4"])
        #expect(rules.bands.map(\.minimum) == [255, 245, 235, 1])
        #expect(rules.bands.map(\.band) == [.high, .solid, .borderline, .low])
    }

    // MARK: D1: within 3 points of a boundary names both neighbours

    @Test("D1: near a boundary names both neighbouring bands", arguments: [
        (242, 245, [Band.borderline, .solid]), (244, 245, [.borderline, .solid]),
        (245, 245, [.borderline, .solid]), (247, 245, [.borderline, .solid]),
        (252, 255, [.solid, .high]), (257, 255, [.solid, .high]),
        (232, 235, [.low, .borderline]), (237, 235, [.low, .borderline]),
    ])
    func test_D1_nearBoundaryNamesBothNeighbours(score: Int, boundary: Int, neighbours: [Band]) throws {
        let plan = try Fixtures.plan(step2ck: score)
        let near = try #require(plan.step2ck.nearBoundary)
        #expect(near.rule == "D1")
        #expect(near.boundary == boundary)
        #expect(near.neighbours == neighbours)
    }

    @Test("D1: scores 4 or more points away are not near", arguments: [241, 248, 251, 258, 231, 238, 300, 218])
    func test_D1_farFromBoundaryIsNotNear(score: Int) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect(plan.step2ck.nearBoundary == nil)
    }

    @Test func test_D1_nearBoundaryUsesPredictedLowEnd() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [250, 243]))
        let near = try #require(plan.step2ck.nearBoundary)
        #expect(near.boundary == 245)
        #expect(near.neighbours == [.borderline, .solid])
    }

    // MARK: D2: Step 1 fail → low scenario, band still shown, recovery framed

    @Test func test_D2_step1FailWithHighStep2CKKeepsBandButScenarioLow() throws {
        let plan = try Fixtures.plan(step2ck: 260, step1: .fail)
        #expect(plan.band == .high)
        #expect(plan.bandRule == "B1")
        #expect(plan.scenario == .low)
        #expect(plan.scenarioRule == "D2")
        #expect(plan.step2ck.recovery == false, "S1.2: no recovery before a later pass")
        #expect(plan.conditions.contains("step1:fail"))
        #expect(plan.conditions.contains("scenario:low"))
        #expect(plan.conditions.contains("band:high"))
    }

    @Test("D2: recovery is framed from 245 after a fail and a later pass", arguments: [(244, false), (245, true), (250, true)])
    func test_D2_recoveryFramedFrom245(score: Int, recovery: Bool) throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: score, step1: .pass, step1Attempts: 2))
        #expect(plan.step2ck.recovery == recovery)
        #expect(plan.scenario == .low)
    }

    @Test func test_D2_noRecoveryWithoutStep1Fail() throws {
        let plan = try Fixtures.plan(step2ck: 260, step1: .pass)
        #expect(plan.step2ck.recovery == false)
        #expect(!plan.conditions.contains("step1:fail"))
    }

    /// MatchPlan's decision: a pass after more than one attempt is a fail on record (S1.2).
    @Test("D2: Step 1 pass on attempt 2 counts as a fail on record", arguments: [(1, false), (2, true), (3, true)])
    func test_D2_step1PassAfterTwoAttemptsIsFailOnRecord(attempts: Int, failOnRecord: Bool) throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250, step1: .pass, step1Attempts: attempts))
        #expect(plan.band == .solid)
        #expect(plan.scenario == (failOnRecord ? .low : .solid))
        #expect(plan.scenarioRule == (failOnRecord ? "D2" : "B2"))
        #expect(plan.conditions.contains("step1:fail") == failOnRecord)
        #expect(plan.step2ck.recovery == failOnRecord)
    }

    // MARK: D3: pending score plans from the low end; nothing at all = unknown

    @Test func test_D3_pendingScoreUsesLowEndOfPracticeRange() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [252, 238, 246], date: "2026-07-01"))
        #expect(plan.step2ck.basis == .predicted)
        #expect(plan.step2ck.scoreUsed == 238)
        #expect(plan.step2ck.practiceLow == 238)
        #expect(plan.step2ck.practiceHigh == 252)
        #expect(plan.step2ck.reported == nil)
        #expect(plan.band == .borderline)
        #expect(plan.bandRule == "B3")
        #expect(plan.conditions.contains("score:predicted"))
        #expect(plan.list.rule == "L3")
        // D3: timing advice with dates still given.
        #expect(plan.timing.latestDate == Fixtures.date("2026-07-10"))
        #expect(plan.timing.sittingDate == Fixtures.date("2026-07-01"))
    }

    @Test func test_D3_reportedScoreWinsOverPractice() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 256, practice: [230, 240]))
        #expect(plan.step2ck.basis == .reported)
        #expect(plan.step2ck.scoreUsed == 256)
        #expect(plan.band == .high)
    }

    @Test func test_D3_noScoreNoPredictionBandUnknownTimingOnly() throws {
        let plan = try Fixtures.plan(Fixtures.profile())
        #expect(plan.band == .unknown)
        #expect(plan.bandRule == "D3")
        #expect(plan.scenario == .unknown)
        #expect(plan.step2ck.basis == ScoreBasis.none)
        #expect(plan.step2ck.scoreUsed == nil)
        #expect(plan.step2ck.nearBoundary == nil)
        #expect(plan.list.rule == nil)
        #expect(plan.list.integratedIR == nil)
        #expect(plan.list.diagnosticRadiology == nil)
        #expect(plan.warningIDs.contains("band-unknown"))
        #expect(plan.warnings.first { $0.id == "band-unknown" }?.rule == "D3")
        #expect(plan.conditions.contains("score:none"))
        #expect(plan.conditions.contains("scenario:unknown"))
        // Timing advice is still given, with dates.
        #expect(plan.timing.scenario == .t1)
        #expect(plan.timing.latestDate == Fixtures.date("2026-07-10"))
    }

    // MARK: D4: COMLEX-only

    @Test func test_D4_comlexOnlySaysGuidanceIsBuiltOnUSMLE() throws {
        var profile = Fixtures.profile(step1: nil)
        profile.comlexOnly = true
        profile.degree = .d0
        let plan = try Fixtures.plan(profile)
        #expect(plan.band == .unknown)
        #expect(plan.bandRule == "D4")
        #expect(plan.conditions.contains("comlex_only"))
        let warning = try #require(plan.warnings.first { $0.id == "comlex-only" })
        #expect(warning.rule == "D4")
        #expect(warning.message.contains("USMLE"))
        #expect(warning.message.contains("Step 2 CK"))
        // D3's generic "unknown" warning is replaced by D4's.
        #expect(!plan.warningIDs.contains("band-unknown"))
    }

    @Test func test_D4_notComlexOnlyHasNoWarning() throws {
        let plan = try Fixtures.plan(step2ck: 250)
        #expect(!plan.warningIDs.contains("comlex-only"))
        #expect(!plan.conditions.contains("comlex_only"))
    }

    // MARK: D8: below the cycle's passing score (218 in 2027) is a fail

    @Test("D8: Step 2 CK below 218 fails in the 2027 cycle", arguments: [(217, true), (218, false), (219, false)])
    func test_D8_step2ckBelowPassingIsFail(score: Int, fails: Bool) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect(plan.step2ck.passingScore == 218)
        #expect(plan.scenario == .low)
        #expect(plan.scenarioRule == (fails ? "D8" : "B4"))
        #expect(plan.conditions.contains("step2ck:fail") == fails)
        #expect(plan.redFlagIDs.contains("step2ck-below-passing") == fails)
        #expect(plan.list.rule == "L3")
        #expect(plan.pathway.bothStronglyAdvised == true)
    }

    @Test func test_D8_redFlagNamesScoreAndPassingScore() throws {
        let plan = try Fixtures.plan(step2ck: 210)
        let flag = try #require(plan.redFlags.first { $0.id == "step2ck-below-passing" })
        #expect(flag.rule == "D8")
        #expect(flag.message.contains("210"))
        #expect(flag.message.contains("218"))
    }

    @Test func test_D8_predictedScoreBelowPassingIsNotAFail() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [210, 230]))
        #expect(!plan.conditions.contains("step2ck:fail"))
        #expect(!plan.redFlagIDs.contains("step2ck-below-passing"))
        #expect(plan.scenarioRule == "B4")
    }
}
