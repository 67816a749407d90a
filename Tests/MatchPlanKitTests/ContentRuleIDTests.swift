import Foundation
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
        // Every id in rules.yaml is in the catalogue, and every id the catalogue's tables open a
        // row with is in rules.yaml (no fixed count: branches add ids independently).
        let docs = try String(contentsOfFile: (Fixtures.contentDirectory as NSString)
            .deletingLastPathComponent.appending("/docs/rules.md"), encoding: .utf8)
        for id in rules.ruleIDs { #expect(docs.contains(id), "\(id) missing from docs/rules.md") }
        let rowIDs = docs.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard line.hasPrefix("| "), let first = cells.first, first.range(of: "^[A-Z]+[0-9]+(\\.[0-9]+)?$", options: .regularExpression) != nil else { return nil }
            return first
        }
        #expect(rowIDs.count > 60)
        for id in rowIDs { #expect(rules.ruleIDs.contains(id), "\(id) of docs/rules.md missing from rule_ids") }
        #expect(rules.checklist.allSatisfy { rules.ruleIDs.contains($0.rule) })
    }
}
