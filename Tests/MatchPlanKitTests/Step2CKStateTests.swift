import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanPlan
@testable import MatchPlanRender

/// D20: one Step 2 CK state that the checklist, timing text, findings, timeline and actions
/// all read; and the plan issue's leftovers (C7 / D2, D4 after the Match, N4's horizon).
@Suite struct Step2CKStateTests {
    static let practice = Fixtures.profile(practice: [241, 246], date: "2026-07-01")

    @Test("D20: the state follows the sitting and the score", arguments: [
        ("2026-06-01", Step2CKState.planned), ("2026-07-01", .satAwaitingScore), ("2026-07-28", .satAwaitingScore), ("2026-07-29", .scoreOverdue),
    ])
    func D20_stateByDate(today: String, state: Step2CKState) throws {
        #expect(try Fixtures.plan(Self.practice, today: Fixtures.date(today)).step2ck.state == state)
    }

    @Test func D20_reportedFailedAndNotPlanned() throws {
        #expect(try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2025-12-01")).step2ck.state == .reported)
        #expect(try Fixtures.plan(Fixtures.profile(step2ck: 205, date: "2025-12-01")).step2ck.state == .failed)
        #expect(try Fixtures.plan(Fixtures.profile(practice: [240])).step2ck.state == .notPlanned)
    }

    @Test func D20_satAwaitingScoreNeverSaysSitBy() throws {
        let plan = try Fixtures.plan(Self.practice, today: Fixtures.date("2026-07-15"))
        #expect(plan.checklistItem("sit-step2ck")?.status == .done)
        #expect(plan.checklistItem("sit-step2ck")?.due == Fixtures.date("2026-07-01"), "dated by the sitting")
        #expect(plan.timing.reason.hasPrefix("You sat Step 2 CK on July 1, 2026"))
        #expect(plan.timing.reason.contains(plan.timing.expectedScoreDate!.longForm))
        #expect(!plan.conditions.contains { $0.hasPrefix("timing_ahead:") }, "no 'when to sit' pages once sat")
        #expect(!plan.conditions.contains("score:predicted_before_sitting"))
        #expect(plan.conditions.contains("step2ck_state:sat_awaiting_score"))
        #expect(plan.timelineEvent("your-step2ck-date")?.title == "You sat Step 2 CK")
        #expect(plan.timelineEvent("your-step2ck-score")?.date == plan.timing.expectedScoreDate)
        #expect(!plan.warningIDs.contains("step2ck-score-overdue"))
    }

    @Test func D20_N3_scoreOverdueGivesAWarningAnActionAndTheText() throws {
        let plan = try Fixtures.plan(Self.practice, today: Fixtures.date("2026-08-20"))
        #expect(plan.step2ck.state == .scoreOverdue)
        let warning = try #require(plan.warnings.first { $0.id == "step2ck-score-overdue" })
        #expect(warning.rule == "D20" && warning.message.contains("step2ck.score"))
        #expect(plan.actions.contains { $0.id == "add-step2ck-score" && $0.rule == "N3" })
        #expect(plan.timing.reason.contains("add it to your profile"))
        #expect(plan.timelineEvent("your-step2ck-score")?.status == .past, "kept once past (stable calendar UIDs)")
        // Once the score is in, no "score is back" date contradicts it.
        #expect(try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2026-07-01"), today: Fixtures.date("2026-07-10")).timelineEvent("your-step2ck-score") == nil)
    }

    @Test func D20_D5_aLateSittingAlreadySatIsNamedAsSat() throws {
        let profile = Fixtures.profile(practice: [241, 246], date: "2026-09-25")
        let before = try Fixtures.plan(profile, today: Fixtures.date("2026-09-01"))
        #expect(before.redFlags.first { $0.id == "step2ck-date-too-late" }?.message.hasPrefix("The planned Step 2 CK date") == true)
        let after = try Fixtures.plan(profile, today: Fixtures.date("2026-10-01"))
        #expect(after.redFlags.first { $0.id == "step2ck-date-too-late" }?.message.hasPrefix("Your Step 2 CK sitting, September 25, 2026") == true)
    }

