import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// The site's pieces: image sizes, linked files, the pages' words from Content/, date order, the preview.
@Suite struct SiteBuildingTests {
    static let root = CompiledTemplatesTests.root
    static let paths = ProjectPaths(content: root + "/Content", templates: root + "/Templates")

    @Test func imageSizesComeFromTheHeaders() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 1, 44, 0, 0, 0, 60, 8, 2, 0, 0, 0])
        #expect(ImageSize.read(png, fileExtension: "PNG") == ImageSize(width: 300, height: 60))
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 40, 0, 160, 3, 0, 0, 0, 0])
        #expect(ImageSize.read(jpeg, fileExtension: "jpg") == ImageSize(width: 160, height: 40))
        var webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0]
        webp += [199, 0, 0, 49, 0, 0] + [UInt8](repeating: 0, count: 4)
        #expect(ImageSize.read(Data(webp), fileExtension: "webp") == ImageSize(width: 200, height: 50))
        #expect(ImageSize.read(Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 80"><rect/></svg>"#.utf8), fileExtension: "svg") == ImageSize(width: 320, height: 80))
        #expect(ImageSize.read(Data(#"<svg width="100px" height="50">"#.utf8), fileExtension: "svg") == ImageSize(width: 100, height: 50))
        #expect(ImageSize.read(Data("not an image".utf8), fileExtension: "png") == nil)
    }

    @Test func localLinkTargetsAreFoundWithTheirLines() {
        let body = "See ![a](img/a.png \"t\") and [b](docs/b%20c.pdf#p2).\n[web](https://x.org) [mail](mailto:a@b.c) [top](#top) [page](faq.html)\n```\n![skip](in-code.png)\n```\n[ref]: files/r.pdf\n"
        let found = SchoolPageFiles.localTargets(in: body, firstLine: 5)
        #expect(found.map(\.target) == ["img/a.png", "docs/b%20c.pdf#p2", "files/r.pdf"])
        #expect(found.map(\.line) == [5, 5, 10])
        #expect(SchoolPageFiles.filePart("docs/b%20c.pdf#p2") == "docs/b c.pdf")
    }

    @Test func thePagesAndTheirWordsComeFromContent() throws {
        let copy = try SiteCopyLoader.load(Self.root + "/Content/site-pages.yaml", inside: Self.root + "/Content")
        #expect(copy.pages.first?.file == "index.html")
        #expect(copy.pages.contains { $0.eachBand && $0.file == "band-{band}.html" })
        #expect(copy.timingScenarios.count == TimingScenario.allCases.count)
        let reserved = SiteRenderer.reservedFiles(copy, bands: Band.allCases)
        #expect(reserved.isSuperset(of: ["index.html", "404.html", "sitemap.xml", "band-low.html", "faq.html", "checklist.html"]))
        let swift = try String(contentsOfFile: Self.root + "/Sources/MatchPlanRender/SiteRenderer.swift", encoding: .utf8)
        #expect(!swift.contains("Interventional Radiology") && !swift.contains("Step 2 CK"), "no page copy in Swift")
    }

    @Test func aBadSitePagesFileIsAClearError() throws {
        let folder = NSTemporaryDirectory() + "site-copy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "pages:\n  - { file: index.html, nav: Home, title: Home, shows: [tabels] }\nnot_found: { title: x }\ntiming_scenarios: { T1: a, T2: b, T3: c }\n"
            .write(toFile: folder + "/site-pages.yaml", atomically: true, encoding: .utf8)
        let error = try #require(throws: MatchPlanError.self) { try SiteCopyLoader.load(folder + "/site-pages.yaml", inside: folder) }
        #expect(error.description.contains("site-pages.yaml:2:") && error.description.contains("tabels"), "\(error)")
    }

    @Test func theSiteChecklistIsInDateOrderAndProjectedDatesAreSaidOnce() throws {
        let folder = MemoryFolder()
        _ = try SiteBuild(paths: Self.paths, configPath: Self.root + "/Content/site/site.yaml").run(into: .memory(folder))
        let checklist = try #require(folder.text("checklist.html"))
        let iso = try NSRegularExpression(pattern: #"due (January|February|March|April|May|June|July|August|September|October|November|December) (\d+), (\d{4})"#)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let dates = iso.matches(in: checklist, range: NSRange(checklist.startIndex..., in: checklist)).map { match -> Int in
            func part(_ i: Int) -> String { String(checklist[Range(match.range(at: i), in: checklist)!]) }
            return Int(part(3))! * 10000 + (months.firstIndex(of: part(1))! + 1) * 100 + Int(part(2))!
        }
        #expect(dates.count > 10 && dates == dates.sorted(), "\(dates)")
        let timeline = try #require(folder.text("timeline.html"))
        #expect(!timeline.contains(": verify</span>"))
        #expect(timeline.components(separatedBy: "neither is official yet").count == 2)
    }

    @Test func thePreviewAnswersPathsAndKeepsTheLastGoodSite() throws {
        let preview = SitePreview(build: SiteBuild(paths: Self.paths, configPath: Self.root + "/Content/site/site.yaml"))
        guard case .built(let count) = preview.rebuildIfChanged() else { Issue.record("did not build"); return }
        #expect(count > 15)
        guard case .unchanged = preview.rebuildIfChanged() else { Issue.record("rebuilt without a change"); return }
        #expect(preview.response(for: "/").status == 200)
        #expect(preview.response(for: "/?x=1").body == preview.site.files["index.html"])
        #expect(preview.response(for: "/faq.html").mediaType == "text/html; charset=utf-8")
        #expect(preview.response(for: "/assets/rules.json").mediaType == "application/json")
        let missing = preview.response(for: "/a/b/missing.html")
        #expect(missing.status == 404 && missing.body == preview.site.files["404.html"])
        #expect(preview.response(for: "/../Package.swift").status == 404)
        #expect(preview.watchedPaths().contains(Self.root + "/Content/site/pages"))
    }
}
