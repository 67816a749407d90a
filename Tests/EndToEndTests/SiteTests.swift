import Foundation
import Testing
import MatchPlanTestSupport

/// End-to-end tests of `matchplan site` with the bundled example configuration.
@Suite struct SiteTests {
    static let config = "Content/site/site.yaml"

    @Test func siteBuildsWithEveryPage() throws {
        let out = try Repository.temporaryFolder() + "/public"
        let run = try matchplan(["site", "--config", Self.config, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let files = FileTree.files(out)
        for page in ["index.html", "band-high.html", "band-solid.html", "band-borderline.html", "band-low.html", "pathways.html",
                     "step2ck.html", "whole-application.html", "signals.html", "timeline.html", "checklist.html", "faq.html",
                     "404.html", "advising.html", "assets/rules.json"] {
            #expect(files.contains(page), "missing \(page)")
        }
        #expect(!files.contains("sitemap.xml"), "no sitemap without a base URL")
        let home = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(home.contains("<title>Applying to Interventional Radiology · Example School of Medicine</title>"))
        #expect(home.contains("id=\"matchplan-rules\""), "the widget's rules data is embedded")
        #expect(home.contains("<table>"), "the bands table is there without JavaScript")
    }

    @Test func everyInternalLinkResolves() throws {
        let out = try Repository.temporaryFolder() + "/public"
        #expect(try matchplan(["site", "--config", Self.config, "--out", out]).status == 0)
        var checked = 0
        for page in FileTree.files(out) where page.hasSuffix(".html") {
            let html = try String(contentsOfFile: "\(out)/\(page)", encoding: .utf8)
            let ids = FileTree.ids(in: html)
            for link in FileTree.links(in: html) {
                if link.hasPrefix("mailto:") || link.hasPrefix("https://") || link.hasPrefix("http://") { continue }
                #expect(!link.hasPrefix("/"), "\(page): absolute link \(link) breaks under a sub-path")
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                if !parts[0].isEmpty {
                    let target = ((("\(out)/\(page)" as NSString).deletingLastPathComponent as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
                    #expect(FileManager.default.fileExists(atPath: target), "\(page): broken link \(link)")
                } else if parts.count == 2 {
                    #expect(ids.contains(parts[1]), "\(page): no element with id \(parts[1])")
                }
                checked += 1
            }
        }
        #expect(checked > 100, "expected many links, checked \(checked)")
    }

    @Test func schoolTemplateOverridesTheBuiltInFileByFile() throws {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/templates/site", withIntermediateDirectories: true)
        try "/* school override */ body { font-family: Georgia, serif; }".write(toFile: "\(folder)/templates/site/site.css.mustache", atomically: true, encoding: .utf8)
        let out = "\(folder)/public"
        let run = try matchplan(["site", "--config", Self.config, "--out", out, "--templates", "\(folder)/templates"])
        #expect(run.status == 0, "\(run.stderr)")
        let home = try String(contentsOfFile: "\(out)/index.html", encoding: .utf8)
        #expect(home.contains("/* school override */"))
        #expect(!home.contains(".site-nav ul {"), "the built-in site.css partial was replaced")
        #expect(home.contains("--ink: #1c2430"), "other built-in partials still apply")
    }

    @Test func baseURLAddsSitemapAndCanonicalLinks() throws {
        let folder = try Repository.temporaryFolder()
        let config = try String(contentsOfFile: Repository.path(Self.config), encoding: .utf8)
            .replacingOccurrences(of: "# base_url: https://advising.example.edu/ir/", with: "base_url: https://advising.example.edu/ir")
            .replacingOccurrences(of: "pages: pages", with: "pages: \(Repository.path("Content/site/pages"))")
        try config.write(toFile: "\(folder)/site.yaml", atomically: true, encoding: .utf8)
        let out = "\(folder)/public"
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let sitemap = try String(contentsOfFile: "\(out)/sitemap.xml", encoding: .utf8)
        #expect(sitemap.contains("<loc>https://advising.example.edu/ir/</loc>"))
        #expect(sitemap.contains("<loc>https://advising.example.edu/ir/band-low.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        let page = try String(contentsOfFile: "\(out)/faq.html", encoding: .utf8)
        #expect(page.contains("<link rel=\"canonical\" href=\"https://advising.example.edu/ir/faq.html\">"))
        // Tester report item 17: the 404 page is served at any depth, so its links are absolute.
        let notFound = try String(contentsOfFile: "\(out)/404.html", encoding: .utf8)
        let links = FileTree.links(in: notFound).filter { !$0.hasPrefix("#") && !$0.hasPrefix("mailto:") }
        #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("https://advising.example.edu/ir/") }, "\(links)")
        #expect(notFound.contains("<a href=\"https://advising.example.edu/ir/\">Go to the home page</a>"))
    }

    @Test func schoolContentReplacesABuiltInPage() throws {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.createDirectory(atPath: "\(folder)/content/guidance/faq", withIntermediateDirectories: true)
        try """
        ---
        id: "faq"
        title: "Our school's questions"
        section: "faq"
        rules: ["S0.4"]
        ---
        Ask the **Example School** IR advisor.
        """.write(toFile: "\(folder)/content/guidance/faq/faq.md", atomically: true, encoding: .utf8)
        let config = "school: Override U\ncycle_year: 2027\ncontent: content\n"
        try config.write(toFile: "\(folder)/site.yaml", atomically: true, encoding: .utf8)
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", "\(folder)/public"])
        #expect(run.status == 0, "\(run.stderr)")
        let faq = try String(contentsOfFile: "\(folder)/public/faq.html", encoding: .utf8)
        #expect(faq.contains("Our school&#39;s questions") || faq.contains("Our school's questions"))
        #expect(faq.contains("Ask the <strong>Example School</strong> IR advisor."))
    }

    @Test func siteHoldsNoStudentData() throws {
        let out = try Repository.temporaryFolder() + "/public"
        #expect(try matchplan(["site", "--config", Self.config, "--out", out]).status == 0)
        for (path, data) in FileTree.snapshot(out) {
            let text = String(decoding: data, as: UTF8.self)
            for name in ["Jordan Lee", "Riley Chen", "Morgan Patel"] {
                #expect(!text.contains(name), "\(path) contains the example student \(name)")
            }
        }
    }

    @Test func sameInputSameBytes() throws {
        let folder = try Repository.temporaryFolder()
        #expect(try matchplan(["site", "--config", Self.config, "--out", "\(folder)/a"]).status == 0)
        #expect(try matchplan(["site", "--config", Self.config, "--out", "\(folder)/b"]).status == 0)
        #expect(FileTree.snapshot("\(folder)/a") == FileTree.snapshot("\(folder)/b"))
    }
}
