import Foundation
import Testing
import MatchPlanTestSupport

/// `matchplan check`: load and validate only; every problem printed; writing commands' exit codes.
@Suite struct CheckCommandTests {
    @Test func goodInputsPassAndNothingIsWritten() throws {
        let folder = try Repository.temporaryFolder()
        for arguments in [["Content/profiles/example.yaml"], ["--roster", "Content/profiles/roster.csv"],
                          ["--site", "Content/site/site.yaml"], ["--content", "Content", "--templates", "Templates"]] {
            let run = try matchplan(["check"] + arguments.map { $0.hasPrefix("-") ? $0 : Repository.path($0) }, in: folder)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout.contains("no problems found"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "check must write nothing")
    }

    /// Tester report item 6: a writing command line becomes a check by changing its name; the
    /// output options are accepted, their values checked, and nothing is written.
    @Test func writingOptionsAreAcceptedCheckedAndIgnored() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        for arguments in [["--roster", "Content/profiles/roster.csv", "--out", out, "--format", "md", "--today", "2026-08-15"],
                          ["Content/profiles/high.yaml", "--out", out, "--format", "html,json", "--today", "2026-08-15"],
                          ["--config", "Content/site/site.yaml", "--out", out]] {
            let run = try matchplan(["check"] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out), "check must write nothing")
        let badDate = try matchplan(["check", "Content/profiles/high.yaml", "--today", "2026-02-30"])
        #expect(badDate.status == 64 && badDate.stderr.contains("--today expects a real date"), "\(badDate)")
        let badFormat = try matchplan(["check", "Content/profiles/high.yaml", "--format", ""])
        #expect(badFormat.status == 64 && badFormat.stderr.contains("--format expects html, md, ics, json"), "\(badFormat)")
    }

