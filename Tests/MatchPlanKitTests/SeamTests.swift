import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// The file-system seams: inputs read through ``FileIO`` and output published through a
/// ``FileSink``, both in memory, give exactly what the disk gives.
@Suite struct SeamTests {
    static let root = CompiledTemplatesTests.root
    static let paths = ProjectPaths(content: root + "/Content", templates: root + "/Templates")

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    @Test func aReportFromMemoryToMemoryMatchesTheGolden() throws {
        var files = ["memory/example.yaml": try Self.text("Content/profiles/example.yaml")]
        // The rules, guidance pages, cycles and templates are read through the seam too.
        for folder in ["Content", "Templates"] {
            for relative in FileTreeListing.files(under: Self.root + "/" + folder) {
                files["/memory/\(folder)/\(relative)"] = try Self.text(folder + "/" + relative)
            }
        }
        let io = FileIO.memory(files)
        let workspace = try Workspace.load(paths: InMemoryLoadingTests.paths, needsRendering: true, io: io)
        let folder = MemoryFolder()
        let names = try workspace.report(profilePath: "memory/example.yaml", formats: ReportFormat.allCases + [.planJSON],
                                         to: .memory(folder), today: Fixtures.date("2026-08-15"))
        #expect(names == ["report.html", "report.md", "report.ics", "plan.json"])
        #expect(folder.text("report.html") == (try Self.text("Tests/Goldens/example.report.html")))
        #expect(folder.text("report.md") == (try Self.text("Tests/Goldens/example.report.md")))
        #expect(folder.text("report.ics") == (try Self.text("Tests/Goldens/example.report.ics")))
        #expect(folder.text("plan.json") == (try Self.text("Tests/Goldens/example.plan.json")))
    }

    @Test func aMissingFileInMemoryIsTheUsualError() throws {
        let error = try #require(throws: MatchPlanError.self) { try FileIO.memory([:]).readText("nowhere.yaml") }
        #expect(error.kind == .noInput && error.description == "nowhere.yaml: file not found")
        let bom = try FileIO.memory(["a.yaml": "\u{FEFF}a: 1\r\nb: 2\r\n"]).readText("a.yaml")
        #expect(bom.text == "a: 1\nb: 2\n")
    }

    @Test func theSiteBuildsIntoMemory() throws {
        let folder = MemoryFolder()
        let written = try SiteBuild(paths: Self.paths, configPath: Self.root + "/Content/site/site.yaml").run(into: .memory(folder))
        #expect(written == folder.files.keys.sorted())
        #expect(written.contains("index.html") && written.contains("timeline.html"))
        #expect(folder.text("index.html")?.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test func aProfileErrorNamesItsStage() throws {
        let io = FileIO.memory([
            "memory/bad.yaml": "match_year: 2027\nstep2ck:\n  score: 999\n",
            Self.paths.content + "/rules.yaml": try Self.text("Content/rules.yaml"),
        ])
        let workspace = try Workspace.load(paths: Self.paths, needsRendering: false, io: io)
        let error = try #require(throws: MatchPlanError.self) { try workspace.plan(profilePath: "memory/bad.yaml", today: Fixtures.date("2026-08-15")) }
        #expect(error.stage == .load && error.file == "memory/bad.yaml" && error.location?.line == 3)
        let outside = Validation.outputFolder(Self.paths.content + "/out", paths: Self.paths)
        #expect(outside.count == 1 && outside[0].stage == .validate && outside[0].kind == .cannotCreate)
    }
}
