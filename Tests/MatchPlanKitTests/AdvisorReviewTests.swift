import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// Decisions revisited after an IR advisor's review of the issue-10 plans (docs/rules.md):
/// each test names the rule it checks.
struct AdvisorReviewTests {
    private static func profile(_ score: Int? = nil, practice: [Int] = [], pathway: Profile.Pathway?, step1: Profile.Step1Result? = .pass) -> Profile {
        var profile = Fixtures.profile(step2ck: score, practice: practice, step1: step1, date: score == nil ? nil : "2026-07-01")
        profile.pathway = pathway
        return profile
    }

    /// During the season, after ERAS opens (Match 2027).
    private static let season = Fixtures.date("2026-08-15")

    // A2 / D14

    @Test("D14: the projected rank order list deadline is Match Day minus 16 days", arguments: [
        (2024, "2024-02-28"), (2025, "2025-03-05"), (2026, "2026-03-04"), (2029, "2029-02-28"), (2030, "2030-02-27"),
    ])
    func test_D14_rankOrderListDeadlineIsMatchDayMinus16(matchYear: Int, deadline: String) throws {
        let cycle = CycleProjection.project(matchYear: matchYear, rules: try Fixtures.rules().cycleProjection)
        #expect(cycle.event("rank_order_list_deadline")?.date == Fixtures.date(deadline))
        #expect(cycle.event("match_day")?.date.adding(days: -16) == Fixtures.date(deadline))
    }

    @Test(arguments: [2026, 2027, 2028])
    func test_D14_cycleFilesKeepTheSixteenDayPattern(matchYear: Int) throws {
        let rules = try Fixtures.rules()
        let cycle = try CycleLoader.load(matchYear: matchYear, contentDirectory: Fixtures.contentDirectory, projection: rules.cycleProjection)
        let matchDay = try #require(cycle.event("match_day")).date
        #expect(cycle.event("rank_order_list_deadline")?.date == matchDay.adding(days: -16))
    }

    // A1 / C1 / D18

    @Test("D18: IR-only in the low or borderline scenario is advised DR too, consistently", arguments: [228, 242])
    func test_D18_irOnlyLowOrBorderlineIsAdvisedDRToo(score: Int) throws {
        let plan = try Fixtures.plan(Self.profile(score, pathway: .integratedIR), today: Self.season)
        #expect(plan.conditions.contains("ir_only:dr_advised"))
        #expect((plan.list.diagnosticRadiology?.max ?? 0) > 0)
        #expect(plan.signals.split.drGold > 0)
        #expect(plan.signals.split.advice.contains("applying to DR programs with ESIR as well is strongly advised"))
        #expect(!plan.signals.split.advice.contains("no DR programs"))
        #expect(plan.checklistItem("apply-ir-and-dr") != nil)
        #expect(plan.checklistItem("consider-dr-backups") == nil)
        #expect(plan.warningIDs.contains("apply-to-dr-too"))
    }

    @Test("D18: IR-only with a high or solid score keeps the choice, consistently", arguments: [262, 253])
    func test_D18_irOnlyHighOrSolidKeepsTheChoice(score: Int) throws {
        let plan = try Fixtures.plan(Self.profile(score, pathway: .integratedIR), today: Fixtures.date("2026-10-15"))
        #expect(plan.list.diagnosticRadiology == .init(min: 0, max: 0))
        #expect(plan.list.adviceRules.contains("D18"))
        #expect(plan.signals.split.drGold == 0 && plan.signals.split.drSilver == 0)
        #expect(plan.checklistItem("apply-ir-and-dr") == nil)
        let backups = try #require(plan.checklistItem("consider-dr-backups"))
        #expect(backups.status == .todo, "advice is never overdue")
    }

    @Test func test_W3_applyToBothItemIsNotShownToDROnly() throws {
        let plan = try Fixtures.plan(Self.profile(237, pathway: .drESIR), today: Self.season)
        #expect(plan.checklistItem("apply-ir-and-dr") == nil)
        #expect(!plan.signals.includeESIRPrograms, "no 'not only on reach IR programs' advice for DR-only")
    }

