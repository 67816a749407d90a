import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel

/// The loader reads every field the schema declares (``ProfileSchema``), each into its own
/// property and checked by its kind, from YAML and JSON, and the roster reads each as a CSV column.
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

    @Test func theLoaderReadsEachSchemaRowOnceMatchYearFirst() {
        let order = ProfileLoader.fieldOrder.flatMap { entry in
            entry.field.map { [$0.path] } ?? entry.inner.map { "\(entry.key).\($0.key)" }
        }
        #expect(order.first == "match_year")
        #expect(order.sorted() == ProfileSchema.fields.map(\.path).sorted())
        for entry in ProfileLoader.fieldOrder {
            for inner in entry.inner { #expect(inner.field.path == "\(entry.key).\(inner.key)") }
        }
        #expect(ProfileSchema.fields.filter(\.isRequired).map(\.path) == ["match_year"])
    }

    /// A mapping is wrong for every kind: each field's value is checked, and the problem names
    /// the field's key path and line, whichever row it is.
    @Test func everySchemaFieldIsCheckedByItsKind() throws {
        let rules = try Fixtures.rules()
        let loader = ProfileLoader(scoreScale: rules.scoreScale, checklistIDs: rules.checklist.map(\.id))
        for field in ProfileSchema.fields {
            let parts = field.path.split(separator: ".").map(String.init)
            let yaml = field.path == "match_year" ? "match_year: {a: 1}\n"
                : parts.count == 2 ? "match_year: 2027\n\(parts[0]):\n  \(parts[1]): {a: 1}\n" : "match_year: 2027\n\(field.path): {a: 1}\n"
            var problems: [MatchPlanError] = []
            _ = try loader.parse(SourceText(path: "p.yaml", text: yaml), problems: &problems)
            #expect(problems.count == 1 && problems.first?.keyPath == field.path, "\(field.path): \(problems)")
            #expect(problems.first?.location?.line == (parts.count == 2 ? 3 : field.path == "match_year" ? 1 : 2), "\(field.path)")
        }
        // The kind's allowed values and the nearest one, from the row's enum.
        let error = try #require(throws: MatchPlanError.self) {
            try loader.parse(SourceText(path: "p.yaml", text: "match_year: 2027\nclerkships:\n  surgery: hihg_pass\n"))
        }
        #expect(error.description == "p.yaml:3:12: clerkships.surgery: expected one of honors | high_pass | pass | fail | pending, found 'hihg_pass'; did you mean 'high_pass'?")
        #expect(try loader.parse(SourceText(path: "p.yaml", text: "match_year: 2027\nclerkships:\n  surgery: HIGH_PASS\n")).clerkships.surgery == .highPass)
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