    @Test func D20_beforeTheSittingThePracticePageAndTimingPagesApply() throws {
        let plan = try Fixtures.plan(Self.practice, today: Fixtures.date("2026-06-01"))
        #expect(plan.conditions.contains("score:predicted_before_sitting") && plan.conditions.contains("timing_ahead:T1"))
        #expect(plan.checklistItem("sit-step2ck")?.status == .inProgress)
    }

    @Test func D20_graduatesOldSittingIsNotShownAsToCome() throws {
        var profile = Fixtures.profile(step2ck: 253, date: "2021-07-15")
        profile.stage = .graduate
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-08-01"))
        #expect(plan.timelineEvent("your-step2ck-date") == nil, "before the timeline's first phase: an earlier cycle")
        #expect(plan.timelineEvent("your-step2ck-score") == nil)
        #expect(plan.checklistItem("sit-step2ck")?.due == Fixtures.date("2021-07-15"))
        #expect(plan.timing.reason.contains("sat July 15, 2021"))
        #expect(!plan.checklist.contains { $0.id == "sit-step2ck" && ($0.due ?? .distantFuture) > plan.today })
    }

    @Test func C7_D2_stepOneFailWordingNeverContradictsTheLowScenario() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 252, step1: .fail, date: "2025-12-01"))
        #expect(plan.band == .solid && plan.scenario == .low && plan.scenarioRule == "D2")
        #expect(plan.conditions.contains("scenario:low") && !plan.conditions.contains("scenario:solid"))
        #expect(plan.list.rule == "L3" && plan.step2ck.nearBoundary == nil && !plan.step2ck.recovery)
        #expect(plan.pathway.bothStronglyAdvised)
        // The timing text keeps Step 1 first even with a Step 2 CK in.
        #expect(plan.timing.reason.hasPrefix("Step 1 comes first"))
        let texts = plan.redFlags.map(\.message) + plan.warnings.map(\.message) + [plan.timing.reason] + plan.whatIf.map(\.why)
        #expect(!texts.contains { $0.lowercased().contains("recover") || $0.contains("good shape") })
    }

    @Test func N4_noDatePromptOnlyWithinAYearOfTheLatestDate() throws {
        let far = try Fixtures.plan(Fixtures.profile(practice: [240]), today: Fixtures.date("2025-07-01"))
        #expect(far.today.days(until: far.timing.latestDate) > DoNow.seasonHorizonDays)
        #expect(!far.actions.contains { $0.id == "choose-step2ck-date" || $0.id == "submission-opens" })
        let near = try Fixtures.plan(Fixtures.profile(practice: [240]), today: Fixtures.date("2025-07-15"))
        #expect(near.actions.contains { $0.id == "choose-step2ck-date" })
        // Today's MS1 and MS2 students (issue 10's profiles) are asked for neither.
        for name in ["s10a-match-2029-ms2", "s10b-match-2031-ms1"] {
            let plan = try SituationTests.plan(name)
            #expect(!plan.actions.contains { $0.id == "choose-step2ck-date" || $0.id == "submission-opens" }, "\(name)")
        }
    }

    @Test func D4_D16_comlexOnlyAfterTheMatchHasNoDateToConsiderStep2CKBy() throws {
        var profile = Fixtures.profile(step1: nil)
        profile.comlexOnly = true
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2027-04-01"))
        let warning = try #require(plan.warnings.first { $0.id == "comlex-only" })
        #expect(!warning.message.contains("Consider Step 2 CK") && !warning.message.contains("sit by"))
        let item = try #require(plan.checklistItem("consider-step2ck"))
        #expect(item.status == .closed && (item.due.map { $0 <= plan.today } ?? true))
        #expect(plan.timing.latestDate <= plan.today)
        #expect(!plan.actions.contains { ($0.due.map { $0 > plan.today } ?? false) && $0.text.contains("Step 2 CK") })
        // Before the Match the advice and its date stay.
        let before = try Fixtures.plan(profile, today: Fixtures.date("2026-08-01"))
        #expect(before.warnings.first { $0.id == "comlex-only" }!.message.contains("Consider Step 2 CK only if"))
        #expect(before.warnings.first { $0.id == "comlex-only" }!.message.contains("sit by September 10, 2026"))
    }
}
