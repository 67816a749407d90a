import Foundation
import Testing
import MatchPlanTestSupport

/// The class dashboard (`reports/index.html`) and the spreadsheet summary (`reports/summary.csv`)
/// of `report --roster`, on the built binary.
@Suite struct DashboardTests {
    /// Reads CSV files with Python's `csv` module (a parser independent of the writer) and
    /// prints their rows as JSON.
    static let csvParser = #"""
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    print(json.dumps(list(csv.reader(f))))
"""#

    static let columns = ["id", "name", "family_name", "match_year", "stage", "step2ck", "step2ck_basis", "band", "strategy",
                          "red_flags", "overdue", "next_action", "next_action_date", "program_list", "program_fee_usd",
                          "program_fee_projected", "status", "error"]

    func parseCSV(_ path: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.csvParser, path]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python's csv could not read \(path)")
        return try JSONDecoder().decode([[String]].self, from: out)
    }

    /// The table's body rows, each as its cells' text (tags removed, entities as written).
    func tableRows(_ html: String) -> [[String]] {
        html.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("<tr data-band=") }.map { row in
            row.matches(of: /<t[hd][^>]*>(.*?)<\/t[hd]>/).map { match in
                String(match.1).replacing(/<span class="id">.*?<\/span>/, with: "").replacing(/<[^>]+>/, with: "")
            }
        }
    }

    func build(today: String, roster: String = "Content/profiles/roster.csv") throws -> (run: Run, out: String) {
        let out = try Repository.temporaryFolder() + "/reports"
        let run = try matchplan(["report", "--roster", roster, "--out", out, "--today", today])
        return (run, out)
    }

    /// December of the application season: two Match 2027 students still owe IR/DR letters
    /// (overdue); rotations and research not done before programs began reviewing are past for
    /// the season, not overdue (TL6 / D9); the Match 2028 student is on track with a dated next action.
    @Test func dashboardColumnsAndCountsInDecember() throws {
        let (run, out) = try build(today: "2026-12-01")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 of 5 students have overdue items on 2026-12-01"), "\(run.stdout)")
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(index.contains(">Student</th><th scope=\"col\" data-key=\"match_year\" data-type=\"number\">Match year</th><th scope=\"col\" data-key=\"stage\">Stage</th><th scope=\"col\" data-key=\"step2ck\" data-type=\"number\">Step 2 CK</th>"), "\(index)")
        #expect(index.contains("Students per band: High 0, Solid 2, Borderline 2, Low 1, Unknown 0."))
        #expect(index.contains("Students per status: On track 3, Overdue items 2."))
        #expect(index.contains("5 students, 5 reports, prepared for <time datetime=\"2026-12-01\">December 1, 2026</time>; 2 with overdue items."))
        let rows = tableRows(index)
        // By family name; Step 2 CK reported or predicted from the practice range.
        #expect(rows.map { $0[0] } == ["Riley Chen", "Lee, Jordan", "Casey Morgan", "Morgan Patel", "Sam Rivera"], "\(rows)")
        #expect(rows[0] == ["Riley Chen", "2028", "MS3", "236–244 predicted", "Borderline", "Borderline", "1", "0",
                            "Shadow in the IR suite to confirm your interest", "December 31, 2026", "—no program list", "—no list", "On track"], "\(rows[0])")
        // After programs began reviewing, application work that can no longer be done is past, not
        // overdue (D15); NRMP registration is the next dated action (TL7).
        #expect(rows[1] == ["Lee, Jordan", "2027", "MS4", "248", "Solid", "Solid", "1", "1",
                            "Register for the Main Residency Match with NRMP (a late fee applies after the deadline)", "January 31, 2027",
                            "—no program list", "—no list", "Overdue items"], "\(rows[1])")
        // Sam Rivera's row names Content/profiles/example-programs.csv (PL1–PL8): the list's
        // counts and findings, and its ERAS fee (the 2027 schedule is projected).
        #expect(rows[4][10...11] == ["35\u{A0}programs (12\u{A0}IR, 20\u{A0}DR); 4\u{A0}warnings", "$385 (projected)"], "\(rows[4])")
        #expect(rows[3][4...5] == ["Solid", "Low"], "Morgan Patel's Step 1 fail applies the low strategy (D2)")
        #expect(index.contains("<a href=\"jlee.html\">Lee, Jordan</a><span class=\"id\">jlee</span>"))
    }

    /// September of the next season: the Match 2027 students are past Match Day; the Match 2028
    /// student now has overdue items.
    @Test func dashboardColumnsAndCountsInSeptember() throws {
        let (run, out) = try build(today: "2027-09-20")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 of 5 students have overdue items on 2027-09-20"), "\(run.stdout)")
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(index.contains("Students per status: On track 4, Overdue items 1."))
        let rows = tableRows(index)
        #expect(rows[0] == ["Riley Chen", "2028", "MS3", "236–244 predicted", "Borderline", "Borderline", "1", "9",
                            "Secure at least two letters from IR or DR faculty", "September 22, 2027", "—no program list", "—no list", "Overdue items"], "\(rows[0])")
        #expect(rows[1...].allSatisfy { $0[7] == "0" && $0[12] == "On track" }, "\(rows)")
    }

    /// `summary.csv` read back by Python's `csv`: a header with the dashboard's columns and
    /// one row per student, ids and not file paths.
    @Test func summaryCSVIsParsedBack() throws {
        let (run, out) = try build(today: "2026-12-01")
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try parseCSV("\(out)/summary.csv")
        try #require(rows.count == 6, "\(rows)")
        #expect(rows[0] == Self.columns)
        #expect(rows.allSatisfy { $0.count == Self.columns.count })
        #expect(rows[1...].map { $0[0] } == ["rchen", "jlee", "cmorgan", "mpatel", "srivera"])
        #expect(rows[1] == ["rchen", "Riley Chen", "Chen", "2028", "MS3", "236-244", "predicted", "Borderline", "Borderline", "1", "0",
                            "Shadow in the IR suite to confirm your interest", "2026-12-31", "", "", "", "On track", ""], "\(rows[1])")
        #expect(rows[5][13...15] == ["35 programs (12 IR, 20 DR); 4 warnings", "385", "true"], "\(rows[5])")
        #expect(rows[2][1...2] == ["Lee, Jordan", "Lee"])
        let text = try String(contentsOfFile: "\(out)/summary.csv", encoding: .utf8)
        #expect(!text.contains("roster.csv") && !text.contains("/"), "no file paths: \(text)")
        #expect(text.hasSuffix("\r\n"))
    }

    /// PL1, PL2: a roster whose `programs` column names a list (relative to the roster) for one
    /// student and nothing for the other: the list's status and fee in the dashboard and in
    /// summary.csv for the first; a dash read as "no list" (never a zero fee) and empty CSV
    /// cells for the second.
    @Test func test_PL2_programListStatusAndFeeColumns() throws {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/lists", withIntermediateDirectories: true)
        let programs = ["program,specialty,city,state,setting,esir,signal"]
            + (0..<5).map { "IR \($0),integrated_ir,Iowa City,IA,academic,,\($0 == 0 ? "gold" : "")" }
            + (0..<15).map { "DR \($0),diagnostic_radiology,Iowa City,IA,academic,yes," }
            + (0..<5).map { "Prelim \($0),preliminary,Iowa City,IA,academic,," }
        try programs.joined(separator: "\n").write(toFile: "\(folder)/lists/ann.csv", atomically: true, encoding: .utf8)
        let path = "\(folder)/students.csv"
        try "id,name,match_year,step2ck_score,programs\nann,Ann Listed,2027,250,lists/ann.csv\nben,Ben Nolist,2027,250,\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (run, out) = try build(today: "2026-08-15", roster: path)
        #expect(run.status == 0, "\(run.stderr)")
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(index.contains("data-key=\"program_list\" data-type=\"number\">Program list</th><th scope=\"col\" data-key=\"program_fee_usd\" data-type=\"number\">List fee</th>"), "\(index)")
        let rows = tableRows(index)
        #expect(rows.map { $0[0] } == ["Ann Listed", "Ben Nolist"], "\(rows)")
        let listed = try #require(rows.first), unlisted = try #require(rows.last)
        #expect(listed[10...11] == ["25\u{A0}programs (5\u{A0}IR, 15\u{A0}DR); 1\u{A0}red flag, 1\u{A0}warning", "$275 (projected)"], "\(listed)")
        #expect(unlisted[10...11] == ["—no program list", "—no list"], "\(unlisted)")
        // The fee sorts as a number; without a list, the cells sort last and the dash is not read.
        #expect(index.contains("<td data-sort=\"275\" class=\"program_fee_usd\">$275 (projected)</td>"), "\(index)")
        #expect(index.contains("<td data-sort=\"1001025\" class=\"program_list marked\">"), "a red flag marks the cell: \(index)")
        #expect(index.contains("<td data-sort=\"\" class=\"program_fee_usd\"><span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">no list</span></td>"), "\(index)")
        let csv = try parseCSV("\(out)/summary.csv")
        #expect(csv[0][13...15] == ["program_list", "program_fee_usd", "program_fee_projected"], "\(csv[0])")
        #expect(csv[1][13...15] == ["25 programs (5 IR, 15 DR); 1 red flag, 1 warning", "275", "true"], "\(csv[1])")
        #expect(csv[2][13...15] == ["", "", ""], "no list: empty, not a zero fee: \(csv[2])")
    }

    /// A bad row: in the dashboard (marked, id, error), in summary.csv (status and error
    /// without the file path), and on standard error with its id and file:row:column.
    @Test func failedRowIsListedEverywhere() throws {
        let folder = try Repository.temporaryFolder()
        let path = "\(folder)/students.csv"
        try "id,name,match_year,step2ck_score\nok1,Ann Ok,2027,250\nbad1,Ben Bad,2027,abc\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (run, out) = try build(today: "2026-12-01", roster: path)
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(path):3:4: column step2ck_score: expected a reported score from 1 to 300, found 'abc' [id: bad1]"), "\(run.stderr)")
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        let rows = tableRows(index)
        #expect(rows.map { $0[0] } == ["Ben Bad", "Ann Ok"], "\(rows)")
        #expect(rows[0].last?.hasPrefix("Not read\(path):3:4: column step2ck_score") == true, "\(rows[0])")
        #expect(index.contains("Students per status: On track 0, Overdue items 1, Not read 1."), "\(index)")
        let csv = try parseCSV("\(out)/summary.csv")
        #expect(csv[1] == ["bad1", "Ben Bad", "Bad", "", "", "", "", "", "", "", "", "", "", "", "", "", "Not read",
                           "line 3, column 4: column step2ck_score: expected a reported score from 1 to 300, found 'abc'"], "\(csv)")
    }

    /// A hostile name, family name and id reach the dashboard escaped and the spreadsheet as
    /// text, never as a formula; `family_name` decides the order.
    @Test func hostileNameIsEscaped() throws {
        let folder = try Repository.temporaryFolder()
        let path = "\(folder)/students.csv"
        let hostile = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
        let rows = [
            "id,name,family_name,match_year,step2ck_score",
            "h1,\"\(hostile.replacingOccurrences(of: "\"", with: "\"\""))\",\"=HYPERLINK(\"\"http://x\"\")\",2027,250",
            "z1,Zed Aaron,,2027,240",
            "d1,Maria de la Cruz,de la Cruz,2027,230",
        ]
        try rows.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let (run, out) = try build(today: "2026-12-01", roster: path)
        #expect(run.status == 0, "\(run.stderr)")
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(!index.contains("<script>alert") && !index.contains("<img"), "\(index)")
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;")
                || index.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&gt;&lt;img src=x onerror=alert(2)&gt;"), "\(index)")
        #expect(index.components(separatedBy: "<script>").count == 2, "only the dashboard's own script")
        // The formula-looking family name first ("=" sorts before letters), then Aaron, de la Cruz.
        #expect(tableRows(index).map { $0[0] }.dropFirst() == ["Zed Aaron", "Maria de la Cruz"], "\(tableRows(index))")
        let csv = try parseCSV("\(out)/summary.csv")
        let h1 = try #require(csv.first { $0.first == "h1" })
        #expect(h1[1] == hostile)
        #expect(h1[2] == "'=HYPERLINK(\"http://x\")", "a formula is written as text: \(h1)")
    }
}
