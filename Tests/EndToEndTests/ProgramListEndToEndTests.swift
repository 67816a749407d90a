import Foundation
import Testing
@testable import MatchPlanLoad
import MatchPlanTestSupport

/// PL1–PL8 end to end: the built `matchplan` with the bundled example list, as a student runs it.
@Suite struct ProgramListEndToEndTests {
    static let arguments = ["Content/profiles/example.yaml", "--programs", "Content/profiles/example-programs.csv", "--today", "2027-08-01"]

    @Test func test_PL1_exampleListInThePlanJSON() throws {
        let run = try matchplan(["plan"] + Self.arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let list = try #require(plan["program_list"] as? [String: Any])
        let counts = try #require(list["counts"] as? [String: Int])
        #expect(counts == ["integrated_ir": 12, "diagnostic_radiology": 20, "preliminary": 2, "transitional": 1, "total": 35])
        let fees = try #require(list["fees"] as? [String: Any])
        #expect(fees["per_specialty"] as? [String: Int] == ["integrated_ir": 132, "diagnostic_radiology": 220, "preliminary": 22, "transitional": 11])
        #expect(fees["total_usd"] as? Int == 385)
        #expect(fees["projected"] as? Bool == true, "Match 2028 has no schedule of its own")
        let signals = try #require(list["signals"] as? [String: Any])
        #expect(signals["gold_used"] as? Int == 5 && signals["silver_used"] as? Int == 6)
        // Red flags and warnings of the audit are also the plan's, with their ids.
        let warnings = (plan["warnings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(warnings.contains("program-list-ir-below") && warnings.contains("program-list-esir-share"))
        let programs = try #require(list["programs"] as? [[String: Any]])
        #expect(programs.first?["program"] as? String == "Lakeshore University" && programs.first?["signal"] as? String == "gold")
    }

    @Test func test_PL2_exampleListInTheReports() throws {
        let out = try Repository.temporaryFolder()
        let run = try matchplan(["report"] + Self.arguments + ["--out", out, "--format", "html,md"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        let markdown = try String(contentsOfFile: "\(out)/report.md", encoding: .utf8)
        #expect(html.contains("<h2 id=\"your-program-list\">Your program list</h2>"))
        #expect(html.contains("<svg class=\"pl-bar-svg\""))
        #expect(html.contains("<strong>Integrated IR:</strong> 12 programs; your plan 15 to 25, <strong>below the range</strong>."), "the bars' text alternative")
        #expect(html.contains("$385"))
        // The section sits right after the list-size section.
        let list = try #require(html.range(of: "<h2 id=\"list-size\">"))
        let own = try #require(html.range(of: "<h2 id=\"your-program-list\">"))
        let pathways = try #require(html.range(of: "<h2 id=\"pathways\">"))
        #expect(list.lowerBound < own.lowerBound && own.lowerBound < pathways.lowerBound)
        // The Markdown section reads right through cmark: lists and headings, no GFM table.
        let start = try #require(markdown.range(of: "## Your program list"))
        let section = String(markdown[start.lowerBound...]).components(separatedBy: "\n## Pathways")[0]
        #expect(!section.contains("|"), "no GFM table in the program-list section")
        let rendered = Markdown.html(section)
        #expect(rendered.contains("<h2>Your program list</h2>"))
        #expect(rendered.contains("<li><strong>Lakeshore University</strong>: gold signal; home tie; academic; Chicago, IL; notes: Home program</li>"))
        #expect(rendered.contains("<strong>ERAS fees: $385</strong>"))
    }

    @Test func test_PL1_profileKeyNamesTheListRelativeToTheProfile() throws {
        let run = try matchplan(["plan", "Content/profiles/with-programs.yaml", "--today", "2026-08-15"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"program_list\""))
        #expect(run.stdout.contains("\"file\" : \"example-programs.csv\""))
    }

    @Test func test_PL1_programsOptionIsRefusedWithARoster() throws {
        let run = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--programs", "Content/profiles/example-programs.csv", "--out", try Repository.temporaryFolder()])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--programs goes with one profile"))
    }
}

/// PL1–PL8 in a roster: the `programs` column names each student's list relative to the roster.
@Suite struct ProgramListRosterTests {
    @Test func test_PL1_rosterProgramsColumnIsRelativeToTheRoster() throws {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/lists", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("Content/profiles/example-programs.csv"), toPath: "\(folder)/lists/ana.csv")
        try "program,specialty,signal\nLakeshore University,integrated_ir,glod\n".write(toFile: "\(folder)/lists/bad.csv", atomically: true, encoding: .utf8)
        try """
        id,match_year,step2ck_score,programs
        ana,2027,238,lists/ana.csv
        ben,2027,250,
        cy,2027,250,lists/bad.csv
        dee,2027,250,lists/missing.csv

        """.write(toFile: "\(folder)/students.csv", atomically: true, encoding: .utf8)
        let run = try matchplan(["report", "--roster", "\(folder)/students.csv", "--out", "\(folder)/out", "--format", "md", "--today", "2026-08-15"])
        #expect(run.status == 65, "one bad list fails only its student: \(run)")
        #expect(run.stderr.contains("lists/bad.csv:2:3: column signal: expected one of gold, silver, none, found 'glod'"), "\(run.stderr)")
        #expect(run.stderr.contains("students.csv:5: programs: the program list 'lists/missing.csv' was not found; expected a CSV file path relative to the roster"), "\(run.stderr)")
        let ana = try String(contentsOfFile: "\(folder)/out/ana.md", encoding: .utf8)
        let ben = try String(contentsOfFile: "\(folder)/out/ben.md", encoding: .utf8)
        #expect(ana.contains("## Your program list") && ana.contains("**ERAS fees: $385**"))
        #expect(!ben.contains("## Your program list"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out/cy.md"))
        // check reads the same lists and lists both problems.
        let check = try matchplan(["check", "--roster", "\(folder)/students.csv"])
        #expect(check.status == 65)
        #expect(check.stderr.contains("lists/bad.csv:2:3: column signal") && check.stderr.contains("'lists/missing.csv' was not found"), "\(check.stderr)")
    }

    @Test func test_PL1_checkReadsTheProgramsOption() throws {
        let bad = try matchplan(["check", "Content/profiles/solid.yaml", "--programs", "Tests/BadInputs/programs/duplicate-program.csv"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("duplicate-program.csv:4:1: column program:"), "\(bad.stderr)")
        let good = try matchplan(["check", "Content/profiles/example.yaml", "--programs", "Content/profiles/example-programs.csv"])
        #expect(good.status == 0, "\(good.stderr)")
    }
}
