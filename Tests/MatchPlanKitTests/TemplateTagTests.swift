import Testing
@testable import MatchPlanModel
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

/// The compile step that cuts a child's output out of a render of its parent.
@Suite("Split compiler cut")
struct SplitCompilerCutTests {
    @Test("the marker is found at its first occurrence, past false starts, at either end")
    func firstIndex() {
        let find = { (needle: String, hay: String) in SplitCompiler.Outer.firstIndex(of: Array(needle.utf8), in: Array(hay.utf8)) }
        #expect(find("ab", "xaab") == 2)
        #expect(find("ab", "abab") == 0)
        #expect(find("ab", "xxxab") == 3)
        #expect(find("ab", "a") == nil)
        #expect(find("ab", "ba") == nil)
        #expect(find("", "abc") == nil)
        #expect(find("é", "café") == 3)
    }

    @Test("a full render is cut to what stands where the marker stood, or refused")
    func cut() throws {
        let outer = try #require(SplitCompiler.Outer("<p>[M]</p>", marker: "[M]"))
        #expect(outer.cut("<p>child é</p>") == "child é")
        #expect(outer.cut("<p></p>") == "")
        #expect(outer.cut("<q>child</p>") == nil)
        #expect(outer.cut("<p>child</q>") == nil)
        #expect(outer.cut("<p>") == nil)
        let edges = try #require(SplitCompiler.Outer("[M]", marker: "[M]"))
        #expect(edges.cut("") == "")
        #expect(edges.cut("x") == "x")
        #expect(SplitCompiler.Outer("no marker", marker: "[M]") == nil)
    }
}

@Suite("Text search")
struct TextSearchTests {
    @Test("byte-wise substring test", arguments: [
        ("Sit Step 2 CK by July 10, 2026 (in 40 days).", "July 10, 2026", true),
        ("Sit Step 2 CK by July 10, 2026.", "July 1, 2026", false),
        ("", "x", false), ("abc", "", true), ("café — July 1", "July 1", true), ("Jul", "July", false),
    ])
    func contains(_ text: String, _ needle: String, _ expected: Bool) {
        #expect(TextSearch.contains(text, needle) == expected)
    }
}

@Suite("Hidden includes")
struct HiddenIncludeTests {
    /// An include that does not close on its line is refused at its line and column, the column
    /// counted in Unicode scalars after non-ASCII text.
    @Test("an unclosed include is placed by line and scalar column", arguments: [
        ("a\nbé 🎓 {{> partials/x\n}}", 2, 6), ("{{<parent\n", 1, 1), ("x {{ = a b =\n", 1, 3), ("{{\n", 1, 1),
    ])
    func unclosedInclude(_ text: String, _ line: Int, _ column: Int) {
        #expect(throws: MatchPlanError.self) { try TemplateGraph.rejectHiddenIncludes(text, path: "t.mustache") }
        do {
            try TemplateGraph.rejectHiddenIncludes(text, path: "t.mustache")
        } catch let error as MatchPlanError {
            #expect(error.location == .init(line: line, column: column), "\(error)")
        } catch {}
    }

    @Test("closed tags, text braces and variables pass")
    func closedTagsPass() throws {
        try TemplateGraph.rejectHiddenIncludes("é {{> partials/x}}\n.a { b: c }\n{{name}} {{#s}}{{/s}}", path: "t.mustache")
    }
}
