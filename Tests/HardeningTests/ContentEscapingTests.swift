import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender
import MatchPlanTestSupport

/// Payloads through front matter (`title`; `rules` only takes ids listed in rules.yaml, so a
/// payload there is refused at load) and the cycle file's displayed text
/// (`signals.source`, `signals.evidence`), and a hostile Markdown body
/// (`Tests/BadInputs/payloads/hostile-page.md`) through cmark's safe mode.
@Suite struct ContentEscapingTests {
    static let solid = "Content/profiles/solid.yaml"

    /// A copy of `Content/` with the FAQ page's title and the 2027 cycle's signal
    /// texts set to `payload` (or left alone for nil).
    static func content(payload: String?) throws -> String {
        let folder = try Repository.temporaryFolder()
        let content = (folder as NSString).appendingPathComponent("Content")
        try Repository.copy("Content", to: content)
        guard let payload else { return content }
        // Escaped for use as a regular-expression replacement template ($ and \ are special there).
        let quoted = NSRegularExpression.escapedTemplate(for: EscapingTests.yamlQuoted(payload))
        let faq = "\(content)/guidance/faq/faq.md"
        var page = try String(contentsOfFile: faq, encoding: .utf8)
        page = page.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: \(quoted)", options: .regularExpression)
        try page.write(toFile: faq, atomically: true, encoding: .utf8)
        let cycle = "\(content)/cycles/2027.yaml"
        var text = try String(contentsOfFile: cycle, encoding: .utf8)
        for key in ["source", "evidence"] {
            text = text.replacingOccurrences(of: "(?m)^  \(key): .*$", with: "  \(key): \(quoted)", options: .regularExpression)
        }
        try text.write(toFile: cycle, atomically: true, encoding: .utf8)
        return content
    }

    static func report(content: String) throws -> (html: String, markdown: String) {
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let profile = try String(contentsOfFile: Repository.path(solid), encoding: .utf8)
        return try EscapingTests.report(profile: profile, content: content)
    }

    static let benign = Result { try report(content: content(payload: nil)) }

    /// A page's `rules` may name only ids from rules.yaml: a payload there never reaches a page.
    @Test func payloadInRulesIsRefusedAtLoad() throws {
        let content = try Self.content(payload: nil)
        defer { try? FileManager.default.removeItem(atPath: (content as NSString).deletingLastPathComponent) }
        let faq = "\(content)/guidance/faq/faq.md"
        let page = try String(contentsOfFile: faq, encoding: .utf8)
            .replacingOccurrences(of: #"(?m)^rules: \["#, with: #"rules: ["<script>alert(1)</script>", "#, options: .regularExpression)
        try page.write(toFile: faq, atomically: true, encoding: .utf8)
        let run = try matchplan(["plan", Repository.path(Self.solid), "--content", content])
        #expect(run.status == 0, "plan does not load guidance pages")
        let out = try Repository.temporaryFolder()
        let report = try matchplan(["report", Repository.path(Self.solid), "--content", content, "--out", out])
        #expect(report.status == 65)
        #expect(report.stderr.contains("rules: the rule id '<script>alert(1)</script>' is not a MatchPlan rule"), "\(report.stderr)")
    }

    @Test(arguments: EscapingTests.payloads)
    func frontMatterAndCycleValuesAreEscapedInHTML(_ payload: String) throws {
        let hostile = try Self.report(content: Self.content(payload: payload))
        #expect(hostile.html.contains("<details class=\"guidance\" id=\"guide-faq\">"), "the payload page must be in the report")
        let scanner = HTMLScanner(hostile.html)
        #expect(scanner.fingerprint() == HTMLScanner(try Self.benign.get().html).fingerprint(), "payload changed the markup: \(payload)")
        #expect(scanner.dangerousURLs().isEmpty, "\(scanner.dangerousURLs())")
    }

    /// report.md is read as Markdown (GitHub, editors): content titles must not carry raw tags into it.
    @Test func frontMatterValuesAreEscapedInMarkdown() throws {
        let hostile = try Self.report(content: Self.content(payload: "<script>alert(1)</script>"))
        #expect(!EscapingTests.hasRawScriptTag(hostile.markdown))
    }

    @Test func hostileMarkdownBodyIsNeutralisedInSafeMode() throws {
        let content = try Self.content(payload: nil)
        try FileManager.default.copyItem(atPath: Repository.path("Tests/BadInputs/payloads/hostile-page.md"),
                                         toPath: "\(content)/guidance/faq/hostile-page.md")
        let html = try Self.report(content: content).html
        let start = try #require(html.range(of: "<details class=\"guidance\" id=\"guide-hostile-page\""), "page missing from the report")
        let end = try #require(html[start.lowerBound...].range(of: "</details>"))
        let article = String(html[start.lowerBound..<end.upperBound])
        let allowed: Set<String> = ["details", "summary", "p", "a", "img", "em", "strong", "code"]
        let tags = HTMLScanner(article).tags()
        #expect(Set(tags.map(\.name)).subtracting(allowed).isEmpty, "raw HTML passed through: \(article)")
        let attributes = Set(tags.flatMap { tag in tag.attributes.map { "\(tag.name)@\($0.name)" } })
        #expect(attributes.isSubset(of: ["details@class", "details@id", "p@class",
                                          "a@href", "img@src", "img@alt"]), "\(attributes)")
        #expect(HTMLScanner(html).dangerousURLs().isEmpty, "\(HTMLScanner(html).dangerousURLs())")
        #expect(article.contains("<!-- raw HTML omitted -->"))
        // Safe targets survive, so the filter is not simply dropping every link.
        #expect(article.contains("href=\"https://www.nrmp.org/\"") && article.contains("href=\"#timeline\""))
    }

    /// `data:` link targets are dropped in safe mode (the issue), including image types cmark allows.
    @Test func dataImageLinkTargetsAreDroppedInSafeMode() throws {
        let html = Markdown.html("[a png](data:image/png;base64,iVBORw0KGgo=) ![an image](data:image/gif;base64,R0lGOD==)")
        #expect(!html.contains("data:text"))
        #expect(HTMLScanner(html).dangerousURLs().isEmpty, "\(html)")
    }

    /// Raw HTML passes only when a site opts in with `unsafe_html: true` (ContentLoader(allowRawHTML:)).
    @Test func rawHTMLNeedsTheUnsafeSwitch() throws {
        let text = try String(contentsOfFile: Repository.path("Tests/BadInputs/payloads/hostile-page.md"), encoding: .utf8)
        let source = SourceText(path: "hostile-page.md", text: text)
        let safe = try ContentLoader().parse(source).html
        let unsafe = try ContentLoader(allowRawHTML: true).parse(source).html
        #expect(!safe.contains("<script"))
        #expect(HTMLScanner(safe).dangerousURLs().isEmpty, "\(safe)")
        #expect(HTMLScanner(unsafe).dangerousURLs().contains("javascript:alert(1)"))
        #expect(unsafe.contains("<script>alert(\"block\")</script>"))
    }
}
