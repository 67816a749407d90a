import MatchPlanModel

/// The checklist ordered for action: what is still open (overdue first, then by due date,
/// undated last; the plan's order breaks ties) and what is finished (done, or closed by the
/// Match, D16), which the HTML report collapses.
enum ChecklistOrder {
    /// - Returns: the open items in the order to act on them, and the finished ones in the plan's order.
    static func forAction(_ items: [StrategyPlan.ChecklistItem]) -> (open: [StrategyPlan.ChecklistItem], finished: [StrategyPlan.ChecklistItem]) {
        let finished = items.filter { $0.status == .done || $0.status == .closed }
        let open = items.enumerated().filter { $0.element.status != .done && $0.element.status != .closed }
            .sorted { a, b in
                let overdueA = a.element.status == .overdue, overdueB = b.element.status == .overdue
                if overdueA != overdueB { return overdueA }
                switch (a.element.due, b.element.due) {
                case let (x?, y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.offset < b.offset
                }
            }
            .map(\.element)
        return (open, finished)
    }
}
