import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel

/// The profile schema is declared once (``ProfileSchema``); the loader, the roster columns, the
/// `status_from` vocabulary and the README's profile table must agree with it.
@Suite struct ProfileSchemaTests {
    static let readmeRows: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        guard let start = readme.range(of: "## Profile format") else { return [] }
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n").map(String.init).filter { $0.hasPrefix("| `") }
    }()

    /// The backticked words of a table cell.
    static func codes(_ text: Substring) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    @Test func readmeProfileTableListsEveryFieldAndValue() throws {
        let rows = Self.readmeRows
        #expect(rows.count > 15)
        for field in ProfileSchema.fields {
            let leaf = String(field.path.split(separator: ".").last!)
            // The field's own row (`step2ck.score`), or its group's row (`ir`, `clerkships.…`) naming it.
            let candidates = rows.map { Set(Self.codes(Substring($0))) }.filter { codes in
                codes.contains(field.path) || codes.contains(field.topLevelKey) || codes.contains { $0.hasPrefix(field.topLevelKey + ".") }
            }
            let row = candidates.first { !$0.isDisjoint(with: [field.path, leaf, "." + leaf]) }
            let mentioned = try #require(row, "the README's profile table has no row naming \(field.path)")
            if case .choice(let values) = field.kind {
                for value in values { #expect(mentioned.contains(value), "README row for \(field.path) lacks \(value)") }
            }
            if case .choiceList(let values) = field.kind {
                for value in values { #expect(mentioned.contains(value), "README row for \(field.path) lacks \(value)") }
            }
        }
        for row in rows {
            let key = Self.codes(row.split(separator: "|")[0])[0]
            #expect(ProfileSchema.topLevelKeys.contains(String(key.split(separator: ".")[0])), "README lists \(key), which profiles do not have")
        }
    }

    @Test func statusFromVocabularyNamesSchemaFields() {
        for field in ProfileField.allCases {
            let declared = ProfileSchema.field(at: field.rawValue)
            #expect(declared != nil, "status_from \(field.rawValue) is not a profile field")
        }
    }

    @Test func loaderAndRosterUseTheSchema() {
        #expect(ProfileLoader.topLevelKeys == ProfileSchema.topLevelKeys)
        #expect(RosterReader.columns.count == ProfileSchema.fields.count)
        #expect(RosterReader.columns.contains("step2ck_score") && RosterReader.columns.contains("research_ir_meeting_presentations"))
        #expect(RosterReader.listKeys == ["step2ck_practice", "geography_regions", "concerns", "completed"])
        #expect(RosterReader.groups.first == "clerkships" && RosterReader.groups.last == "ir")
        #expect(ProfileSchema.keys(under: "letters") == ["ir", "dr", "core_clerkship"])
        #expect(ProfileSchema.keys(under: "name").isEmpty)
    }
}
