import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel

/// The loader reads every field the schema declares (``ProfileSchema``), from YAML and JSON,
/// and the roster reads each as a CSV column.
@Suite struct ProfileSchemaFieldsTests {
    /// A YAML value of `kind` that differs from what a profile without the field holds.
    static func sample(_ kind: ProfileSchema.Kind, checklistID: String) -> String {
        switch kind {
        case .text: "Abc"
        case .year: "2027"
        case .bool: "true"
        case .count, .number: "2"
        case .score: "240"
        case .date: "2026-07-08"
        case .step1: "pass"
        case .choice(let values): values[0]
        case .choiceList(let values): "[\(values[0])]"
        case .scoreList: "[240]"
        case .textList: "[Abc]"
        case .checklistIDs: "[\(checklistID)]"
        }
    }

    /// A YAML profile with every schema field but `left` (`match_year` is always there).
    static func yaml(leaving left: String?, checklistID: String) -> String {
        var lines: [String] = [], group: String?
        // comlex_only: true contradicts the scores (D4); it has its own check below.
        for field in ProfileSchema.fields where (field.path != left || field.path == "match_year") && field.path != "comlex_only" {
            let parts = field.path.split(separator: ".").map(String.init)
            if parts.count == 2 {
                if group != parts[0] { lines.append("\(parts[0]):"); group = parts[0] }
                lines.append("  \(parts[1]): \(sample(field.kind, checklistID: checklistID))")
            } else {
                group = nil
                lines.append("\(field.path): \(sample(field.kind, checklistID: checklistID))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everySchemaFieldIsReadByTheLoader() throws {
        let rules = try Fixtures.rules()
        let loader = ProfileLoader(scoreScale: rules.scoreScale, checklistIDs: rules.checklist.map(\.id))
        let id = rules.checklist[0].id
        let full = try loader.parse(SourceText(path: "p.yaml", text: Self.yaml(leaving: nil, checklistID: id)))
        #expect(full.familyName == "Abc")
        #expect(try loader.parse(SourceText(path: "p.yaml", text: "match_year: 2027\ndegree: DO\ncomlex_only: true\n")).comlexOnly)
        for field in ProfileSchema.fields where field.path != "match_year" && field.path != "comlex_only" {
            let without = try loader.parse(SourceText(path: "p.yaml", text: Self.yaml(leaving: field.path, checklistID: id)))
            #expect(without != full, "the loader ignores \(field.path)")
        }
    }

    @Test func familyNameIsReadFromYAMLJSONAndCSV() throws {
        let rules = try Fixtures.rules()
        let loader = ProfileLoader(scoreScale: rules.scoreScale, checklistIDs: rules.checklist.map(\.id))
        let yaml = try loader.parse(SourceText(path: "p.yaml", text: "match_year: 2027\nname: Jordan Lee\nfamily_name: Lee\n"))
        #expect(yaml.familyName == "Lee" && yaml.name == "Jordan Lee")
        let json = try loader.parse(SourceText(path: "p.json", text: "{\"match_year\": 2027, \"family_name\": \"Lee\"}"))
        #expect(json.familyName == "Lee")
        #expect(ProfileSchema.columns.contains("family_name"))
        let folder = NSTemporaryDirectory() + "matchplan-family-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/roster.csv"
        try "id,name,family_name,match_year\ns1,Jordan Lee,Lee,2027\n".write(toFile: path, atomically: true, encoding: .utf8)
        let entries = Array(try RosterReader(path: path, loader: loader))
        #expect(try entries.first?.load().get().familyName == "Lee")
    }
}
