import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// The differential test of the compiled-template layer over every kind of template set the
/// tool renders: a school's overrides layered over the built-in set, and the site's templates.
@Suite("Compiled templates over overrides and the site")
struct CompiledOverridesTests {
    static let root = CompiledTemplatesTests.root

    /// Overrides a school might write: more sections over booleans, an indented partial, a
    /// value printed raw and escaped, text that changes line structure.
    static let overrides = [
        "partials/checklist-item.html": """
        <li class="school {{#hasDue}}due{{/hasDue}}{{^hasDue}}open{{/hasDue}}">
          {{>partials/school-note.html}}
          <b>{{text}}</b> {{{text}}} ({{rule}})
        </li>

        """,
        "partials/school-note.html": "<em>{{statusLabel}}</em>\n{{#hasDue}}  <time>{{due}}</time>\n{{/hasDue}}",
        "partials/glance.md": """
        {{% CONTENT_TYPE: MARKDOWN}}
        ## Our school's summary
        {{#hasList}}
          - {{listIR}} IR / {{listDR}} DR
        {{/hasList}}
        - band {{band}}{{#scenarioDiffers}} (scenario {{scenario}}){{/scenarioDiffers}}

        """,
    ]

    @Test("overridden report templates render the same bytes compiled and direct")
    func overridesMatchDirectRendering() throws {
        let folder = NSTemporaryDirectory() + "matchplan-overrides-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in Self.overrides {
            let path = folder + "/" + name + ".mustache"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let paths = ProjectPaths(content: Self.root + "/Content", templates: Self.root + "/Templates")
        let workspace = try Workspace.load(paths: paths, needsRendering: true, templateOverrides: folder)
        let templates = try #require(workspace.templates)
        #expect(templates.compiled.enabled)
        #expect(templates.sources["partials/glance.md"]?.hasPrefix(folder) == true, "the override is in use")
        let direct = templates.renderingDirectly()
        var compared = 0
        for name in ["example", "solid", "low", "pending", "step1-fail", "no-score"] {
            let profile = try workspace.profileLoader.load(Self.root + "/Content/profiles/\(name).yaml")
            let cycle = try workspace.cycle(matchYear: profile.matchYear, profilePath: nil)
            for today in ["2026-03-01", "2026-08-15"] {
                let plan = Planner(rules: workspace.rules, cycle: cycle).plan(for: profile, today: Fixtures.date(today))
                let renderer = ReportRenderer(templates: templates, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
                // A shape is compiled the second time it is seen: render twice, compare both.
                let templated = ReportFormat.allCases.filter { !$0.requiredTemplates.isEmpty }
                let fast = try renderer.render(plan, formats: templated) + renderer.render(plan, formats: templated)
                let slow = try ReportRenderer(templates: direct, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
                    .render(plan, formats: templated)
                for (a, b) in zip(fast, slow + slow) {
                    #expect(a.contents == b.contents, "\(name) on \(today): \(a.name) differs")
                    compared += 1
                }
                #expect(fast[0].contents.contains("<li class=\"school "), "the override shows")
            }
        }
        #expect(compared == 48)
    }

    @Test("the site renders the same bytes compiled and direct")
    func siteMatchesDirectRendering() throws {
        let paths = ProjectPaths(content: Self.root + "/Content", templates: Self.root + "/Templates")
        var problems: [MatchPlanError] = []
        let inputs = try #require(SiteInputs.load(paths: paths, configPath: Self.root + "/Content/site/site.yaml", templateOverrides: nil,
                                                  outputFolder: nil, problems: &problems), "\(problems)")
        func render(_ templates: TemplateSet) throws -> [(path: String, contents: String)] {
            try SiteRenderer(config: inputs.config, rules: inputs.rules, cycle: inputs.cycle, guidance: inputs.guidance,
                             schoolPages: inputs.schoolPages, templates: templates, copy: inputs.copy).render()
        }
        let fast = try render(inputs.templates) + render(inputs.templates)
        let slow = try render(inputs.templates.renderingDirectly())
        #expect(fast.count == 2 * slow.count && slow.count > 10)
        for (a, b) in zip(fast, slow + slow) {
            #expect(a.path == b.path && a.contents == b.contents, "\(a.path) differs")
        }
    }

