import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Guidance pages may cite only rule ids listed in rules.yaml (`rule_ids`).
@Suite struct ContentRuleIDTests {
    func page(rules: [String]) throws -> GuidancePage {
        let text = "---\nid: \"p\"\ntitle: \"P\"\nsection: \"faq\"\nrules: [\(rules.map { "\"\($0)\"" }.joined(separator: ", "))]\n---\nBody.\n"
        return try ContentLoader().parse(SourceText(path: "p.md", text: text))
    }

    @Test func knownRuleIDsPass() throws {
        try ContentLoader.checkRuleIDs([page(rules: ["B2.1", "D9", "SG2"])], rules: Fixtures.rules())
    }

    @Test func anUnknownRuleIDIsNamedWithASuggestion() throws {
        let error = try #require(throws: MatchPlanError.self) {
            try ContentLoader.checkRuleIDs([page(rules: ["B2.1", "Z9"])], rules: Fixtures.rules())
        }
        #expect(error.file == "p.md" && error.keyPath == "rules")
        #expect(error.message.contains("'Z9'") && error.message.contains("did you mean"))
    }

    @Test func everyBundledPageAndChecklistItemCitesAKnownRule() throws {
        let rules = try Fixtures.rules()
        #expect(rules.ruleIDs.count == 90, "every id of docs/rules.md, each once (PL1–PL9: the program-list audit)")
        #expect(rules.checklist.allSatisfy { rules.ruleIDs.contains($0.rule) })
    }
}
