import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// A Match 2027 profile with clerkship grades and Step 2 CK plans (honors and a Step 1 pass by default).
private func timingProfile(im: Profile.Grade? = .honors, surgery: Profile.Grade? = .honors,
                            step1: Profile.Step1Result? = .pass, attempts: Int? = nil,
                            extraPrep: Bool = false, date: String? = nil) -> Profile {
    var profile = Fixtures.profile(step1: step1, step1Attempts: attempts, date: date)
    profile.clerkships.internalMedicine = im
    profile.clerkships.surgery = surgery
    profile.step2ck.extraPrep = extraPrep
    return profile
}

/// T1–T5 (when to sit Step 2 CK), D5 (too late is a red flag), D7 (calendar reading and the
/// score-after-review warning), D10 (which scenario applies). Season year for Match 2027: 2026.
@Suite("Step 2 CK timing")
struct TimingTests {
    // MARK: D10: T2 when struggled, else T3 with extra prep, else T1

    @Test func test_D10_passGradeInSurgeryGivesT2() throws {
        let timing = try Fixtures.plan(timingProfile(surgery: .pass)).timing
        #expect(timing.scenario == .t2)
        #expect(timing.reason.contains("surgery"))
        #expect(timing.latestDate == Fixtures.date("2026-08-31"))
    }

    @Test("D10: struggle signals give T2", arguments: [
        ("IM pass", timingProfile(im: .pass)),
        ("IM fail", timingProfile(im: .fail)),
        ("surgery fail", timingProfile(surgery: .fail)),
        ("Step 1 fail", timingProfile(step1: .fail)),
        ("Step 1 pass on attempt 2", timingProfile(attempts: 2)),
        ("numeric Step 1 219", timingProfile(step1: .score(219))),
        ("struggle beats extra prep", timingProfile(surgery: .pass, extraPrep: true)),
    ])
    func test_D10_struggleGivesT2(label: String, profile: Profile) throws {
        let plan = try Fixtures.plan(profile)
        #expect(plan.timing.scenario == .t2, "\(label)")
        #expect(plan.conditions.contains("timing:T2"), "\(label)")
    }

    @Test("D10: no struggle signal gives T1", arguments: [
        ("honors everywhere", timingProfile()),
        ("high pass", timingProfile(im: .highPass, surgery: .highPass)),
        ("grades pending", timingProfile(im: .pending, surgery: nil)),
        ("numeric Step 1 220", timingProfile(step1: .score(220))),
        ("radiology pass only", { var p = timingProfile(); p.clerkships.radiology = .pass; return p }()),
    ])
    func test_D10_noStruggleGivesT1(label: String, profile: Profile) throws {
        #expect(try Fixtures.plan(profile).timing.scenario == .t1, "\(label)")
    }

    @Test func test_D10_extraPrepWithoutStruggleGivesT3() throws {
        let plan = try Fixtures.plan(timingProfile(extraPrep: true))
        #expect(plan.timing.scenario == .t3)
        #expect(plan.conditions.contains("timing:T3"))
    }

    @Test func test_D10_numericStep1ReasonNamesScoreAndThreshold() throws {
        let timing = try Fixtures.plan(timingProfile(step1: .score(212))).timing
        #expect(timing.reason.contains("212"))
        #expect(timing.reason.contains("220"))
    }

    // MARK: T1–T4 and D7's calendar reading

    @Test func test_T1_lateJuneToEarlyJuly() throws {
        let timing = try Fixtures.plan(timingProfile()).timing
        #expect(timing.scenario == .t1)
        #expect(timing.windowStart == Fixtures.date("2026-06-20"))
        #expect(timing.latestDate == Fixtures.date("2026-07-10"))
    }

    @Test func test_T2_noLaterThanAugust31() throws {
        let timing = try Fixtures.plan(timingProfile(im: .pass)).timing
        #expect(timing.latestDate == Fixtures.date("2026-08-31"))
        #expect(timing.windowStart == nil)
    }

    @Test func test_T3_noLaterThanSeptember10() throws {
        let timing = try Fixtures.plan(timingProfile(extraPrep: true)).timing
        #expect(timing.latestDate == Fixtures.date("2026-09-10"))
        #expect(timing.windowStart == nil)
    }

    @Test("T4: late September or later is after September 20", arguments: [TimingScenario.t1, .t2, .t3])
    func test_T4_lateAfterSeptember20(scenario: TimingScenario) throws {
        let profile = switch scenario {
        case .t1: timingProfile()
        case .t2: timingProfile(im: .fail)
        case .t3: timingProfile(extraPrep: true)
        }
        let timing = try Fixtures.plan(profile).timing
        #expect(timing.scenario == scenario)
        #expect(timing.lateAfter == Fixtures.date("2026-09-20"))
    }

