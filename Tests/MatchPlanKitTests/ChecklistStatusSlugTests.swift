import Testing
@testable import MatchPlanModel

/// The checklist item's status as the templates' class name: written out for speed, it must
/// stay the raw value with hyphens for underscores.
@Suite("Checklist status slug")
struct ChecklistStatusSlugTests {
    @Test("slug is the raw value with hyphens", arguments: StrategyPlan.Status.allCases)
    func slug(_ status: StrategyPlan.Status) {
        #expect(status.slug == status.rawValue.replacingUnderscores)
    }
}