    @Test func test_D18_chosenPathwayIsNotInProgressBeforeERASOpens() throws {
        let early = try Fixtures.plan(Self.profile(pathway: .both), today: Fixtures.date("2025-01-15"))
        #expect(early.checklistItem("apply-ir-and-dr")?.status == .todo)
        let season = try Fixtures.plan(Self.profile(pathway: .both), today: Self.season)
        #expect(season.checklistItem("apply-ir-and-dr")?.status == .inProgress)
    }

    // A4 / D12

    @Test("D12: DR-only list size: the floor below DR's matched average (256)", arguments: [
        (237, 70, 90), (228, 70, 90), (242, 70, 90), (244, 70, 90), (245, 70, 90), (250, 70, 90), (255, 70, 90), (256, 30, 50), (258, 30, 50),
    ])
    func test_D12_drOnlyBelowAverageGetsTheFloor(score: Int, min: Int, max: Int) throws {
        let plan = try Fixtures.plan(Self.profile(score, pathway: .drESIR), today: Self.season)
        #expect(plan.list.integratedIR == .init(min: 0, max: 0))
        #expect(plan.list.diagnosticRadiology == .init(min: min, max: max))
    }

    // A3 / D8

    @Test func test_D8_failedSittingCountsAsSatAndTheDecisionIsDated() throws {
        var profile = Fixtures.profile(step2ck: 209, date: "2026-06-25")
        profile.pathway = .integratedIR
        // Before the retake target (the result date plus eight weeks: September 17): nothing overdue.
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-09-10"))
        #expect(plan.checklistItem("sit-step2ck") == nil, "a failed sitting was sat; the retake is its own item")
        let review = try Fixtures.cycle().event("programs_review")!.date
        let decide = try #require(plan.checklistItem("decide-this-cycle-or-next"))
        #expect(decide.due == review)
        let retake = try #require(plan.checklistItem("retake-step2ck"))
        #expect(retake.due == plan.timing.retakeEarliest)
        #expect(retake.due != nil)
        #expect(plan.checklistItem("step2ck-retake-plan")?.due == review)
        let ids = plan.checklist.map(\.id)
        #expect(ids.firstIndex(of: "decide-this-cycle-or-next")! < ids.firstIndex(of: "apply-ir-and-dr")!)
        #expect(!plan.checklist.contains { $0.status == .overdue && $0.id.contains("step2ck") })
    }

    // A5 / TL3

    @Test func test_TL3_vsloApplicationIsDueWhenTheWindowCloses() throws {
        let plan = try Fixtures.plan(Self.profile(pathway: .both))
        #expect(plan.checklistItem("apply-vslo")?.due == Fixtures.date("2026-04-30"))
        #expect(plan.checklistItem("away-ir-rotation")?.due == Fixtures.date("2026-09-10"))
        let review = try Fixtures.cycle().event("programs_review")!.date
        #expect(plan.checklistItem("away-ir-rotation")!.due! < review)
    }

    // B1 / D19

    @Test func test_D19_step1RetakeComesFirstWithATargetDate() throws {
        var profile = Self.profile(practice: [250, 256], pathway: .both, step1: .fail)
        profile.stage = .ms3
        let today = Fixtures.date("2026-03-01")
        let plan = try Fixtures.plan(profile, today: today)
        let target = today.adding(days: 7 * (try Fixtures.rules().retakeWeeks))
        #expect(plan.timing.step1RetakeTarget == target)
        #expect(plan.checklistItem("pass-step1") == nil)
        let retake = try #require(plan.checklistItem("retake-step1"))
        #expect(retake.due == target && retake.status == .todo)
        #expect(plan.timing.latestDate >= target.adding(days: 7 * plan.timing.reportingWeeks))
        let flag = try #require(plan.redFlags.first { $0.id == "step1-fail" })
        #expect(flag.message.contains(target.longForm))
        #expect(plan.timing.reason.hasPrefix("Step 1 comes first"))
        let ids = plan.checklist.map(\.id)
        #expect(ids.firstIndex(of: "retake-step1")! < ids.firstIndex(of: "sit-step2ck")!)
    }

    // B7 / D16

