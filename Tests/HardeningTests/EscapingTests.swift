import Foundation
import Testing
import MatchPlanTestSupport
import MatchPlanLoad

/// Script-injection payloads (`Tests/BadInputs/payloads/xss.txt`) through every displayed
/// field of a profile, a page's front matter and the cycle file. The HTML report is tokenized
/// and compared with the report for benign values: a payload may change text, never add an
/// element, an attribute or a URL. Runs the built CLI, so templates and escaping are the real ones.
@Suite struct EscapingTests {
    /// One payload a line; `\u{HEX}` stands for a character that is invisible or unsafe to commit.
    static let allPayloads: [String] = {
        let text = (try? String(contentsOfFile: Repository.path("Tests/BadInputs/payloads/xss.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { decodeEscapes(String($0)) }
    }()

    /// Payloads a text field accepts (and must escape).
    static let payloads = allPayloads.filter { TextCharacters.problem(in: asLoaded($0)) == nil }
    /// Payloads holding a control or invisible format character: refused at load (tester report
    /// item 7), so they never reach a page.
    static let refusedPayloads = allPayloads.filter { TextCharacters.problem(in: asLoaded($0)) != nil }

    /// The value YAML hands over: libyaml drops a byte-order mark at the start of a scalar.
    static func asLoaded(_ payload: String) -> String {
        payload.unicodeScalars.first == "\u{FEFF}" ? String(String.UnicodeScalarView(payload.unicodeScalars.dropFirst())) : payload
    }

    @Test(arguments: refusedPayloads)
    func profileValuesWithInvisibleCharactersAreRefused(_ payload: String) throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("profile.yaml")
        try Self.profile(name: payload, region: "Midwest").write(toFile: path, atomically: true, encoding: .utf8)
        let run = try matchplan(["plan", path, "--today", fixedToday])
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("name: ") && run.stderr.contains("characters are not allowed (character U+"), "\(run.stderr)")
    }

    static func decodeEscapes(_ line: String) -> String {
        var result = line
        while let range = result.range(of: #"\\u\{[0-9A-Fa-f]{1,6}\}"#, options: .regularExpression) {
            let hex = result[range].dropFirst(3).dropLast()
            result.replaceSubrange(range, with: String(Character(Unicode.Scalar(UInt32(hex, radix: 16)!)!)))
        }
        return result
    }

    /// A YAML double-quoted string that carries any text exactly (non-ASCII as escapes).
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += scalar.value > 0xFFFF ? String(format: "\\U%08X", scalar.value) : String(format: "\\u%04X", scalar.value)
            }
        }
        return out + "\""
    }

    static func profile(name: String, region: String, id: String = "jordan-lee") -> String {
        """
        id: \(yamlQuoted(id))
        name: \(yamlQuoted(name))
        match_year: 2027
        stage: MS4
        step1: pass
        step2ck: { score: 248, date: 2026-07-08 }
        pathway: both
        geography: { flexible: false, regions: [\(yamlQuoted(region))] }
        concerns: [leave_of_absence]
        """
    }

    /// Writes `profile`, runs `report`, returns the HTML and Markdown.
    static func report(profile: String, content: String? = nil, templates: String? = nil) throws -> (html: String, markdown: String) {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("profile.yaml")
        try profile.write(toFile: path, atomically: true, encoding: .utf8)
        let out = (folder as NSString).appendingPathComponent("out")
        let run = try matchplan(["report", path, "--out", out, "--today", fixedToday]
                                + (content.map { ["--content", $0] } ?? []) + (templates.map { ["--templates", $0] } ?? []))
        guard run.status == 0 else { throw RunFailure(run: run) }
        return (try String(contentsOfFile: "\(out)/report.html", encoding: .utf8),
                try String(contentsOfFile: "\(out)/report.md", encoding: .utf8))
    }

    struct RunFailure: Error, CustomStringConvertible {
        var run: Run
        var description: String { "matchplan failed: \(run)" }
    }

    static let benignProfileReport = Result { try report(profile: profile(name: "Jordan Lee", region: "Midwest")) }

    /// `<script` in Markdown that a renderer would treat as a tag (not preceded by a backslash).
    static func hasRawScriptTag(_ markdown: String) -> Bool {
        markdown.range(of: #"(?<!\\)<\s*script"#, options: [.regularExpression, .caseInsensitive]) != nil
    }

    @Test func corpusHasAtLeast30Payloads() {
        #expect(Self.payloads.count >= 30)
        #expect(!Self.refusedPayloads.isEmpty)
        #expect(Self.payloads.contains { $0.unicodeScalars.contains("\u{0301}") }, "the \\u{...} escapes must decode")
    }

    /// The scanner itself must see injected markup, or the comparisons below prove nothing.
    @Test func scannerSeesInjectedMarkup() {
        let base = HTMLScanner("<p title=\"x\">Jo</p>").fingerprint()
        #expect(HTMLScanner("<p title=\"x\">Jo<script>alert(1)</script></p>").fingerprint() != base)
        #expect(HTMLScanner("<p title=\"x\" onmouseover=\"alert(1)\">Jo</p>").fingerprint() != base)
        #expect(HTMLScanner("<p title=\"x\u{0301}\" onmouseover=alert(1) y=\"\">Jo</p>").fingerprint() != base)
        #expect(HTMLScanner("<title></title ><img src=x onerror=alert(1)></title>").fingerprint()["img"] == 1)
        #expect(HTMLScanner("<title><img src=x></title>").fingerprint()["img"] == nil)
        #expect(HTMLScanner("<a href=\"&#106;avascript:alert(1)\">x</a>").dangerousURLs() == ["javascript:alert(1)"])
        #expect(HTMLScanner("<p>&lt;script&gt;</p>").fingerprint() == ["p": 1])
    }

    /// The comparison must catch a field printed unescaped: with `{{{title}}}` in a copy of the
    /// templates, a payload adds a <script> element and an <img> with an onerror attribute.
    @Test func comparisonCatchesAnUnescapedField() throws {
        let templates = (try Repository.temporaryFolder() as NSString).appendingPathComponent("Templates")
        defer { try? FileManager.default.removeItem(atPath: (templates as NSString).deletingLastPathComponent) }
        try Repository.copy("Templates", to: templates)
        let page = (templates as NSString).appendingPathComponent("report.html.mustache")
        let text = try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{{title}}}</h1>")
        try text.write(toFile: page, atomically: true, encoding: .utf8)
        let benign = try Self.report(profile: Self.profile(name: "Jordan Lee", region: "Midwest"), templates: templates)
        let hostile = try Self.report(profile: Self.profile(name: "<script>x</script><img src=x onerror=alert(1)>", region: "Midwest"),
                                      templates: templates)
        let difference = HTMLScanner(hostile.html).fingerprint().filter { HTMLScanner(benign.html).fingerprint()[$0.key] != $0.value }
        #expect(difference.keys.sorted() == ["img", "img@onerror", "img@src", "img@src=x", "script"])
    }

    @Test(arguments: payloads)
    func profileValuesAreEscaped(_ payload: String) throws {
        let benign = try Self.benignProfileReport.get()
        let hostile = try Self.report(profile: Self.profile(name: payload, region: payload))
        let scanner = HTMLScanner(hostile.html)
        #expect(scanner.fingerprint() == HTMLScanner(benign.html).fingerprint(), "payload changed the page's markup: \(payload)")
        #expect(scanner.dangerousURLs().isEmpty, "\(scanner.dangerousURLs())")
        #expect(!Self.hasRawScriptTag(hostile.markdown), "report.md holds a raw <script from: \(payload)")
        #expect(hostile.html.contains("IR application strategy for "), "the name should still be shown, escaped")
    }

    @Test(arguments: payloads)
    func profileIdsThatCouldEscapeAFolderAreRejected(_ payload: String) throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("profile.yaml")
        try Self.profile(name: "Jordan Lee", region: "Midwest", id: payload).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try matchplan(["plan", path, "--today", fixedToday])
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("\(path):1:5: id: expected letters, digits"), "\(run.stderr)")
    }
}
