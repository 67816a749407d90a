import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// The eleven situations of issue 10, each planned from its profile in `Tests/Situations/`
/// with the `today` its first line names, and checked by the rule that decides it (docs/rules.md).
@Suite("Situations the plan once got wrong")
struct SituationTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Situations").path

    /// Plans `Tests/Situations/<name>.yaml` as of the date on its first line, with the cycle
    /// loaded as the pipeline loads it (projected where no file covers the year).
    static func plan(_ name: String) throws -> StrategyPlan {
        let path = (folder as NSString).appendingPathComponent("\(name).yaml")
        let source = try SourceText.read(path)
        let firstLine = source.text.split(separator: "\n").first.map(String.init) ?? ""
        let today = try #require(CalendarDate(iso: String(firstLine.dropFirst("# today: ".count).prefix(10))), "first line names today")
        let rules = try Fixtures.rules()
        let profile = try ProfileLoader(scoreScale: rules.scoreScale, checklistIDs: rules.checklist.map(\.id)).parse(source)
        let cycle = try CycleLoader.load(matchYear: profile.matchYear, contentDirectory: Fixtures.contentDirectory,
                                         projection: rules.cycleProjection)
        return Planner(rules: rules, cycle: cycle).plan(for: profile, today: today)
    }

    // 1. S1.1 / S1.2

    @Test func test_S1_1_failNotYetRetakenIsNoRecovery() throws {
        let plan = try Self.plan("s01a-step1-fail-not-retaken")
        let flag = try #require(plan.redFlags.first { $0.id == "step1-fail" })
        #expect(flag.rule == "S1.1")
        #expect(flag.message.contains("passing it comes first"))
        #expect(!flag.message.lowercased().contains("recover"))
        #expect(plan.step2ck.recovery == false)
        #expect(plan.step2ck.nearBoundary == nil, "D1: the neighbouring bands do not apply in the forced low scenario")
        // D19: "Pass Step 1" gives way to the dated retake.
        #expect(plan.checklistItem("pass-step1") == nil)
        #expect(plan.checklistItem("retake-step1")?.due == plan.timing.step1RetakeTarget)
    }

    @Test func test_S1_2_passAfterSecondAttemptKeepsRecoveryFraming() throws {
        let plan = try Self.plan("s01b-step1-passed-second-attempt")
        let flag = try #require(plan.redFlags.first { $0.id == "step1-fail" })
        #expect(flag.rule == "S1.2")
        #expect(flag.message.contains("recovery"))
        #expect(plan.step2ck.recovery == true)
        #expect(plan.checklistItem("pass-step1")?.status == .done)
    }

    // 2. D11

    @Test func test_D11_numericStep1BelowStandardIsAFail() throws {
        let plan = try Self.plan("s02-numeric-step1-below-standard")
        let flag = try #require(plan.redFlags.first { $0.id == "step1-fail" })
        #expect(flag.rule == "D11")
        #expect(flag.message.contains("185") && flag.message.contains("192"))
        #expect(plan.scenario == .low && plan.scenarioRule == "D2")
        #expect(plan.list.rule == "L3")
        #expect(plan.checklistItem("pass-step1")?.status != .done)
    }

    @Test("D11: the standard of the exam's era decides", arguments: [
        (193, "2017-06-01", false), (193, "2018-06-01", true), (195, "2020-06-01", false), (195, "2021-06-01", true), (196, "2021-06-01", false),
    ])
    func test_D11_standardByExamDate(score: Int, date: String, fail: Bool) throws {
        var profile = Fixtures.profile(step2ck: 250, step1: .score(score))
        profile.step1Date = Fixtures.date(date)
        let plan = try Fixtures.plan(profile)
        #expect(plan.redFlagIDs.contains("step1-fail") == fail)
        #expect(plan.warningIDs.contains("step1-standard-unknown") == false)
    }

    @Test func test_D11_scoreBetweenStandardsWithoutDateAsksForIt() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250, step1: .score(193)))
        #expect(!plan.redFlagIDs.contains("step1-fail"))
        #expect(plan.warningIDs.contains("step1-standard-unknown"))
    }

    @Test func test_D11_standardsCarrySourceAndConfidence() throws {
        let standards = try Fixtures.rules().step1PassingStandards
        #expect(standards.map(\.score) == [192, 194, 196])
        #expect(standards.allSatisfy { !$0.source.isEmpty && $0.confidence.needsVerification })
    }

    // 3. D5 / T4

    @Test func test_D5_noDateAfterTheT3LimitIsARedFlagWithTheLeastBadDate() throws {
        let plan = try Self.plan("s03-no-step2ck-date-after-t3")
        let flag = try #require(plan.redFlags.first { $0.id == "step2ck-not-booked" })
        #expect(flag.rule == "D5")
        #expect(flag.message.contains("October 4, 2026"), "today (September 20) plus the booking lead")
        #expect(flag.message.contains("September 23, 2026"), "names when programs begin reviewing")
    }

    @Test func test_D5_noDateBeforeTheT3LimitRaisesNoFlag() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [240]), today: Fixtures.date("2026-09-10"))
        #expect(!plan.redFlagIDs.contains("step2ck-not-booked"))
    }

    // 4. D8 / D10

    @Test func test_D10_failedStep2CKIsAStruggleSignalWithRetakeAndYearLater() throws {
        let plan = try Self.plan("s04-step2ck-failed")
        #expect(plan.timing.scenario == .t2, "not T1's 'in good shape'")
        // D8: eight weeks after the result came back (sat June 25 + four reporting weeks).
        #expect(plan.timing.retakeEarliest == Fixtures.date("2026-09-17"))
        #expect(!plan.conditions.contains("timing:T1"))
        let flag = try #require(plan.redFlags.first { $0.id == "step2ck-below-passing" })
        #expect(flag.rule == "D8")
        #expect(flag.message.contains("retake") && flag.message.contains("September 17, 2026"))
        #expect(flag.message.contains("Match 2028"), "the year-later option, stated plainly")
    }

    @Test func test_D8_retakeIsTheDateToAimForAfterAFail() throws {
        let plan = try Self.plan("s04-step2ck-failed")
        #expect(plan.timing.latestDate == plan.timing.retakeEarliest)
        // The failed sitting was sat; the retake is its own dated item.
        #expect(plan.checklistItem("sit-step2ck") == nil)
        #expect(plan.checklistItem("retake-step2ck")?.due == Fixtures.date("2026-09-17"))
        #expect(plan.checklistItem("retake-step2ck")?.status == .todo)
    }

    // 5. D13 (W3 / D10)

    @Test func test_D13_W3_D10_failedClerkshipDecidesLikeACourseFailureConcern() throws {
        let grade = try Self.plan("s05a-clerkship-fail")
        let concern = try Self.plan("s05b-course-failure-concern")
        for plan in [grade, concern] {
            #expect(plan.redFlagIDs.contains("concern-course-failure"))
            #expect(plan.warningIDs.contains("apply-to-dr-too"))
            #expect(plan.pathway.bothStronglyAdvised)
            #expect(plan.timing.scenario == .t2)
        }
        #expect(grade.redFlagIDs == concern.redFlagIDs && grade.warningIDs == concern.warningIDs)
        #expect(grade.list == concern.list && grade.signals == concern.signals)
    }

    // 6. D4

    @Test func test_D4_comlexOnlyGetsACaveatAListAndStep2CKToConsider() throws {
        let plan = try Self.plan("s06-comlex-only")
        #expect(plan.checklistItem("pass-step1") == nil && plan.checklistItem("sit-step2ck") == nil)
        let consider = try #require(plan.checklistItem("consider-step2ck"))
        #expect(consider.status == .todo && consider.due == Fixtures.date("2026-09-10"), "never a date already past")
        #expect(!plan.checklist.contains { $0.rule == "S1.1" || $0.rule == "TL3" && $0.status == .overdue })
        #expect(plan.list.rule == "L3" && plan.list.adviceRules.contains("D4"))
        let warning = try #require(plan.warnings.first { $0.id == "comlex-only" })
        #expect(warning.message.contains("September 10, 2026") && warning.message.contains("DR-inclusive"))
        #expect(plan.pathway.bothStronglyAdvised && plan.signals.includeESIRPrograms)
    }

    // 7. D12

    @Test func test_D12_drOnlyPathwayMovesTheIRCountToDR() throws {
        let plan = try Self.plan("s07-dr-only")
        #expect(plan.list.integratedIR == .init(min: 0, max: 0))
        #expect(plan.list.diagnosticRadiology == .init(min: 30, max: 50), "L1: IR 20–30 plus DR 10–20")
        #expect(plan.signals.split.irGold == 0 && plan.signals.split.drGold == plan.signals.gold)
        let json = try JSONSerialization.jsonObject(with: Data(try PlanJSON.encode(plan).utf8)) as? [String: Any]
        let list = try #require(json?["list"] as? [String: Any])
        #expect(list["integrated_ir"] as? [String: Int] == ["min": 0, "max": 0])
    }

    // 8. D9

    @Test func test_D9_reportedScoreWithFutureDateIsFlagged() throws {
        let plan = try Self.plan("s08-score-dated-in-future")
        let warning = try #require(plan.warnings.first { $0.id == "score-date-in-future" })
        #expect(warning.rule == "D9")
        #expect(warning.message.contains("step2ck.score") && warning.message.contains("step2ck.date"))
    }

    // 9. D15 / D16

    @Test func test_D16_afterMatchDayNothingIsOverdue() throws {
        let plan = try Self.plan("s09a-after-match-day")
        #expect(!plan.checklist.contains { $0.status == .overdue })
        #expect(plan.checklist.contains { $0.status == .closed })
        #expect(plan.warningIDs.contains("match-result-unknown"))
        #expect(plan.conditions.contains("match:over"))
    }

    @Test func test_D16_unmatchedTurnsToSOAPThenReapplying() throws {
        let plan = try Self.plan("s09b-unmatched")
        let flag = try #require(plan.redFlags.first { $0.id == "did-not-match" })
        #expect(flag.message.contains("SOAP") && flag.message.contains("Match 2028"))
        #expect(plan.checklistItem("soap")?.status == .todo)
        #expect(plan.checklistItem("reapply-plan")?.status == .todo)
        #expect(!plan.checklist.contains { $0.status == .overdue })
    }

    @Test func test_D16_matchedLeavesNothingOverdue() throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.matchResult = .matched
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2027-03-19"))
        #expect(!plan.checklist.contains { $0.status == .overdue || $0.status == .todo || $0.status == .inProgress })
        #expect(plan.checklistItem("soap") == nil)
        // C7: matching is not a warning.
        #expect(!plan.warningIDs.contains("matched"))
    }

    @Test func test_D15_applicationWorkIsDueWhenProgramsReview() throws {
        let plan = try Self.plan("s09c-between-submit-and-review")
        for id in ["personal-statement", "program-list", "send-program-signals", "ir-dr-letters", "pgy1-applications"] {
            let item = try #require(plan.checklistItem(id))
            #expect(item.due == Fixtures.date("2026-09-23"), "\(id)")
            #expect(item.status != .overdue, "\(id)")
        }
    }

    // 10. D14

    @Test("D14: years without a cycle file plan with a projected, dated timeline", arguments: [
        ("s10a-match-2029-ms2", "2029-03-16", "2029-03-12", "2029-02-28"),
        ("s10b-match-2031-ms1", "2031-03-21", "2031-03-17", "2031-03-05"),
    ])
    func test_D14_projectedCycle(name: String, matchDay: String, matchWeek: String, rankDeadline: String) throws {
        let plan = try Self.plan(name)
        #expect(plan.timelineEvent("match-day")?.date == Fixtures.date(matchDay))
        #expect(plan.timelineEvent("match-week")?.date == Fixtures.date(matchWeek))
        #expect(plan.timelineEvent("rank-order-list-deadline")?.date == Fixtures.date(rankDeadline))
        #expect(plan.timeline.allSatisfy { $0.confidence == .projected })
        #expect(plan.timeline.filter { $0.id == "match-day" || $0.id == "eras-opens" }.allSatisfy { $0.verify })
        #expect(plan.signals.confidence == .projected)
    }

    @Test func test_D14_projectionMatchesThePublishedPattern() throws {
        // The projection reproduces Match 2026's official dates from the pattern alone.
        let projected = CycleProjection.project(matchYear: 2026, rules: try Fixtures.rules().cycleProjection)
        let expected = ["eras_opens": "2025-06-04", "applicants_submit": "2025-09-03", "programs_review": "2025-09-24",
                        "nrmp_registration_opens": "2025-09-15", "rank_order_list_deadline": "2026-03-04",
                        "match_week": "2026-03-16", "match_day": "2026-03-20"]
        for (id, date) in expected {
            #expect(projected.event(id)?.date == Fixtures.date(date), "\(id)")
            #expect(projected.event(id)?.confidence == .projected)
        }
    }

    @Test func test_D14_aCycleFileOverridesTheProjectionDateByDate() throws {
        let rules = try Fixtures.rules()
        let cycle = try CycleLoader.load(matchYear: 2027, contentDirectory: Fixtures.contentDirectory, projection: rules.cycleProjection)
        #expect(cycle.event("eras_opens")?.confidence == .secondary, "the file's own date and tag")
        #expect(cycle.event("match_day")?.date == Fixtures.date("2027-03-19"))
        #expect(cycle.event("match_week")?.date == Fixtures.date("2027-03-15"), "projected from the file's Match Day")
        #expect(cycle.event("match_week")?.confidence == .projected)
    }

    // 11. Wording and marks

    @Test func test_W3_otherConcernIsWordedOnce() throws {
        let flag = try #require(try Self.plan("s11-other-concern").redFlags.first { $0.id == "concern-other" })
        #expect(flag.message.contains("Your record shows another concern:"))
        #expect(!flag.message.contains("in your record:"))
    }

    @Test func test_D14_pastDatesAreNoLongerMarkedVerify() throws {
        let plan = try Self.plan("s11-other-concern")
        let eras = try #require(plan.timelineEvent("eras-opens"))
        #expect(eras.status == .past && eras.confidence == .secondary && !eras.verify)
        #expect(try #require(plan.timelineEvent("programs-review")).verify)
    }

    @Test func test_SG1_carriedOverSignalsAreProjected() throws {
        for year in [2026, 2027, 2028] {
            let cycle = try CycleLoader.load(matchYear: year, contentDirectory: Fixtures.contentDirectory)
            #expect(cycle.signals.confidence == .projected, "Match \(year)")
            #expect(cycle.signals.sharedPool?.value == true)
        }
    }
}