    @Test func test_D16_soapIsClosedOnceItHasEndedAndNextSeasonIsDated() throws {
        var profile = Self.profile(239, pathway: .integratedIR)
        profile.matchResult = .unmatched
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2027-03-25"))
        #expect(plan.checklistItem("soap")?.status == .closed)
        let flag = try #require(plan.redFlags.first { $0.id == "did-not-match" })
        #expect(flag.message.contains("stay unfilled"))
        #expect(flag.message.contains("Next season's calendar"))
        #expect(flag.message.contains("Match Day around March 17, 2028"))
        let during = try Fixtures.plan(profile, today: Fixtures.date("2027-03-16"))
        #expect(during.checklistItem("soap")?.status == .todo)
    }

    // B8 / D5

    @Test func test_D5_noDateFlagNamesTheYearLaterOption() throws {
        let plan = try Fixtures.plan(Self.profile(practice: [236, 241], pathway: .both), today: Fixtures.date("2026-10-10"))
        let flag = try #require(plan.redFlags.first { $0.id == "step2ck-not-booked" })
        #expect(flag.message.contains("Applying a year later, to Match 2028"))
    }

    // B2 / D3

    @Test func test_D3_noDateNearTheLatestDateSaysBookNow() throws {
        let near = try Fixtures.plan(Self.profile(pathway: .both), today: Fixtures.date("2026-06-15"))
        #expect(near.warningIDs.contains("step2ck-book-now"))
        #expect(near.warnings.first { $0.id == "step2ck-book-now" }!.message.contains("NBME practice exam"))
        let far = try Fixtures.plan(Self.profile(pathway: .both), today: Fixtures.date("2026-01-15"))
        #expect(!far.warningIDs.contains("step2ck-book-now"))
    }

    // B9 / TL1

    @Test func test_TL1_earlyYearsGetNoBandUnknownWarning() throws {
        var profile = Self.profile(pathway: .integratedIR)
        profile.matchYear = 2027
        profile.stage = .ms2
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2025-03-01"))
        #expect(!plan.warningIDs.contains("band-unknown"))
        #expect(plan.conditions.contains("stage:MS2"))
        var ms3 = profile
        ms3.stage = .ms3
        #expect(try Fixtures.plan(ms3, today: Fixtures.date("2026-01-15")).warningIDs.contains("band-unknown"))
    }

    // C5 / D3 / D9

    @Test func test_D9_futureDatedScoreIsPlannedAsPredictedWhileFlagged() throws {
        var profile = Fixtures.profile(step2ck: 251, date: "2026-07-20")
        profile.pathway = .both
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-06-01"))
        #expect(plan.step2ck.basis == .predicted)
        #expect(plan.step2ck.reported == nil)
        #expect(plan.warningIDs.contains("score-date-in-future"))
        #expect(plan.checklistItem("sit-step2ck")?.status == .inProgress)
    }

    // C6 / D9

    @Test func test_D9_stageOneAheadIsAcceptedFromMay() throws {
        var profile = Self.profile(pathway: .both)
        profile.stage = .ms4
        #expect(!(try Fixtures.plan(profile, today: Fixtures.date("2026-06-15"))).warningIDs.contains("stage-does-not-match-year"))
        #expect(try Fixtures.plan(profile, today: Fixtures.date("2026-04-15")).warningIDs.contains("stage-does-not-match-year"))
    }

    /// D9: a listed stage with a match year more than one extra year ahead is flagged (a typo such
    /// as 2040); one research or dual-degree year is not.
    @Test func test_D9_matchYearFarAheadOfTheStageIsAWarning() throws {
        let rules = try Fixtures.rules()
        func warnings(matchYear: Int) -> [String] {
            var profile = Profile(matchYear: matchYear)
            profile.stage = .ms1
            let cycle = CycleProjection.project(matchYear: matchYear, rules: rules.cycleProjection)
            return Planner(rules: rules, cycle: cycle).plan(for: profile, today: Fixtures.date("2026-12-01")).warnings.map(\.id)
        }
        #expect(!warnings(matchYear: 2030).contains("match-year-far-ahead"), "MS1 in December 2026 usually means Match 2030")
        #expect(!warnings(matchYear: 2031).contains("match-year-far-ahead"), "one research year is allowed")
        #expect(warnings(matchYear: 2032).contains("match-year-far-ahead"))
        #expect(warnings(matchYear: 2040).contains("match-year-far-ahead"))
    }

