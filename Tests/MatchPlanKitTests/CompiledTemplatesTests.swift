import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Compiled rendering (``CompiledTemplates``) must give exactly the bytes swift-mustache gives.
@Suite("Compiled templates")
struct CompiledTemplatesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func workspace() throws -> Workspace {
        try Workspace.load(paths: ProjectPaths(content: root + "/Content", templates: root + "/Templates"), needsRendering: true)
    }

    /// Every bundled profile and roster row, at four dates across the season, in both formats:
    /// compiled and direct rendering agree byte for byte.
    @Test("reports render to the same bytes compiled and direct")
    func reportsMatchDirectRendering() throws {
        let workspace = try Self.workspace()
        let templates = try #require(workspace.templates)
        #expect(templates.compiled.enabled, "the bundled templates should be compilable")
        let direct = templates.renderingDirectly()
        var profiles: [Profile] = []
        let folder = Self.root + "/Content/profiles"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where !name.hasSuffix(".csv") {
            profiles.append(try workspace.profileLoader.load(folder + "/" + name))
        }
        for entry in try RosterReader(path: folder + "/roster.csv", loader: workspace.profileLoader) {
            profiles.append(try entry.load().get())
        }
        for score in stride(from: 200, through: 270, by: 3) {
            var profile = Fixtures.profile(step2ck: score, date: "2026-07-08")
            profile.name = "A & B <script>\"quoted\" 'single'\u{338} café 🎓\r\n"
            profiles.append(profile)
        }
        var compared = 0
        for profile in profiles {
            let cycle = try workspace.cycle(matchYear: profile.matchYear, profilePath: nil)
            for today in ["2025-09-01", "2026-03-01", "2026-08-15", "2027-01-15"] {
                let plan = Planner(rules: workspace.rules, cycle: cycle).plan(for: profile, today: Fixtures.date(today))
                // A shape is compiled the second time it is seen: render twice, compare both.
                let renderer = ReportRenderer(templates: templates, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
                let fast = try renderer.render(plan, formats: ReportFormat.allCases) + renderer.render(plan, formats: ReportFormat.allCases)
                let slow = try ReportRenderer(templates: direct, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
                    .render(plan, formats: ReportFormat.allCases)
                for (a, b) in zip(fast, slow + slow) {
                    #expect(a.contents == b.contents, "\(profile.id ?? profile.name ?? "?") on \(today): \(a.name) differs")
                    compared += 1
                }
            }
        }
        #expect(compared > 400)
    }

    /// A small template set in a temporary folder.
    static func templates(_ files: [String: String]) throws -> TemplateSet {
        let folder = NSTemporaryDirectory() + "matchplan-compiled-\(UUID().uuidString)"
        for (name, text) in files {
            let path = folder + "/" + name + ".mustache"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try TemplateSet.load(folders: [folder], required: [])
    }

    struct Item: Encodable { var text: String; var flag: Bool }
    struct View: Encodable {
        var name: String
        var body: String
        var empty: String
        var items: [Item]
        var notes: [String]
        var count: Int
        var pages = RenderedPages(key: "a b", text: "<p>pages</p>")
    }

    static let tricky = ["a & b", "<b>bold</b>", "\"q\" 'a'", "back\\slash", "<\u{338}", "e\u{301}&", "line\n", "two\nlines\n", "crlf\r\n",
                         "\u{E000}0&\"\u{E001}", "\u{E000}0&\u{E001}", "🎓", " ",
                         // Markdown: punctuation, a combining mark, a marker as Markdown escapes it.
                         "*Jo* _b_ |c| [d](e) `f` ~g~ !h", "*\u{301}x", "\u{E000}0\\&\"\u{E001}", "\u{E000}0\\&\"\u{E001} "]

    static func views() -> [View] {
        tricky.map { text in
            View(name: text, body: text + "\n", empty: "", items: [Item(text: text, flag: true), Item(text: "x", flag: false)],
                 notes: [text, text], count: text.count, pages: RenderedPages(key: text, text: text))
        }
    }

    @Test("escaping, line breaks, indented partials, sections and lists match swift-mustache")
    func trickyStrings() throws {
        let set = try Self.templates([
            "page": """
            <h1>{{name}}</h1>{{{name}}}
            {{#empty}}[{{empty}}]{{/empty}}{{^empty}}none{{/empty}}
              {{>part}}
            <ul>
            {{#items}}
              <li class="{{#flag}}on{{/flag}}">{{text}} {{{text}}}</li>
            {{/items}}
            </ul>
            {{#notes}}{{.}};{{/notes}} {{count}}
            """,
            "part": "<p>{{body}}</p>\n{{body}}{{name}}\n{{{body}}}after\n",
            "text": "{{% CONTENT_TYPE: TEXT}}{{name}} | {{body}}{{#items}}- {{text}}\n{{/items}}",
            // A list printed whole: Swift's description escapes quotes and backslashes in the
            // strings, which a splice would not. (A struct printed whole is not deterministic
            // even rendered directly: its fields are a dictionary.)
            "whole": "{{notes}} {{{notes}}}",
            // Rendered pages print as their text, and their key is visible too.
            "pages": "{{pages.key}} {{#pages}}[{{key}}]{{/pages}}{{^pages}}none{{/pages}} {{{pages}}} {{pages}}",
            // The Markdown content type (escaped and raw), a Markdown partial indented, and an
            // HTML partial inside Markdown (a partial starts again in HTML).
            "markdown": """
            {{% CONTENT_TYPE: MARKDOWN}}
            # {{name}} {{{name}}}
            {{#items}}
            - {{text}} {{{text}}}{{#flag}} *on*{{/flag}}
            {{/items}}
              {{>mdpart}}
            {{>part}}
            {{#notes}}{{.}};{{/notes}} {{count}}
            """,
            "mdpart": "{{% CONTENT_TYPE: MARKDOWN}}\n> {{body}}{{name}}\n{{{body}}}after\n",
        ])
        #expect(set.compiled.enabled)
        let direct = set.renderingDirectly()
        for view in Self.views() {
            for name in ["page", "text", "whole", "pages", "markdown", "mdpart"] {
                let slow = try direct.render(view, template: name)
                for pass in 1...3 {  // direct, then compiling, then compiled
                    #expect(try set.render(view, template: name) == slow, "\(name), pass \(pass), with \(view.name.debugDescription)")
                }
            }
        }
    }

    @Test("templates that could do more than print a string are rendered directly")
    func uncompilableTemplates() throws {
        // The loader refuses dynamic partials as missing partials; the check refuses them too.
        #expect(!CompiledTemplates.isCompilable(["{{>*name}}"]) && !CompiledTemplates.isCompilable(["{{> *name}}"]))
        #expect(CompiledTemplates.isCompilable(["{{>name}} {{{name}}} {{#a}}{{/a}}"]))
        // Template files are read with line endings normalised, so a CR only reaches the check directly.
        #expect(!CompiledTemplates.isCompilable(["{{name}}\r\n"]))
        // Delimiter changes would hide tags from the load-time checks: the loader refuses them
        // (TemplateGraph); the compile check refuses them too.
        #expect(!CompiledTemplates.isCompilable(["{{=<% %>=}}<% name %>"]))
        #expect(throws: MatchPlanError.self) { try Self.templates(["page": "{{=<% %>=}}<% name %>"]) }
        for text in ["{{uppercased(name)}}", "{{#empty(name)}}empty{{/empty(name)}}"] {
            let set = try Self.templates(["page": text, "x": "partial"])
            #expect(!set.compiled.enabled, "\(text.debugDescription) should not be compiled")
            let view = View(name: "x", body: "", empty: "", items: [], notes: [], count: 0)
            #expect(try set.render(view, template: "page") == set.renderingDirectly().render(view, template: "page"))
        }
        #expect(try Self.templates(["page": "{{uppercased(name)}}"]).render(View(name: "abc", body: "", empty: "", items: [], notes: [], count: 0), template: "page") == "ABC")
    }

    @Test("a template that prints marker characters falls back to direct rendering")
    func markerCharactersInTemplate() throws {
        let set = try Self.templates(["page": "\u{E001}{{name}}\u{E000}"])
        let view = View(name: "a<b", body: "", empty: "", items: [], notes: [], count: 0)
        for _ in 1...3 { #expect(try set.render(view, template: "page") == "\u{E001}a&lt;b\u{E000}") }
    }

    struct WithOptional: Encodable { var name: String?; var score: Double }

    @Test("views with optionals or fractions have no shape")
    func unsupportedViews() {
        #expect(ViewShape(WithOptional(name: nil, score: 1), probe: false) == nil)
        #expect(ViewShape(WithOptional(name: "a", score: 1), probe: false) == nil)
        #expect(ViewShape(View(name: "a", body: "", empty: "", items: [], notes: [], count: 0), probe: false) != nil)
    }

    @Test("shapes differ by booleans, list lengths and empty strings, not by text")
    func shapes() throws {
        func signature(_ view: View) throws -> [Int] { try #require(ViewShape(view, probe: false)).signature }
        let base = View(name: "a", body: "b", empty: "", items: [Item(text: "t", flag: true)], notes: ["n"], count: 1)
        var other = base
        other.name = "something else"
        #expect(try signature(base) == signature(other))
        other = base; other.items[0].flag = false
        #expect(try signature(base) != signature(other))
        other = base; other.notes.append("m")
        #expect(try signature(base) != signature(other))
        other = base; other.name = ""
        #expect(try signature(base) != signature(other))
        other = base; other.name = "a\n"
        #expect(try signature(base) != signature(other))
        other = base; other.count = 2
        #expect(try signature(base) != signature(other))
    }

    @Test("the MARKDOWN content type escapes as MarkdownEscaping does, and its slots compile as Markdown slots")
    func markdownEscaping() throws {
        let set = try Self.templates(["page": "{{% CONTENT_TYPE: MARKDOWN}}{{name}}|{{{name}}}|{{body}}"])
        let direct = set.renderingDirectly()
        for text in Self.tricky + ["plain", ""] {
            let view = View(name: text, body: text + "\n", empty: "", items: [], notes: [], count: 0)
            let expected = MarkdownEscaping.escape(text) + "|" + text + "|" + MarkdownEscaping.escape(text + "\n")
            #expect(try direct.render(view, template: "page") == expected, "\(text.debugDescription)")
        }
        // The probe's markers come out Markdown-escaped (the line break a space) and as is: the
        // program cuts, with one slot of each kind (a marker it could not cut would fall back to
        // direct rendering and hide a broken cut).
        let view = View(name: "a", body: "b\n", empty: "", items: [], notes: [], count: 0)
        let shape = try #require(ViewShape(view, probe: true))
        let output = try #require(set.library.render(shape.probe!, withTemplate: "page"))
        #expect(output.contains("0\\&\"\u{E001}|") && output.hasSuffix("\\&\"\u{E001} "))
        let program = try #require(TemplateProgram(output: output, endsWithLineBreak: shape.endsWithLineBreak))
        let kinds = program.pieces.compactMap { piece -> TemplateProgram.Escaping? in
            if case .slot(_, let escaping) = piece { escaping } else { nil }
        }
        #expect(kinds == [.markdown, .asIs, .markdown])
        #expect(program.run(shape.strings) == "a|a|b ")
    }

    @Test("HTML escaping matches swift-mustache's, character by character")
    func escaping() throws {
        let set = try Self.templates(["page": "{{name}}"]).renderingDirectly()
        for text in Self.tricky + ["plain", "", "&amp;", "<<>>", "a\u{338}<"] {
            let view = View(name: text, body: "", empty: "", items: [], notes: [], count: 0)
            #expect(TemplateProgram.escapeHTML(text) == (try set.render(view, template: "page")), "\(text.debugDescription)")
        }
    }
}
