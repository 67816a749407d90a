import Foundation
import Testing
import MatchPlanModel
import MatchPlanTestSupport

/// End-to-end tests of the site's branding, linked files and 404 page (issue 13, "The site").
@Suite struct SiteBrandingAndFilesTests {
    /// A school folder with a page that shows a wide image and links a PDF, a wide PNG logo and `site.yaml`.
    static func school(accent: String = "#ffcc33", baseURL: String? = nil) throws -> String {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/pages/img", withIntermediateDirectories: true)
        // A PNG header for a 200 × 50 image: enough for the size reader and for copying.
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, 200, 0, 0, 0, 50, 8, 2, 0, 0, 0])
        try png.write(to: URL(fileURLWithPath: "\(folder)/pages/img/wide.png"))
        try Data("%PDF-1.4\n".utf8).write(to: URL(fileURLWithPath: "\(folder)/pages/guide.pdf"))
        try """
        ---
        title: "Visiting the IR suite"
        ---
        The suite: ![The IR suite](img/wide.png)

        Download [the guide](guide.pdf#page=2), see [the checklist](checklist.html) or [NRMP](https://www.nrmp.org/).
        """.write(toFile: "\(folder)/pages/visit.md", atomically: true, encoding: .utf8)
        try """
        school: Test School
        cycle_year: 2027
        accent_color: "\(accent)"
        logo: pages/img/wide.png
        pages: pages
        \(baseURL.map { "base_url: \($0)" } ?? "")
        """.write(toFile: "\(folder)/site.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    static func accents(_ html: String) -> (light: String, dark: String)? {
        guard let light = html.range(of: "@media screen { :root { --accent: "),
              let dark = html.range(of: "@media screen and (prefers-color-scheme: dark) { :root { --accent: ") else { return nil }
        return (String(html[light.upperBound...].prefix(7)), String(html[dark.upperBound...].prefix(7)))
    }

    @Test func aLightAccentIsShadedOnTheLightSchemeAndSaidSo() throws {
        let folder = try Self.school()
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", "\(folder)/public"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("accent_color #ffcc33 has a contrast of 1.39:1 on the light background"), "\(run.stderr)")
        let home = try String(contentsOfFile: "\(folder)/public/index.html", encoding: .utf8)
        let (light, dark) = try #require(Self.accents(home))
        #expect(light != "#ffcc33" && dark == "#ffcc33")
        for ground in AccentPalette.lightBackgrounds { #expect(try #require(AccentPalette.contrast(light, ground)) >= 4.5) }
        for ground in AccentPalette.darkBackgrounds { #expect(try #require(AccentPalette.contrast(dark, ground)) >= 4.5) }
    }

    @Test func aDarkAccentIsLightenedOnTheDarkScheme() throws {
        let folder = try Self.school(accent: "#2a0a3a")
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", "\(folder)/public"])
        #expect(run.status == 0 && run.stderr.contains("the dark scheme uses #"), "\(run)")
        let (light, dark) = try #require(Self.accents(try String(contentsOfFile: "\(folder)/public/index.html", encoding: .utf8)))
        #expect(light == "#2a0a3a" && dark != "#2a0a3a")
        for ground in AccentPalette.darkBackgrounds { #expect(try #require(AccentPalette.contrast(dark, ground)) >= 4.5) }
    }

    @Test func linkedFilesAreCopiedBesideThePageAndTheLogoKeepsItsShape() throws {
        let folder = try Self.school()
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", "\(folder)/public"])
        #expect(run.status == 0, "\(run)")
        #expect(FileManager.default.contents(atPath: "\(folder)/public/img/wide.png") == FileManager.default.contents(atPath: "\(folder)/pages/img/wide.png"))
        #expect(FileManager.default.contents(atPath: "\(folder)/public/guide.pdf") == Data("%PDF-1.4\n".utf8))
        let page = try String(contentsOfFile: "\(folder)/public/visit.html", encoding: .utf8)
        #expect(page.contains("<img src=\"img/wide.png\" alt=\"The IR suite\""))
        #expect(page.contains("href=\"guide.pdf#page=2\""))
        #expect(page.contains("<img src=\"assets/logo.png\" alt=\"\" width=\"192\" height=\"48\">"), "200 × 50 shown 48 px high")
        #expect(!page.contains("<h2></h2>") && !page.contains("<p class=\"lead\"></p>") && !page.contains("Rules: </p>"))
    }

    @Test func aLinkToAMissingFileIsRefusedWithPageLineAndTarget() throws {
        let folder = try Self.school()
        #expect(try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", "\(folder)/public"]).status == 0)
        let before = FileTree.snapshot("\(folder)/public")
        try FileManager.default.removeItem(atPath: "\(folder)/pages/img/wide.png")
        let config = try String(contentsOfFile: "\(folder)/site.yaml", encoding: .utf8).replacingOccurrences(of: "logo: pages/img/wide.png", with: "")
        try config.write(toFile: "\(folder)/site.yaml", atomically: true, encoding: .utf8)
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", "\(folder)/public"])
        #expect(run.status == 66, "\(run)")
        #expect(run.stderr.contains("visit.md:4:1: the link 'img/wide.png' names a file that does not exist"), "\(run.stderr)")
        #expect(FileTree.snapshot("\(folder)/public") == before, "the earlier site is intact")
    }

    @Test func aLinkLeadingOutOfThePagesFolderIsRefused() throws {
        let folder = try Self.school()
        try "---\ntitle: Out\n---\nSee [the config](../site.yaml).\n".write(toFile: "\(folder)/pages/out.md", atomically: true, encoding: .utf8)
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", "\(folder)/public"])
        #expect(run.status == 65 && run.stderr.contains("out.md:4:1: the link '../site.yaml' leads out of the page's folder"), "\(run)")
    }

    @Test func theNotFoundPageIsAbsoluteWithABaseURL() throws {
        let folder = try Self.school(baseURL: "https://advising.example.edu/ir")
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", "\(folder)/public"])
        #expect(run.status == 0, "\(run)")
        let page = try String(contentsOfFile: "\(folder)/public/404.html", encoding: .utf8)
        let references = FileTree.links(in: page).filter { !$0.hasPrefix("#") && !$0.hasPrefix("mailto:") }
        #expect(references.count > 10 && references.allSatisfy { $0.hasPrefix("https://advising.example.edu/ir/") }, "\(references)")
        #expect(page.contains("<img src=\"https://advising.example.edu/ir/assets/logo.png\""))
        #expect(page.contains("visit.html"), "the school's page is in its navigation")
    }
}
