import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// Issue 12's situations (one Step 2 CK state, D20; the plan issue's leftovers), planned from
/// their profiles in `Tests/Situations/` as ``SituationTests`` plans the others.
@Suite("Situations of issue 12")
struct Issue12SituationTests {
    @Test func test_D20_N3_scoreOverdueAsksForTheScore() throws {
        let plan = try SituationTests.plan("s12-score-overdue")
        #expect(plan.step2ck.state == .scoreOverdue)
        #expect(plan.warningIDs.contains("step2ck-score-overdue") && plan.actions.contains { $0.id == "add-step2ck-score" })
        #expect(plan.checklistItem("sit-step2ck")?.status == .done)
        #expect(plan.timing.reason.contains("add it to your profile") && !plan.conditions.contains("timing_ahead:T1"))
        #expect(plan.conditions.contains("step2ck_state:score_overdue") && !plan.conditions.contains("score:predicted_before_sitting"))
    }

    @Test func test_D20_graduatesOldSittingIsHistory() throws {
        let plan = try SituationTests.plan("s13-graduate-old-sitting")
        #expect(plan.step2ck.state == .reported)
        #expect(plan.timelineEvent("your-step2ck-date") == nil && plan.timelineEvent("your-step2ck-score") == nil)
        #expect(plan.checklist.allSatisfy { $0.id != "sit-step2ck" || $0.due! < plan.today })
        #expect(plan.timing.reason.contains("sat July 15, 2021"))
        #expect(plan.whatIf.allSatisfy { $0.timing == nil })
    }

    @Test func test_D4_D16_comlexOnlyAfterTheMatchGetsNoStep2CKDate() throws {
        let plan = try SituationTests.plan("s14-comlex-only-after-match")
        #expect(!(plan.warnings.first { $0.id == "comlex-only" }?.message.contains("Consider sitting") ?? true))
        #expect(plan.checklistItem("consider-step2ck")?.status == .closed && (plan.checklistItem("consider-step2ck")?.due.map { $0 <= plan.today } ?? true))
        #expect(plan.actions.isEmpty && plan.whatIf.isEmpty)
    }
}
