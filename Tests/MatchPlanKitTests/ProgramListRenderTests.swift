import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanRender

/// The "Your program list" section (PL1–PL8): escaping of the student's text, and compiled
/// rendering giving the bytes swift-mustache gives.
@Suite struct ProgramListRenderTests {
    static func render(_ programs: [ProgramList.Program], direct: Bool = false) throws -> (html: String, md: String) {
        let workspace = try CompiledTemplatesTests.workspace()
        var templates = try #require(workspace.templates)
        if direct { templates = templates.renderingDirectly() }
        let cycle = try workspace.cycle(matchYear: Fixtures.matchYear, profilePath: nil)
        let profile = Fixtures.profile(step2ck: 238)
        var plan = Planner(rules: workspace.rules, cycle: cycle).plan(for: profile, today: Fixtures.today)
        ProgramListAudit.apply(ProgramList(fileName: "<b>mine</b>.csv", programs: programs), to: &plan, profile: profile,
                               rules: try ProgramListAuditTests.rules())
        let files = try ReportRenderer(templates: templates, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
            .render(plan, formats: [.html, .md])
        return (files[0].contents, files[1].contents)
    }

    static let hostile = [
        ProgramList.Program(name: "<script>alert(1)</script> *Jo* [x](javascript:y)", specialty: .integratedIR, city: "St. <i>Louis</i>", state: "MO",
                            setting: .academic, signal: .gold, tie: .home, notes: "**bold** | pipe <img src=x onerror=alert(2)>"),
        ProgramList.Program(name: "Plain", specialty: .diagnosticRadiology, esir: true),
    ]

    @Test func test_PL1_studentTextIsEscapedInBothFormats() throws {
        let (html, md) = try Self.render(Self.hostile)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; *Jo*"))
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("<b>mine"))
        #expect(html.contains("St. &lt;i&gt;Louis&lt;/i&gt;, MO"))
        #expect(md.contains("\\<script\\>alert(1)\\</script\\> \\*Jo\\* \\[x\\](javascript:y)"))
        #expect(md.contains("notes: \\*\\*bold\\*\\* \\| pipe \\<img src=x onerror=alert(2)\\>"))
        #expect(md.contains("From **\\<b\\>mine\\</b\\>.csv**"))
        // Through cmark the Markdown keeps the text literal: no element from the student's text.
        let rendered = Markdown.html(md)
        #expect(!rendered.contains("<script") && !rendered.contains("<img") && !rendered.contains("href=\"javascript"))
    }

    @Test func test_PL1_compiledRenderingMatchesDirect() throws {
        let list = Self.hostile + ProgramListAuditTests.balanced(ir: 14, dr: 30)
        let fast = try Self.render(list)
        let again = try Self.render(list)  // a shape compiles the second time it is seen
        let slow = try Self.render(list, direct: true)
        #expect(fast.html == slow.html && again.html == slow.html)
        #expect(fast.md == slow.md && again.md == slow.md)
    }
}
