import Foundation
import Testing
import MatchPlanTestSupport
import MatchPlanLoad

/// Payloads (`Tests/BadInputs/payloads/xss.txt`) through every displayed field of the site
/// (`school`, `footer`, advisor `name` and `role`, a school page's `title`, `nav_title` and
/// body) and of a roster (`name`, and a bad cell whose failure is listed in index.html). Every
/// HTML file is tokenized and compared with a benign build: a payload may change text, never add
/// an element, an attribute or a URL. Payloads with `"` or `'` followed by U+0301 test that
/// escaping works per Unicode scalar (swift-mustache escapes per Character).
@Suite struct SiteEscapingTests {
    static let benignSite = Result { try site(fields: "Example School", body: "Plain text.") }

    /// Builds a site in a temporary folder with `fields` in every displayed config and
    /// front-matter field and `body` as the school page's Markdown; returns path → text.
    static func site(fields: String, body: String, templates: String? = nil) throws -> [String: String] {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: "\(folder)/pages", withIntermediateDirectories: false)
        let value = EscapingTests.yamlQuoted(fields)
        let config = """
            school: \(value)
            cycle_year: 2027
            accent_color: "#0b5fa5"
            footer: \(value)
            base_url: "https://advising.example.edu/ir/"
            advisors:
              - { name: \(value), role: \(value), email: "ir-advising@example.edu" }
            pages: pages
            """ + (templates.map { "\ntemplates: \(EscapingTests.yamlQuoted($0))" } ?? "")
        try config.write(toFile: "\(folder)/site.yaml", atomically: true, encoding: .utf8)
        let page = "---\ntitle: \(value)\nnav_title: \(value)\nslug: \"our-advising\"\n---\n\(body)\n"
        try page.write(toFile: "\(folder)/pages/our-advising.md", atomically: true, encoding: .utf8)
        let out = "\(folder)/out"
        let run = try matchplan(["site", "--config", "\(folder)/site.yaml", "--out", out])
        guard run.status == 0 else { throw EscapingTests.RunFailure(run: run) }
        return try snapshot(out).filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".xml") }
            .mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The comparison must catch a field printed unescaped: with `{{{footer}}}` in an override
    /// of the site layout, a payload adds elements and attributes.
    @Test func comparisonCatchesAnUnescapedSiteField() throws {
        let templates = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: templates) }
        let layout = try String(contentsOfFile: Repository.path("Templates/site-layout.mustache"), encoding: .utf8)
        let raw = layout.replacingOccurrences(of: "<p>{{footer}}</p>", with: "<p>{{{footer}}}</p>")
        #expect(raw != layout, "the layout no longer prints <p>{{footer}}</p>; update this test")
        try raw.write(toFile: "\(templates)/site-layout.mustache", atomically: true, encoding: .utf8)
        let benign = try Self.site(fields: "Example School", body: "Plain text.", templates: templates)
        let hostile = try Self.site(fields: "<img src=x onerror=alert(1)>", body: "Plain text.", templates: templates)
        let before = HTMLScanner(benign["faq.html"] ?? "").fingerprint(), after = HTMLScanner(hostile["faq.html"] ?? "").fingerprint()
        #expect(after.filter { before[$0.key] != $0.value }.keys.sorted() == ["img", "img@onerror", "img@src", "img@src=x"])
    }

    @Test func siteCorpusHasQuoteAccentPayloads() {
        #expect(EscapingTests.payloads.contains { $0.unicodeScalars.starts(with: ["\"", "\u{0301}"]) })
        #expect(EscapingTests.payloads.contains { $0.unicodeScalars.starts(with: ["'", "\u{0301}"]) })
    }

    @Test(arguments: EscapingTests.payloads)
    func siteFieldsAreEscaped(_ payload: String) throws {
        let benign = try Self.benignSite.get()
        let hostile = try Self.site(fields: payload, body: "Plain text.")
        #expect(hostile.keys.sorted() == benign.keys.sorted())
        for (file, html) in hostile.sorted(by: { $0.key < $1.key }) {
            let scanner = HTMLScanner(html)
            #expect(scanner.fingerprint() == HTMLScanner(benign[file] ?? "").fingerprint(), "\(file): payload changed the markup: \(payload)")
            #expect(scanner.dangerousURLs().isEmpty, "\(file): \(scanner.dangerousURLs())")
        }
        #expect(hostile["index.html"]?.contains("<a href=\"our-advising.html\">") == true, "the school page must be in the navigation")
    }

    /// A page body is Markdown: it may add links and emphasis, but in safe mode never an element
    /// or attribute that runs script, and no `javascript:` or `data:` URL.
    @Test(arguments: EscapingTests.payloads)
    func schoolPageBodyIsNeutralised(_ payload: String) throws {
        let page = try #require(try Self.site(fields: "Example School", body: payload)["our-advising.html"])
        let benign = try #require(try Self.benignSite.get()["our-advising.html"])
        let scanner = HTMLScanner(page)
        #expect(scanner.dangerousURLs().isEmpty, "\(scanner.dangerousURLs())")
        let added = scanner.fingerprint().filter { HTMLScanner(benign).fingerprint()[$0.key, default: 0] < $0.value }.keys
        let risky = added.filter { key in
            let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
            let allowed = ["a", "p", "em", "strong", "code", "img", "a@href", "img@src", "img@alt", "br"]
            return !allowed.contains(parts[0]) || (parts.count > 1 && !allowed.contains(key.split(separator: "=").first.map(String.init) ?? key))
        }
        #expect(risky.isEmpty, "the body added \(risky.sorted()) for: \(payload)")
    }

    // MARK: Roster

    /// Runs a two-row roster: row 2 shows `name`, row 3 fails with `bad` in its `stage` cell
    /// (so the failure listed in index.html carries it). Returns path → text of the HTML files.
    static func roster(name: String, bad: String) throws -> [String: String] {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func cell(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let csv = "id,name,match_year,stage,step2ck_score\ns01,\(cell(name)),2027,MS4,248\ns02,Bo,2027,\(cell(bad)),240\n"
        try csv.write(toFile: "\(folder)/roster.csv", atomically: true, encoding: .utf8)
        let run = try matchplan(["report", "--roster", "\(folder)/roster.csv", "--out", "\(folder)/out", "--today", fixedToday])
        // A name holding a control character (NUL) is refused like the bad cell (issue 11): both rows fail.
        let failing = isRefused(name) ? "2 of 2" : "1 of 2"
        guard run.status == 65, run.stderr.hasPrefix("\(failing) profiles failed:") else { throw EscapingTests.RunFailure(run: run) }
        return try snapshot("\(folder)/out").filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    static let benignRoster = Result { try roster(name: "Jordan Lee", bad: "ms9") }
    /// Both rows failing: the name holds a control character, as a refused payload does.
    static let benignRefusedRoster = Result { try roster(name: "Jordan\u{1}Lee", bad: "ms\u{1}9") }

    /// Whether a roster cell holding `text` is refused (control and invisible format characters,
    /// as in YAML; ``TextCharacters``).
    static func isRefused(_ text: String) -> Bool {
        TextCharacters.problem(in: text) != nil
    }

    @Test(arguments: EscapingTests.payloads)
    func rosterNamesAndFailuresAreEscaped(_ payload: String) throws {
        let refused = Self.isRefused(payload)
        let benign = try (refused ? Self.benignRefusedRoster : Self.benignRoster).get()
        let hostile = try Self.roster(name: payload, bad: payload)
        #expect(hostile.keys.sorted() == (refused ? ["index.html"] : ["index.html", "s01.html"]), "\(hostile.keys.sorted())")
        for (file, html) in hostile {
            let scanner = HTMLScanner(html)
            #expect(scanner.fingerprint() == HTMLScanner(benign[file] ?? "").fingerprint(), "\(file): payload changed the markup: \(payload)")
            #expect(scanner.dangerousURLs().isEmpty, "\(file): \(scanner.dangerousURLs())")
        }
    }
}
