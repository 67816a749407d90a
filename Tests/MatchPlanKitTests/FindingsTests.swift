import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Red flags and warnings: S1.2 (Step 1 fail), D9 (stage against the match year), TL6/W3
/// (concerns), and the profile that raises nothing.
@Suite("Red flags and warnings")
struct FindingsTests {
    // MARK: S1.2: a Step 1 fail is a red flag but recoverable

    @Test func test_S1_2_step1FailIsRedFlagFramedAsRecoveryWithStrongStep2CK() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 252, step1: .pass, step1Attempts: 2))
        let flag = try #require(plan.redFlags.first { $0.id == "step1-fail" })
        #expect(flag.rule == "S1.2")
        #expect(flag.message.contains("252"))
        #expect(flag.message.contains("recovery"))
        #expect(flag.message.contains("D2"))
    }

    @Test func test_S1_2_step1FailWithWeakStep2CKExplainsWhatRecoveryNeeds() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 238, step1: .pass, step1Attempts: 2))
        let flag = try #require(plan.redFlags.first { $0.id == "step1-fail" })
        #expect(!flag.message.contains("238"))
        #expect(flag.message.contains("later pass"))
        #expect(flag.message.contains("what changed"))
    }

    @Test func test_S1_2_passOnSecondAttemptIsRedFlag() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250, step1: .pass, step1Attempts: 2))
        #expect(plan.redFlagIDs.contains("step1-fail"))
    }

    @Test("S1.2: a first-attempt pass or numeric score raises no Step 1 flag", arguments: [
        Profile.Step1Result.pass, .score(240), .score(210),
    ])
    func test_S1_2_noFlagWithoutFail(step1: Profile.Step1Result) throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250, step1: step1))
        #expect(!plan.redFlagIDs.contains("step1-fail"))
        #expect(plan.scenario == .solid)
    }

    @Test func test_S1_4_numericStep1IsACondition() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250, step1: .score(231)))
        #expect(plan.conditions.contains("step1:numeric"))
        #expect(!(try Fixtures.plan(step2ck: 250).conditions.contains("step1:numeric")))
    }

    @Test func test_D2_D8_step1FailAndStep2CKFailRaiseBothFlags() throws {
        let plan = try Fixtures.plan(step2ck: 215, step1: .fail)
        #expect(plan.redFlagIDs.contains("step1-fail"))
        #expect(plan.redFlagIDs.contains("step2ck-below-passing"))
        #expect(plan.scenario == .low)
        #expect(plan.scenarioRule == "D2")
        #expect(plan.step2ck.recovery == false)
    }

    @Test func test_B2_strongCleanProfileRaisesNothing() throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.stage = .ms3
        profile.pathway = .both
        let plan = try Fixtures.plan(profile)
        #expect(plan.redFlags.isEmpty)
        #expect(plan.warnings.isEmpty)
    }

    // MARK: TL6 / W3: concerns programs will ask about

    @Test func test_W3_leaveOfAbsenceIsRedFlagAddressedInInterviews() throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.concerns = [.leaveOfAbsence, .professionalism]
        let plan = try Fixtures.plan(profile)
        #expect(plan.redFlagIDs == ["concern-leave-of-absence", "concern-professionalism"])
        let flag = try #require(plan.redFlags.first)
        #expect(flag.rule == "W3")
        #expect(flag.message.contains("a leave of absence"))
        #expect(flag.message.contains("TL6"))
    }

    // MARK: D9: stage and match year place the student; a mismatch is a warning

    @Test("D9: expected stage for Match 2027 (academic year starts July 1)", arguments: [
        ("2024-06-30", Profile.Stage.ms1), ("2024-07-01", .ms2), ("2025-06-30", .ms2), ("2025-07-01", .ms3),
        ("2026-06-30", .ms3), ("2026-07-01", .ms4), ("2027-06-30", .ms4), ("2027-07-01", .graduate),
    ])
    func test_D9_expectedStageFromMatchYear(today: String, stage: Profile.Stage) throws {
        #expect(Findings.expectedStage(matchYear: 2027, today: Fixtures.date(today), yearStart: try Fixtures.rules().schoolYearStart) == stage)
    }

    @Test("D9: a stage that disagrees with the match year warns", arguments: [
        (Profile.Stage.ms2, true), (.ms3, false), (.ms4, true), (.graduate, false),
    ])
    func test_D9_stageMismatchWarns(stage: Profile.Stage, warns: Bool) throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.stage = stage
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-01-15"))
        #expect(plan.stage == stage)
        let warning = plan.warnings.first { $0.id == "stage-does-not-match-year" }
        #expect((warning != nil) == warns)
        if let warning {
            #expect(warning.rule == "D9")
            #expect(warning.message.contains("MS3"))
            #expect(warning.message.contains("2027"))
        }
    }

    @Test func test_D9_noStageNoWarning() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250))
        #expect(!plan.warningIDs.contains("stage-does-not-match-year"))
    }

    // MARK: Plan header facts

    @Test func test_D9_planRecordsTodayAndSeason() throws {
        let today = Fixtures.date("2026-05-02")
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250), today: today)
        #expect(plan.today == today)
        #expect(plan.matchYear == 2027)
        #expect(plan.seasonYear == 2026)
    }
}
