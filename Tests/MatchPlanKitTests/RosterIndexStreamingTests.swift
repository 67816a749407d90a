import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanPlan
@testable import MatchPlanRender

/// The class dashboard is written in pieces (the text around the rows, then each row as it is
/// rendered), so 100,000 students' page is never held whole: the pieces must make the same page
/// as one render with every row gathered first.
@Suite("Dashboard written in pieces")
struct RosterIndexStreamingTests {
    func students() throws -> [RosterSummary] {
        let scores = [262, 248, 236, 221, 205]
        var students = try scores.enumerated().map { index, score in
            var profile = Fixtures.profile(step2ck: score, date: "2026-07-08")
            profile.name = index == 0 ? "A & B <script>\"quoted\" 'single' café" : "Student \(index)"
            let plan = try Fixtures.plan(profile)
            return RosterSummary(slug: "s\(index)", id: "s\(index)", name: profile.name!, familyName: "F\(index)", source: "r.csv:\(index + 2)",
                                 plan: .init(plan))
        }
        students.append(RosterSummary(failedRow: MatchPlanError(.data, "bad row"), slug: "s9", id: "s9", name: "Failed Row", source: "r.csv:9"))
        return students
    }

    @Test("the pieces make the page one render makes, and the rows are separate pieces")
    func piecesMatchOneRender() throws {
        let templates = try #require(try CompiledTemplatesTests.workspace().templates)
        #expect(templates.compiled.splitting.contains("roster-index.html"), "the bundled dashboard should stream its rows")
        let students = try students()
        var pieces: [String] = []
        try RosterIndex.render(students, templates: templates, today: Fixtures.date("2026-12-01")) { pieces.append($0) }
        // Direct rendering splits nothing, so it takes the gathered path: the reference.
        let whole = try RosterIndex.render(students, templates: templates.renderingDirectly(), today: Fixtures.date("2026-12-01"))
        #expect(pieces.count == students.count + 2, "before, one per row, after")
        #expect(pieces.joined() == whole)
        #expect(!whole.contains(RosterIndex.rowsMarker))
    }

    @Test("with no students, the page is one piece without the marker")
    func noStudents() throws {
        let templates = try #require(try CompiledTemplatesTests.workspace().templates)
        var pieces: [String] = []
        try RosterIndex.render([], templates: templates, today: Fixtures.date("2026-12-01")) { pieces.append($0) }
        #expect(pieces.count == 1)
        #expect(!pieces[0].contains(RosterIndex.rowsMarker))
        #expect(pieces[0] == (try RosterIndex.render([], templates: templates.renderingDirectly(), today: Fixtures.date("2026-12-01"))))
    }

    @Test("a template that escapes the rows gets them gathered (the marker does not come out whole)")
    func escapedRowsAreGathered() throws {
        var files: [String: String] = [:]
        for name in ["roster-index.html", "partials/roster-row.html", "partials/roster-style.css"] {
            let path = CompiledTemplatesTests.root + "/Templates/\(name).mustache"
            files[name] = try String(contentsOfFile: path, encoding: .utf8)
        }
        files["roster-index.html"] = files["roster-index.html"]!.replacingOccurrences(of: "{{{rows}}}", with: "{{rows}}")
        let templates = try CompiledTemplatesTests.templates(files)
        let students = try students()
        var pieces: [String] = []
        try RosterIndex.render(students, templates: templates, today: Fixtures.date("2026-12-01")) { pieces.append($0) }
        #expect(pieces.count == 1)
        #expect(pieces[0] == (try RosterIndex.render(students, templates: templates.renderingDirectly(), today: Fixtures.date("2026-12-01"))))
        #expect(pieces[0].contains("&lt;tr"), "the rows came out escaped, as the template asks")
    }
}
