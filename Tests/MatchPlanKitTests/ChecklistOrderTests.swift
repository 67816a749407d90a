import Testing
@testable import MatchPlanModel
@testable import MatchPlanRender

/// The report's checklist is ordered for action (``ChecklistOrder``): overdue first, then by
/// due date (undated last, the plan's order breaking ties), finished items apart.
@Suite("Checklist order")
struct ChecklistOrderTests {
    private func item(_ id: String, _ status: StrategyPlan.Status, _ due: String?) -> StrategyPlan.ChecklistItem {
        StrategyPlan.ChecklistItem(id: id, rule: "H1", text: id, status: status, due: due.map(Fixtures.date))
    }

    @Test func overdueFirstThenByDueDateDoneApart() {
        let items = [
            item("done-early", .done, "2027-01-01"),
            item("todo-late", .todo, "2027-09-22"),
            item("undated", .todo, nil),
            item("overdue-late", .overdue, "2027-08-31"),
            item("progress-soon", .inProgress, "2027-07-10"),
            item("overdue-early", .overdue, "2027-03-31"),
            item("closed", .closed, "2027-02-01"),
            item("todo-soon-a", .todo, "2027-07-10"),
        ]
        let order = ChecklistOrder.forAction(items)
        #expect(order.open.map(\.id) == ["overdue-early", "overdue-late", "progress-soon", "todo-soon-a", "todo-late", "undated"])
        #expect(order.finished.map(\.id) == ["done-early", "closed"])
    }

    @Test func sameDueDateKeepsThePlansOrder() {
        let items = [item("b", .todo, "2027-09-22"), item("a", .inProgress, "2027-09-22"), item("c", .todo, "2027-09-22")]
        #expect(ChecklistOrder.forAction(items).open.map(\.id) == ["b", "a", "c"])
    }

    @Test func nothingOpenOrNothingDone() {
        #expect(ChecklistOrder.forAction([item("x", .done, nil)]).open.isEmpty)
        #expect(ChecklistOrder.forAction([item("x", .todo, nil)]).finished.isEmpty)
    }
}
