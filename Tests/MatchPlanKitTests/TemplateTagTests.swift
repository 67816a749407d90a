import Testing
@testable import MatchPlanRender

/// The tag scanner behind the checks swift-mustache does not make (missing partials, unclosed
/// sections, indented partials) and behind ``CompiledTemplates/isCompilable(_:)``.
@Suite("Template tags")
struct TemplateTagTests {
    @Test("tags, their lines and columns (in characters), across lines and after non-ASCII text")
    func tagsLinesAndColumns() {
        let text = "a {{name}} b\ncafé 🎓 {{#items}}{{{raw}}}\n  {{> partials/x}}\n{{ not closed\n}} {{/items}}{{"
        let tags = TemplateTag.tags(in: text)
        #expect(tags.map(\.content) == ["name", "#items", "{raw", "> partials/x", "/items"])
        #expect(tags.map(\.line) == [1, 2, 2, 3, 5])
        #expect(tags.map(\.column) == [3, 8, 18, 3, 4])
        #expect(tags.map(\.startsIndented) == [false, false, false, true, false])
    }

    @Test("a tag must close on its line; nothing is found in text without tags")
    func unclosedAndEmpty() {
        #expect(TemplateTag.tags(in: "").isEmpty)
        #expect(TemplateTag.tags(in: ".a { b: c; }\n{ {\n").isEmpty)
        #expect(TemplateTag.tags(in: "{{a\n}}").isEmpty)
        #expect(TemplateTag.tags(in: "{{!c}} {{x}}").map(\.content) == ["!c", "x"])
        #expect(TemplateTag.tags(in: " {{!c}} {{>p}}").last?.startsIndented == true, "a comment before it does not end the indent")
    }
}