    @Test func test_T5_scoreExpectedReportingWeeksAfterSitting() throws {
        let timing = try Fixtures.plan(timingProfile(date: "2026-07-01")).timing
        #expect(timing.reportingWeeks == 4)
        #expect(timing.sittingDate == Fixtures.date("2026-07-01"))
        #expect(timing.expectedScoreDate == Fixtures.date("2026-07-29"))
        #expect(timing.programsReview == Fixtures.date("2026-09-23"))
    }

    @Test func test_T5_noDateNoExpectedScoreDate() throws {
        let timing = try Fixtures.plan(timingProfile()).timing
        #expect(timing.sittingDate == nil)
        #expect(timing.expectedScoreDate == nil)
    }

    @Test("D7: after the scenario's latest date is a warning, not a red flag", arguments: [
        (TimingScenario.t1, "2026-07-10", false), (.t1, "2026-07-11", true),
        (.t2, "2026-08-31", false), (.t2, "2026-09-01", true),
        (.t3, "2026-09-10", false),
    ])
    func test_D7_afterLatestRecommendedDateWarns(scenario: TimingScenario, date: String, warns: Bool) throws {
        let profile = switch scenario {
        case .t1: timingProfile(date: date)
        case .t2: timingProfile(im: .pass, date: date)
        case .t3: timingProfile(extraPrep: true, date: date)
        }
        let plan = try Fixtures.plan(profile)
        #expect(plan.timing.scenario == scenario)
        let warning = plan.warnings.first { $0.id == "step2ck-after-recommended-date" }
        #expect((warning != nil) == warns)
        if let warning { #expect(warning.rule == scenario.rawValue) }
        #expect(!plan.redFlagIDs.contains("step2ck-date-too-late"))
    }

    /// Reporting takes 4 weeks; programs review from 2026-09-23, so the last safe sitting is 2026-08-26.
    @Test("D7: score likely after review begins", arguments: [("2026-08-26", false), ("2026-08-27", true), ("2026-09-05", true)])
    func test_D7_scoreAfterReviewBeginsWarns(date: String, warns: Bool) throws {
        let plan = try Fixtures.plan(timingProfile(im: .pass, date: date))
        let warning = plan.warnings.first { $0.id == "score-after-review-begins" }
        #expect((warning != nil) == warns)
        if let warning {
            #expect(warning.rule == "D7")
            #expect(warning.message.contains("September 23, 2026"))
        }
        #expect(!plan.redFlagIDs.contains("step2ck-date-too-late"))
    }

    @Test func test_D7_reportedScoreGetsNoTimingWarnings() throws {
        var profile = timingProfile(date: "2026-09-01")
        profile.step2ck.score = 250
        // Today after the sitting: a score dated in the future would be planned as predicted (D9).
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-10-01"))
        #expect(!plan.warningIDs.contains("score-after-review-begins"))
        #expect(!plan.warningIDs.contains("step2ck-after-recommended-date"))
    }

    // MARK: D5: a planned date past the T3 limit (September 10) is a red flag

    @Test("D5: planned date after September 10 is a red flag", arguments: [
        ("2026-09-10", false), ("2026-09-11", true), ("2026-09-20", true), ("2026-10-15", true),
    ])
    func test_D5_plannedDateAfterT3LimitIsRedFlag(date: String, flagged: Bool) throws {
        let plan = try Fixtures.plan(timingProfile(extraPrep: true, date: date))
        let flag = plan.redFlags.first { $0.id == "step2ck-date-too-late" }
        #expect((flag != nil) == flagged)
        if let flag {
            #expect(flag.rule == "D5")
            #expect(flag.message.contains("September 10, 2026"))
        }
    }

    @Test("D5/T4: the red flag gives T4's reason after September 20", arguments: [("2026-09-20", false), ("2026-09-21", true)])
    func test_D5_lateSeptemberReasonIsT4(date: String, mentionsT4: Bool) throws {
        let plan = try Fixtures.plan(timingProfile(date: date))
        let flag = try #require(plan.redFlags.first { $0.id == "step2ck-date-too-late" })
        #expect(flag.message.contains("(T4)") == mentionsT4)
        // D5 replaces the scenario's softer "after recommended date" warning.
        #expect(!plan.warningIDs.contains("step2ck-after-recommended-date"))
    }

    @Test func test_D5_reportedScoreWithLateDateIsNotFlagged() throws {
        var profile = timingProfile(date: "2026-09-30")
        profile.step2ck.score = 250
        #expect(!(try Fixtures.plan(profile, today: Fixtures.date("2026-10-30")).redFlagIDs.contains("step2ck-date-too-late")))
    }
}
