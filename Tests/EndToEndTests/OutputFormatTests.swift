import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanRender
import MatchPlanTestSupport

/// Output formats are values: each names its file, media type and templates, and `--format`
/// accepts every known one by name.
@Suite struct OutputFormatTests {
    @Test func everyFormatHasItsOwnNameFileAndMediaType() {
        let known = OutputFormat.known
        #expect(Set(known.map(\.name)).count == known.count)
        #expect(Set(known.map(\.fileName)).count == known.count)
        #expect(known.allSatisfy { !$0.mediaType.isEmpty && OutputFormat(rawValue: $0.name) == $0 })
        #expect(OutputFormat(rawValue: "pdf") == nil)
        #expect(OutputFormat.allCases.map(\.fileName) == ["report.html", "report.md", "report.ics"])
        #expect(OutputFormat.rosterDefaults.map(\.name) == ["html", "md", "csv"])
        #expect(OutputFormat.known.filter(\.isRosterSummary) == [.summaryCSV], "summary.csv is one file per roster")
    }

    @Test func templatedFormatsNeedTemplatesThatExist() throws {
        for format in OutputFormat.known where !format.requiredTemplates.isEmpty {
            for name in format.requiredTemplates {
                #expect(FileManager.default.fileExists(atPath: Repository.path("Templates/\(name).mustache")), "\(format): \(name)")
            }
        }
        #expect(OutputFormat.planJSON.requiredTemplates.isEmpty)
    }

    /// A format names the content type its templates escape with, and each of its templates
    /// declares it on its first line (swift-mustache starts every partial in HTML, so a partial
    /// that forgot would HTML-escape Markdown); HTML is swift-mustache's default, never declared.
    @Test func templatedFormatsDeclareTheirContentType() throws {
        #expect(OutputFormat.html.contentType == "HTML" && OutputFormat.md.contentType == "MARKDOWN")
        #expect(OutputFormat.planJSON.contentType == nil && OutputFormat.ics.contentType == nil)
        for format in OutputFormat.known where !format.requiredTemplates.isEmpty {
            let type = try #require(format.contentType, "\(format)")
            for name in format.requiredTemplates {
                let text = try String(contentsOfFile: Repository.path("Templates/\(name).mustache"), encoding: .utf8)
                if type == "HTML" {
                    #expect(!text.contains("CONTENT_TYPE"), "\(name)")
                } else {
                    #expect(text.hasPrefix("{{% CONTENT_TYPE: \(type)}}\n"), "\(name)")
                }
            }
        }
    }

    @Test func jsonFormatWritesThePlanAsThePlanCommandPrintsIt() throws {
        let out = try Repository.temporaryFolder()
        let report = try matchplan(["report", "Content/profiles/solid.yaml", "--out", out, "--format", "json", "--today", "2026-08-15"])
        #expect(report.status == 0, "\(report.stderr)")
        let plan = try matchplan(["plan", "Content/profiles/solid.yaml", "--today", "2026-08-15"])
        #expect(try String(contentsOfFile: out + "/plan.json", encoding: .utf8) == plan.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["plan.json"])
    }

    /// The compiled-template layer's debugging switch renders everything through swift-mustache:
    /// the same bytes as the compiled path (a roster, so shapes repeat and compile).
    @Test func renderDirectlySwitchGivesTheSameBytes() throws {
        let compiled = try Repository.temporaryFolder() + "/compiled", direct = try Repository.temporaryFolder() + "/direct"
        let roster = "Content/profiles/roster.csv"
        let a = try matchplan(["report", "--roster", roster, "--out", compiled, "--today", "2026-08-15"])
        let b = try matchplan(["report", "--roster", roster, "--out", direct, "--today", "2026-08-15"],
                              extraEnvironment: ["MATCHPLAN_RENDER_DIRECTLY": "1"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: compiled).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.count > 5)
        for name in names {
            #expect(FileManager.default.contents(atPath: compiled + "/" + name) == FileManager.default.contents(atPath: direct + "/" + name), "\(name)")
        }
    }
}
