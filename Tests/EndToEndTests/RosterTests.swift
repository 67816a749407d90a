import Foundation
import Testing
import MatchPlanTestSupport

/// End-to-end tests of `matchplan report --roster`.
@Suite struct RosterTests {
    static let header = "id,name,match_year,stage,step1,step2ck_score,step2ck_date,clerkships_surgery,letters_ir,pathway"

    func roster(_ rows: [String]) throws -> String {
        let folder = try Repository.temporaryFolder()
        let path = "\(folder)/students.csv"
        try ([Self.header] + rows).joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func badRowIsListedAndTheGoodReportsAreWritten() throws {
        let path = try roster([
            "s1,\"Lee, Jordan\",2027,MS4,pass,248,2026-07-08,high_pass,1,both",
            "s2,Bad Score,2027,MS4,pass,abc,,,,",
            "s3,Sam Rivera,2027,MS4,pass,238,2026-08-20,pass,2,both",
        ])
        let out = (path as NSString).deletingLastPathComponent + "/reports"
        let run = try matchplan(["report", "--roster", path, "--out", out, "--today", "2026-08-15"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(path):3:6: column step2ck_score: expected a reported score from 1 to 300, found 'abc'"), "\(run.stderr)")
        #expect(run.stderr.contains("1 of 3 profiles failed"))
        let files = FileTree.files(out)
        #expect(files.contains("s1.html") && files.contains("s1.md"))
        #expect(files.contains("s3.html"))
        #expect(!files.contains { $0.hasPrefix("s2") })
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(index.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(index.contains("Confidential"))
        #expect(index.contains("<a href=\"s1.html\">Lee, Jordan</a>"), "the link is named by the student's name")
        // The bad row is in the table too, marked, with its id and the error.
        #expect(index.contains("class=\"failed\"><th scope=\"row\" data-sort=\"score bad score\">Bad Score<span class=\"id\">s2</span>"), "\(index)")
        #expect(run.stderr.contains("\(path):3:6: column step2ck_score: expected a reported score from 1 to 300, found 'abc' [id: s2]"), "\(run.stderr)")
        #expect(index.contains("1 profiles could not be read"))
    }

    @Test func slugsNeverEscapeTheOutputFolder() throws {
        let path = try roster([
            "../../escape,Escaper,2027,MS4,pass,250,,,,",
            "/etc/x,Root,2027,MS4,pass,250,,,,",
            "ok-1,Fine,2027,MS4,pass,250,,,,",
        ])
        let folder = (path as NSString).deletingLastPathComponent
        let run = try matchplan(["report", "--roster", path, "--out", "\(folder)/reports", "--today", "2026-08-15"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("found '../../escape'"), "\(run.stderr)")
        #expect(run.stderr.contains("found '/etc/x'"), "\(run.stderr)")
        #expect(FileTree.files("\(folder)/reports").filter { $0.hasSuffix(".html") } == ["index.html", "ok-1.html"])
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/escape"))
    }

    @Test func folderOfProfilesGivesOneReportEach() throws {
        let out = try Repository.temporaryFolder() + "/reports"
        let run = try matchplan(["report", "--roster", "Content/profiles", "--out", out, "--today", "2026-08-15", "--format", "md"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = FileTree.files(out)
        let reports = files.filter { $0.hasSuffix(".md") }
        #expect(reports.count == 11, "\(reports)")
        #expect(reports.contains("jordan-lee.md"), "the id names the report")
        #expect(reports.contains("high.md"), "the file name names the report when there is no id")
        #expect(files.filter { $0.hasSuffix(".html") } == ["index.html"], "--format md writes no HTML report: \(files)")
        // With only Markdown written, the overview links the Markdown reports.
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"high.md\">Avery High</a><span class=\"id\">high</span>"), "\(index)")
    }

    /// Tester report item 4: with `--format json` only plans are written, and the overview links
    /// them (it linked `<slug>.md`, which did not exist).
    @Test func jsonOnlyRosterOverviewLinksThePlans() throws {
        let out = try Repository.temporaryFolder() + "/reports"
        let run = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--out", out, "--format", "json", "--today", "2026-08-15"])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        let links = FileTree.links(in: index).filter { !$0.hasPrefix("#") }
        // By family name: Chen, Lee, Morgan, Patel, Rivera.
        #expect(links == ["rchen", "jlee", "cmorgan", "mpatel", "srivera"].map { "\($0).json" }, "\(links)")
        for link in links { #expect(FileManager.default.fileExists(atPath: "\(out)/\(link)"), "\(link) is linked but missing") }
    }

    /// The reports sit beside index.html (`<slug>.html`, `<slug>.md`): no folder per student.
    @Test func layoutIsFlat() throws {
        let out = try Repository.temporaryFolder() + "/reports"
        let run = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--out", out, "--today", "2026-08-15"])
        #expect(run.status == 0, "\(run.stderr)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let slugs = ["cmorgan", "jlee", "mpatel", "rchen", "srivera"]
        #expect(entries == ([".matchplan-output", "index.html", "summary.csv"] + slugs.flatMap { ["\($0).html", "\($0).md"] }).sorted(), "\(entries)")
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        let links = FileTree.links(in: index).filter { !$0.hasPrefix("#") }
        #expect(links == ["rchen", "jlee", "cmorgan", "mpatel", "srivera"].map { "\($0).html" }, "by family name: \(links)")
        for link in links { #expect(FileManager.default.fileExists(atPath: "\(out)/\(link)"), "\(link) is linked but missing") }
    }

    /// An id whose report would be index.html (the overview) is refused like any bad id, in a
    /// CSV roster and in a folder of profiles, and the overview stays the overview.
    @Test func anIdNamedIndexIsRefused() throws {
        let path = try roster([
            "ok-1,Fine,2027,MS4,pass,250,,,,",
            "index,Index,2027,MS4,pass,250,,,,",
            "INDEX.,Index Again,2027,MS4,pass,250,,,,",
        ])
        let folder = (path as NSString).deletingLastPathComponent
        let out = "\(folder)/reports"
        let run = try matchplan(["report", "--roster", path, "--out", out, "--today", "2026-08-15"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("2 of 3 profiles failed"), "\(run.stderr)")
        #expect(run.stderr.contains("\(path):3:1: column id: the report name 'index' is reserved (index.html is the class overview); choose another id"), "\(run.stderr)")
        #expect(run.stderr.contains("\(path):4:1: column id: the report name 'index' is reserved"), "\(run.stderr)")
        #expect(FileTree.files(out) == [".matchplan-output", "index.html", "ok-1.html", "ok-1.md", "summary.csv"])
        let index = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(index.contains("Class IR strategy reports") && index.contains("2 profiles could not be read"))

        let profiles = "\(folder)/profiles"
        try FileManager.default.createDirectory(atPath: profiles, withIntermediateDirectories: false)
        try "match_year: 2027\n".write(toFile: "\(profiles)/index.yaml", atomically: true, encoding: .utf8)
        try "match_year: 2027\n".write(toFile: "\(profiles)/ann.yaml", atomically: true, encoding: .utf8)
        let fromFolder = try matchplan(["report", "--roster", profiles, "--out", "\(folder)/from-folder", "--today", "2026-08-15"])
        #expect(fromFolder.status == 65)
        #expect(fromFolder.stderr.contains("\(profiles)/index.yaml: id: the report name 'index' is reserved"), "\(fromFolder.stderr)")
        #expect(FileTree.files("\(folder)/from-folder") == [".matchplan-output", "ann.html", "ann.md", "index.html", "summary.csv"])
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let folder = try Repository.temporaryFolder()
        try "keep me".write(toFile: "\(folder)/notes.txt", atomically: true, encoding: .utf8)
        let path = try roster(["s1,A,2027,MS4,pass,248,,,,"])
        let run = try matchplan(["report", "--roster", path, "--out", folder, "--today", "2026-08-15"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("was not made by MatchPlan"), "\(run.stderr)")
        #expect(try String(contentsOfFile: "\(folder)/notes.txt", encoding: .utf8) == "keep me")
    }

    @Test func unknownColumnStopsBeforeWritingAnything() throws {
        let folder = try Repository.temporaryFolder()
        let path = "\(folder)/students.csv"
        try "id,match_year,step2_ck_score\ns1,2027,240\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try matchplan(["report", "--roster", path, "--out", "\(folder)/reports"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(path):1:3: unknown column 'step2_ck_score'; did you mean 'step2ck_score'?"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/reports"))
    }

    @Test func sameRosterSameBytes() throws {
        let folder = try Repository.temporaryFolder()
        for name in ["a", "b"] {
            let run = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--out", "\(folder)/\(name)", "--today", "2026-08-15"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let a = FileTree.snapshot("\(folder)/a"), b = FileTree.snapshot("\(folder)/b")
        #expect(a.count == 13)
        #expect(a == b)
    }
}
