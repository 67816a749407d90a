import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanRender
import MatchPlanTestSupport

/// The report's structure, for every bundled profile at dates across the season: no HTML id
/// twice, every in-page link and label pointing at an id that exists, no heading said twice,
/// pictures with a text alternative, and a Markdown report that cmark (the project's own
/// Markdown engine) reads without GFM-only syntax showing through.
@Suite struct ReportStructureTests {
    static let dates = ["2026-08-15", "2026-12-01", "2027-09-20"]
    static var profiles: [String] {
        let folder = Repository.path("Content/profiles")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }

    static func reports(_ profile: String, formats: [ReportFormat]) throws -> [[(name: String, contents: String)]] {
        let workspace = GoldenReportTests.workspace
        return try dates.map { day in
            let (plan, cycle) = try workspace.plan(profilePath: Repository.path("Content/profiles/\(profile)"), today: CalendarDate(iso: day)!)
            return try ReportRenderer(templates: workspace.templates!, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
                .render(plan, formats: formats)
        }
    }

    /// Every `id="…"` in the tags of `html` (attribute values are quoted by every template).
    static func ids(_ html: String) -> [String] {
        matches(of: #"<[a-zA-Z][^<>]*?\sid="([^"]*)""#, in: html)
    }

    static func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
    }

    @Test func bundledProfilesAreFound() {
        #expect(Self.profiles.count >= 9)
    }

    @Test(arguments: profiles)
    func noDuplicateIdsAndEveryReferenceResolves(profile: String) throws {
        for report in try Self.reports(profile, formats: [.html, .htmlWithGuidanceOpen]) {
            for file in report {
                let ids = Self.ids(file.contents)
                #expect(ids.count > 20)
                var seen: Set<String> = []
                for id in ids where !seen.insert(id).inserted { Issue.record("\(profile): the id '\(id)' appears twice") }
                let references = Self.matches(of: ##"href="#([^"]+)""##, in: file.contents)
                    + Self.matches(of: #"aria-labelledby="([^"]+)""#, in: file.contents).flatMap { $0.split(separator: " ").map(String.init) }
                for reference in references where !seen.contains(reference) { Issue.record("\(profile): '#\(reference)' points at no id") }
            }
        }
    }

    @Test(arguments: profiles)
    func noHeadingTwice(profile: String) throws {
        for report in try Self.reports(profile, formats: [.html, .md]) {
            for file in report {
                let headings = file.name.hasSuffix(".html")
                    ? Self.matches(of: #"<h[1-6][^>]*>(.*?)</h[1-6]>"#, in: file.contents)
                    : Self.matches(of: #"(?m)^#{1,6} ([^\n]*)$"#, in: file.contents)
                #expect(headings.count > 5)
                var seen: Set<String> = []
                for heading in headings where !seen.insert(heading.lowercased()).inserted {
                    Issue.record("\(profile) \(file.name): the heading '\(heading)' appears twice")
                }
            }
        }
    }

    @Test(arguments: profiles)
    func picturesHaveTextAlternatives(profile: String) throws {
        for report in try Self.reports(profile, formats: [.html]) {
            let html = report[0].contents
            let svgs = Self.matches(of: #"(<svg[^>]*>)"#, in: html)
            // A picture is an image with a name; a decorative drawing (the program list's bars,
            // whose numbers are printed beside them) is hidden from assistive technology.
            let pictures = svgs.filter { !$0.contains(#"aria-hidden="true""#) }
            for svg in pictures {
                #expect(svg.contains(#"role="img""#) && svg.contains("aria-labelledby="), "\(profile): \(svg)")
            }
            // Each picture is in a figure, and every figure has a caption that says it in words.
            let figures = Self.matches(of: #"(<figure)"#, in: html).count
            #expect(figures >= pictures.count)
            #expect(Self.matches(of: #"(<figcaption)"#, in: html).count == figures)
        }
    }

    /// The Markdown report through cmark: a GFM table or task list would come out as literal
    /// pipes and brackets.
    @Test(arguments: profiles)
    func markdownReadsRightThroughCmark(profile: String) throws {
        for report in try Self.reports(profile, formats: [.md]) {
            let html = Markdown.html(report[0].contents)
            #expect(html.contains("<h2>Do this now</h2>"))
            for literal in ["|---", "| ---", "[x]", "[ ]", "[X]"] {
                #expect(!html.contains(literal), "\(profile): cmark leaves '\(literal)' in the Markdown report")
            }
        }
    }

    /// The guidance prints only on request: collapsed by default, open with `--print-guidance`.
    @Test func guidanceIsCollapsedUnlessAskedFor() throws {
        let reports = try Self.reports("example.yaml", formats: [.html, .htmlWithGuidanceOpen])
        let closed = reports[1][0].contents, open = reports[1][1].contents
        #expect(closed.contains(#"<details class="guidance" id="guide-"#))
        #expect(!closed.contains(#"<details class="guidance" id="guide-band-borderline" open>"#))
        #expect(open.contains(#"<section class="appendix open""#))
        #expect(Self.matches(of: #"(<details class="guidance"[^>]*open>)"#, in: open).count
                == Self.matches(of: #"(<details class="guidance")"#, in: open).count)
    }
}