    // C4 / T2

    @Test func test_T2_passGradesAreNamedAsNormalAndReasonsReadAsAList() throws {
        var profile = Self.profile(pathway: .both)
        profile.clerkships.internalMedicine = .pass
        profile.clerkships.surgery = .pass
        profile.step1 = .fail
        let plan = try Fixtures.plan(profile)
        #expect(plan.timing.scenario == .t2)
        #expect(plan.timing.reason.contains("internal medicine and surgery clerkships were graded pass (a normal grade at many pass/fail schools"))
        #expect(!plan.timing.reason.contains(" and the "))
        #expect(!plan.timing.reason.contains("Targeted remediation first, because"))
    }

    // C2 / T1 / A1

    @Test func test_T1_afterAPassingScoreTimingSaysWhatMattersNow() throws {
        let plan = try Fixtures.plan(Self.profile(250, pathway: .both), today: Self.season)
        #expect(plan.timing.reason.contains("what matters now"))
        #expect(!plan.conditions.contains { $0.hasPrefix("timing_ahead:") })
        let pending = try Fixtures.plan(Self.profile(practice: [250], pathway: .both))
        #expect(pending.conditions.contains("timing_ahead:T1"))
    }

    // C7 / H3

    @Test func test_H3_presentingAtAnIRMeetingIsLabelledH3() throws {
        let plan = try Fixtures.plan(Self.profile(238, pathway: .both), today: Self.season)
        #expect(plan.checklistItem("present-at-ir-meeting")?.rule == "H3")
    }
}

extension AdvisorReviewTests {
    // B6 / H1 / H4

    @Test func test_H1_failedClerkshipIsRemediatedBeforeERASWithALetterShowingGrowth() throws {
        var profile = Fixtures.profile(practice: [248, 252])
        profile.clerkships.internalMedicine = .fail
        let plan = try Fixtures.plan(profile)
        #expect(plan.checklistItem("remediate-clerkship")?.due == (try Fixtures.cycle().event("eras_opens")!.date))
        #expect(plan.checklistItem("letter-after-clerkship-fail") != nil)
        #expect(plan.checklistItem("sub-internship") != nil)
        #expect(try Fixtures.plan(Fixtures.profile(practice: [248, 252])).checklistItem("remediate-clerkship") == nil)
    }
}

extension AdvisorReviewTests {
    // B4 / G1

    @Test func test_G1_notFlexibleOnGeographyIsAWarningInTheLowerScenarios() throws {
        var profile = Fixtures.profile(step2ck: 228, date: "2026-07-01")
        profile.geography.flexible = false
        profile.geography.regions = ["<b>New York</b>"]
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-08-15"))
        let warning = try #require(plan.warnings.first { $0.id == "geography-not-flexible" })
        #expect(warning.rule == "G1" && !warning.message.contains("<b>"))
        var high = profile
        high.step2ck.score = 260
        #expect(!(try Fixtures.plan(high, today: Fixtures.date("2026-08-15"))).warningIDs.contains("geography-not-flexible"))
        profile.geography.flexible = true
        #expect(!(try Fixtures.plan(profile, today: Fixtures.date("2026-08-15"))).warningIDs.contains("geography-not-flexible"))
    }

    // B5 / B3: pages for graduates and for interview season exist and apply

    @Test func test_TL6_interviewAndGraduatePagesAreBundled() throws {
        let pages = try ContentLoader().load(contentDirectory: Fixtures.contentDirectory)
        #expect(pages.first { $0.id == "interviews-and-ranking" }?.when.isEmpty == true)
        #expect(pages.first { $0.id == "interviews-and-ranking" }?.unless.map(\.text) == ["stage:MS1", "stage:MS2"])
        #expect(pages.first { $0.id == "graduate-applicant" }?.when.map(\.text) == ["stage:graduate"])
        #expect(pages.first { $0.id == "early-years" }?.when.map(\.text) == ["stage:MS1", "stage:MS2"])
    }
}