    /// Tester report item 5: a profile's independent fields are all checked, and the summary
    /// names the file the problems are in.
    @Test func everyBadFieldOfAProfileIsListed() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/profile.yaml"
        try "match_year: 2027\nstage: senior\ndegree: PhD\nfoo: 1\nir: { mentor: yes, shadowing: maybe }\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try matchplan(["check", path])
        #expect(run.status == 65)
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("matchplan: error: ") }
        #expect(errors.count == 5, "\(run.stderr)")
        #expect(errors.first?.contains("\(path):4:1: unknown key 'foo'") == true, "\(run.stderr)")
        #expect(run.stderr.contains("\(path):2:8: stage:") && run.stderr.contains("\(path):3:9: degree:"), "\(run.stderr)")
        #expect(run.stderr.contains("ir.mentor:") && run.stderr.contains("ir.shadowing:"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("5 problems in \(path); nothing was written\n"), "\(run.stderr)")
        // The writing command stops at the first, as before.
        let report = try matchplan(["report", path, "--out", folder + "/out"])
        #expect(report.status == 65 && report.stderr.contains("unknown key 'foo'") && report.stderr.split(separator: "\n").count == 1, "\(report)")
    }

    /// Tester report item 5: every bad site page, guidance page and template override is listed.
    @Test func everyBadPageGuidanceFileAndTemplateIsListed() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let badFrontMatter = "---\ntitle: [x\n---\nText.\n"
        // Site pages.
        try Repository.copy("Content/site", to: folder + "/site")
        for index in 1...3 { try badFrontMatter.write(toFile: folder + "/site/pages/bad\(index).md", atomically: true, encoding: .utf8) }
        let site = try matchplan(["check", "--site", folder + "/site/site.yaml"])
        #expect(site.status == 65)
        for index in 1...3 { #expect(site.stderr.contains("\(folder)/site/pages/bad\(index).md:3:1: YAML syntax error"), "\(site.stderr)") }
        // Guidance pages.
        try Repository.copy("Content", to: folder + "/Content")
        for page in ["faq/faq.md", "timing/timing-t3.md"] {
            try badFrontMatter.write(toFile: folder + "/Content/guidance/" + page, atomically: true, encoding: .utf8)
        }
        let content = try matchplan(["check", "--content", folder + "/Content", "--templates", "Templates"])
        #expect(content.status == 65)
        #expect(content.stderr.contains("guidance/faq/faq.md:3:1") && content.stderr.contains("guidance/timing/timing-t3.md:3:1"), "\(content.stderr)")
        // Template overrides.
        try FileManager.default.createDirectory(atPath: folder + "/overrides/partials", withIntermediateDirectories: true)
        try "{{#x}}\n".write(toFile: folder + "/overrides/partials/glance.html.mustache", atomically: true, encoding: .utf8)
        try "{{#y}}\n".write(toFile: folder + "/overrides/partials/checklist.html.mustache", atomically: true, encoding: .utf8)
        let templates = try matchplan(["check", "Content/profiles/high.yaml", "--templates", folder + "/overrides"])
        #expect(templates.status == 65)
        #expect(templates.stderr.contains("partials/glance.html.mustache:1:1") && templates.stderr.contains("partials/checklist.html.mustache:1:1"),
                "\(templates.stderr)")
        #expect(templates.stderr.contains("2 problems in "), "\(templates.stderr)")
    }

    /// The summary names the template a problem is in, not the profile being checked.
    @Test func summaryNamesTheFileTheProblemIsIn() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/partials", withIntermediateDirectories: true)
        try "{{#x}}\n".write(toFile: folder + "/partials/glance.html.mustache", atomically: true, encoding: .utf8)
        let run = try matchplan(["check", "Content/profiles/high.yaml", "--templates", folder])
        #expect(run.status == 65)
        #expect(run.stderr.contains("1 problem in \(folder)/partials/glance.html.mustache (checking Content/profiles/high.yaml)"), "\(run.stderr)")
    }

    @Test func everyBadRowIsListedNotJustTheFirst() throws {
        let folder = try Repository.temporaryFolder()
        let roster = folder + "/students.csv"
        try "id,match_year,step2ck_score\na,2027,250\nb,2027,999\nc,1990,240\na,2027,250\n".write(toFile: roster, atomically: true, encoding: .utf8)
        let run = try matchplan(["check", "--roster", roster])
        #expect(run.status == 65)
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("matchplan: error: ") }
        #expect(errors.count == 3, "\(run.stderr)")
        #expect(errors[0].contains("students.csv:3:") && errors[0].contains("step2ck_score"))
        #expect(errors[1].contains("students.csv:4:"))
        #expect(errors[2].contains("students.csv:5:") && errors[2].contains("ids must be unique"))
        #expect(run.stderr.contains("3 problems"))
    }

    @Test func everyBadInputOfAContentFolderIsListed() throws {
        let folder = try Repository.temporaryFolder()
        try Repository.copy("Content", to: folder + "/Content")
        try Repository.copy("Templates", to: folder + "/Templates")
        try "---\nid: one\ntitle: One\nsection: faq\nrules: [NOPE1]\n---\nBody\n".write(toFile: folder + "/Content/guidance/zz-one.md", atomically: true, encoding: .utf8)
        try "---\nid: two\ntitle: Two\nsection: faq\nrules: [NOPE2]\n---\nBody\n".write(toFile: folder + "/Content/guidance/zz-two.md", atomically: true, encoding: .utf8)
        try "{{#unclosed}}\n".write(toFile: folder + "/Templates/site/page.html.mustache", atomically: true, encoding: .utf8)
        let run = try matchplan(["check", "--content", folder + "/Content", "--templates", folder + "/Templates"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("NOPE1") && run.stderr.contains("NOPE2"), "\(run.stderr)")
        #expect(run.stderr.contains("site/page.html.mustache:1:1"), "\(run.stderr)")
    }

    @Test func exitCodesMatchTheWritingCommands() throws {
        let missing = try matchplan(["check", "no-such-profile.yaml"])
        let report = try matchplan(["report", "no-such-profile.yaml", "--out", try Repository.temporaryFolder()])
        #expect(missing.status == 66 && report.status == 66)
        #expect(missing.stderr.hasPrefix(report.stderr.split(separator: "\n")[0] + "\n"), "same message as report")
        let usage = try matchplan(["check"])
        #expect(usage.status == 64)
    }

    @Test func versionIsPrinted() throws {
        let run = try matchplan(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: ".").count == 3)
    }
}