    /// A school's own Markdown layout prints the student's name through `{{title}}`: the
    /// `MARKDOWN` content type escapes it (no view builder does), and `{{{title}}}` prints it
    /// as written. Compiled and direct rendering agree.
    @Test("a school's Markdown override gets the name escaped by the template engine")
    func schoolMarkdownOverrideEscapesTheName() throws {
        let folder = NSTemporaryDirectory() + "matchplan-md-override-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: MARKDOWN}}\n# {{title}}\n\nAs written: {{{title}}}\n"
            .write(toFile: folder + "/report.md.mustache", atomically: true, encoding: .utf8)
        let paths = ProjectPaths(content: Self.root + "/Content", templates: Self.root + "/Templates")
        let workspace = try Workspace.load(paths: paths, needsRendering: true, templateOverrides: folder)
        let templates = try #require(workspace.templates)
        var profile = Fixtures.profile(step2ck: 248)
        profile.name = "*Jo* <b>|x|</b> _y_ [z](u)"
        let cycle = try workspace.cycle(matchYear: profile.matchYear, profilePath: nil)
        let plan = Planner(rules: workspace.rules, cycle: cycle).plan(for: profile, today: Fixtures.today)
        func markdown(_ templates: TemplateSet) throws -> String {
            try ReportRenderer(templates: templates, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
                .render(plan, formats: [.md])[0].contents
        }
        let expected = "# IR application strategy for \\*Jo\\* \\<b\\>\\|x\\|\\</b\\> \\_y\\_ \\[z\\](u)\n\n"
            + "As written: IR application strategy for *Jo* <b>|x|</b> _y_ [z](u)\n"
        #expect(try markdown(templates.renderingDirectly()) == expected)
        for pass in 1...2 { #expect(try markdown(templates) == expected, "compiled, pass \(pass)") }
    }

    /// swift-mustache looks fields up by `Mirror` label; the compiled layer reads them through
    /// `Encodable`. They agree only while every view's coding keys are its property names: a
    /// custom `CodingKeys` would make compiled and direct rendering differ. Checked on a real
    /// report's view, all the way down.
    @Test("view models encode under their property names")
    func encodableKeysAreMirrorLabels() throws {
        let workspace = try CompiledTemplatesTests.workspace()
        let profile = try workspace.profileLoader.load(Self.root + "/Content/profiles/pending.yaml")
        let cycle = try workspace.cycle(matchYear: profile.matchYear, profilePath: nil)
        let plan = Planner(rules: workspace.rules, cycle: cycle).plan(for: profile, today: Fixtures.date("2026-08-15"))
        let builder = ReportViewBuilder(rules: workspace.rules, cycle: cycle, pages: workspace.pages, fragments: ReportFragments())
        let view = builder.build(plan)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(view))
        var checked = 0
        func compare(_ value: Any, _ encoded: Any, _ path: String) {
            if value is String || value is Bool || value is Int || value is RenderedPages { return }
            let children = Array(Mirror(reflecting: value).children)
            if let list = encoded as? [Any] {
                #expect(children.count == list.count, "\(path)")
                for (child, item) in zip(children, list) { compare(child.value, item, path + "[]") }
                return
            }
            guard let object = encoded as? [String: Any] else { Issue.record("\(path) is not a struct or list"); return }
            #expect(Set(children.compactMap(\.label)) == Set(object.keys), "\(path): coding keys differ from property names")
            for child in children { if let label = child.label, let item = object[label] { compare(child.value, item, path + "." + label); checked += 1 } }
        }
        compare(view, json, "ReportView")
        #expect(checked > 20)
    }
}
