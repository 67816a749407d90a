import Foundation
import Testing
import MatchPlanTestSupport

/// End-to-end: runs the built `matchplan` binary as a user would.
@Suite struct CLITests {
    @Test func reportWritesHTMLAndMarkdown() throws {
        let out = try Repository.temporaryFolder()
        let run = try matchplan(["report", "Content/profiles/solid.yaml", "--out", out, "--today", "2026-08-15"])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        let markdown = try String(contentsOfFile: "\(out)/report.md", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(!html.contains("http://") && !html.contains("https://"), "the page must not load anything from the network")
        #expect(markdown.hasPrefix("# IR application strategy for Jordan Lee"))
        #expect(run.stdout.contains("report.html") && run.stdout.contains("report.md"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "staging folder left behind: \(leftovers)")
    }

    @Test func formatOptionWritesOnlyMarkdown() throws {
        let out = try Repository.temporaryFolder()
        let run = try matchplan(["report", "Content/profiles/high.yaml", "--out", out, "--format", "md", "--today", "2026-08-15"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(out)/report.md"))
        #expect(!FileManager.default.fileExists(atPath: "\(out)/report.html"))
    }

    @Test func planPrintsJSONWithTheDocumentedKeys() throws {
        let run = try matchplan(["plan", "Content/profiles/solid.yaml", "--today", "2026-08-15"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["band"] as? String == "solid")
        #expect(json["scenario"] as? String == "solid")
        let step2 = try #require(json["step2ck"] as? [String: Any])
        #expect(step2["score_used"] as? Int == 248)
        let list = try #require(json["list"] as? [String: Any])
        let ir = try #require(list["integrated_ir"] as? [String: Any])
        let dr = try #require(list["diagnostic_radiology"] as? [String: Any])
        #expect(ir["min"] as? Int == 20 && ir["max"] as? Int == 30)
        #expect(dr["min"] as? Int == 10 && dr["max"] as? Int == 20)
        let timing = try #require(json["timing"] as? [String: Any])
        #expect(timing["scenario"] as? String == "T1")
        #expect(timing["latest_date"] as? String == "2026-07-10")
        let checklist = try #require(json["checklist"] as? [[String: Any]])
        #expect(checklist.allSatisfy { $0["id"] is String && $0["rule"] is String && $0["status"] is String })
        let timeline = try #require(json["timeline"] as? [[String: Any]])
        #expect(timeline.allSatisfy { $0["id"] is String && $0["rule"] is String && $0["date"] is String && $0["status"] is String })
        #expect((json["red_flags"] as? [[String: Any]])?.first?["id"] as? String == "concern-leave-of-absence")
        #expect(json["warnings"] is [Any])
    }

    @Test func planOutputIsStableAcrossRuns() throws {
        let first = try matchplan(["plan", "Content/profiles/pending.yaml", "--today", "2026-08-15"])
        let second = try matchplan(["plan", "Content/profiles/pending.yaml", "--today", "2026-08-15"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func yamlSyntaxErrorNamesLineAndColumn() throws {
        let folder = try Repository.temporaryFolder()
        let profile = "\(folder)/broken.yaml"
        try "match_year: 2027\nstep2ck:\n  score: [248\n".write(toFile: profile, atomically: true, encoding: .utf8)
        let out = "\(folder)/out"
        let run = try matchplan(["report", profile, "--out", out, "--today", "2026-08-15"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(profile):4:1: YAML syntax error") || run.stderr.contains("\(profile):3:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing may be written for bad input")
    }

    @Test func wrongTypeNamesTheKeyAndWhatWasExpected() throws {
        let folder = try Repository.temporaryFolder()
        let profile = "\(folder)/wrong.yaml"
        try "match_year: 2027\nstep2ck:\n  score: high\n".write(toFile: profile, atomically: true, encoding: .utf8)
        let run = try matchplan(["plan", profile])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(profile):3:10: step2ck.score: expected a reported score from 1 to 300, found 'high'"), "\(run.stderr)")
    }

    @Test func unknownKeySuggestsTheNearestKnownKey() throws {
        let folder = try Repository.temporaryFolder()
        let profile = "\(folder)/typo.yaml"
        try "match_year: 2027\nstep2_ck:\n  score: 240\n".write(toFile: profile, atomically: true, encoding: .utf8)
        let run = try matchplan(["plan", profile])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(profile):2:1: unknown key 'step2_ck'; did you mean 'step2ck'?"), "\(run.stderr)")
    }

    @Test func missingProfileExits66() throws {
        let run = try matchplan(["report", "no/such/profile.yaml", "--out", "/tmp/never-written"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("no/such/profile.yaml: file not found"), "\(run.stderr)")
    }

    @Test func badTodayIsAUsageError() throws {
        let run = try matchplan(["plan", "Content/profiles/solid.yaml", "--today", "29/11/2026"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("YYYY-MM-DD"))
    }

    @Test func outputFolderThatIsAFileExits73() throws {
        let folder = try Repository.temporaryFolder()
        let file = "\(folder)/occupied"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try matchplan(["report", "Content/profiles/solid.yaml", "--out", file, "--today", "2026-08-15"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("the output path is a file"), "\(run.stderr)")
    }

    @Test func failedRunLeavesEarlierOutputIntact() throws {
        let out = try Repository.temporaryFolder()
        let good = try matchplan(["report", "Content/profiles/solid.yaml", "--out", out, "--today", "2026-08-15"])
        #expect(good.status == 0)
        let before = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        let bad = try matchplan(["report", "no/such.yaml", "--out", out])
        #expect(bad.status == 66)
        #expect(try String(contentsOfFile: "\(out)/report.html", encoding: .utf8) == before)
    }

    @Test func helpShowsAnExample() throws {
        let run = try matchplan(["report", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("matchplan report my-profile.yaml --out my-report/"))
    }
}
