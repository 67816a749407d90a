import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanPlan
@testable import MatchPlanRender

/// "Do this now" (N1–N5): the plan's `actions[]`, one test per prompt, named by rule id.
@Suite struct DoNowTests {
    func ids(_ plan: StrategyPlan) -> [String] { plan.actions.map(\.id) }

    @Test func N1_overdueItemsAreCountedFirst() throws {
        var plan = try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2026-07-01"))
        plan.checklist = [.init(id: "a", rule: "H3", text: "A", status: .overdue, due: Fixtures.date("2025-12-01")),
                          .init(id: "b", rule: "H3", text: "B", status: .overdue, due: Fixtures.date("2025-12-15")),
                          .init(id: "c", rule: "H3", text: "C", status: .done, due: Fixtures.date("2025-11-01"))]
        let actions = DoNow.actions(for: plan)
        #expect(actions.first == PlanAction(id: "overdue", text: "2 checklist items are overdue: do them first.", rule: "N1"))
        plan.checklist.removeFirst()
        #expect(DoNow.actions(for: plan).first?.text == "1 checklist item is overdue: do it first.")
        plan.checklist.removeFirst()
        #expect(!DoNow.actions(for: plan).contains { $0.rule == "N1" })
    }

    @Test func N2_nextThreeOpenDatedItemsWithDaysLeft() throws {
        var plan = try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2025-12-01"))
        let day = { Fixtures.date($0) }
        plan.checklist = [.init(id: "done", rule: "H3", text: "Done", status: .done, due: day("2026-01-20")),
                          .init(id: "one", rule: "H3", text: "One", status: .todo, due: day("2026-01-15")),
                          .init(id: "two", rule: "H4", text: "Two", status: .inProgress, due: day("2026-02-01")),
                          .init(id: "three", rule: "H3", text: "Three", status: .todo, due: day("2026-03-01")),
                          .init(id: "four", rule: "H3", text: "Four", status: .todo, due: day("2026-04-01")),
                          .init(id: "undated", rule: "H3", text: "Undated", status: .todo)]
        let next = DoNow.actions(for: plan).filter { $0.rule == "N2" }
        #expect(next.map(\.id) == ["next-one", "next-two", "next-three"])
        #expect(next.map(\.daysLeft) == [0, 17, 45])
        #expect(next[1] == PlanAction(id: "next-two", text: "Two", due: day("2026-02-01"), daysLeft: 17, rule: "N2"))
    }

    @Test func N3_scoreShouldBeBackPromptsToAddIt() throws {
        let profile = Fixtures.profile(practice: [240, 246], date: "2026-07-01")
        let before = try Fixtures.plan(profile, today: Fixtures.date("2026-07-10"))
        #expect(!ids(before).contains("add-step2ck-score"))
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-09-01"))
        let expected = try #require(plan.timing.expectedScoreDate)
        #expect(expected <= plan.today)
        let action = try #require(plan.actions.first { $0.id == "add-step2ck-score" })
        #expect(action.rule == "N3" && action.due == expected && action.daysLeft == plan.today.days(until: expected))
        #expect(action.text.contains("add it to your profile"))
        // A reported score ends the prompt.
        #expect(!ids(try Fixtures.plan(Fixtures.profile(step2ck: 244, date: "2026-07-01"), today: Fixtures.date("2026-09-01"))).contains("add-step2ck-score"))
    }

    @Test func N4_noStep2CKDateSaysHowLongUntilTheLatestDate() throws {
        let plan = try Fixtures.plan(Fixtures.profile(practice: [240, 246]), today: Fixtures.date("2026-05-01"))
        let action = try #require(plan.actions.first { $0.id == "choose-step2ck-date" })
        let days = plan.today.days(until: plan.timing.latestDate)
        #expect(action.rule == "N4" && action.due == plan.timing.latestDate && action.daysLeft == days && days > 0)
        #expect(action.text.contains("in \(days) days"))
        // With a date, or once the latest date has passed, no prompt.
        #expect(!ids(try Fixtures.plan(Fixtures.profile(practice: [240, 246], date: "2026-07-01"), today: Fixtures.date("2026-05-01"))).contains("choose-step2ck-date"))
        let late = try Fixtures.plan(Fixtures.profile(practice: [240, 246]), today: plan.timing.latestDate.adding(days: 1))
        #expect(!ids(late).contains("choose-step2ck-date"))
    }

    @Test func N5_submissionOpensInNDaysWhileAhead() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2026-07-01"), today: Fixtures.date("2026-05-01"))
        let opens = try #require(plan.timelineEvent("applicants-may-submit")?.date)
        let action = try #require(plan.actions.first { $0.id == "submission-opens" })
        let days = plan.today.days(until: opens)
        #expect(action == PlanAction(id: "submission-opens", text: "Submission opens in \(days) days (\(opens.longForm)).", due: opens, daysLeft: days, rule: "N5"))
        #expect(!ids(try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2026-07-01"), today: opens)).contains("submission-opens"))
    }

    @Test func N1_N5_actionsEncodeDueAndDaysLeftAsNullWhenUndated() throws {
        let json = String(decoding: try JSONEncoder().encode(PlanAction(id: "overdue", text: "t", rule: "N1")), as: UTF8.self)
        #expect(json.contains("\"due\":null") && json.contains("\"days_left\":null"))
        let plan = try Fixtures.plan(Fixtures.profile(practice: [240, 246]), today: Fixtures.date("2026-05-01"))
        let encoded = try PlanJSON.encode(plan)
        #expect(encoded.contains("\"actions\" : ["))
        #expect(try JSONDecoder().decode(StrategyPlan.self, from: Data(encoded.utf8)).actions == plan.actions)
    }
}
