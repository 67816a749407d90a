import Foundation
import Mustache
import Testing
@testable import MatchPlanRender

/// Templates without tags (the stylesheets) are parsed after a delimiter change, to spare
/// swift-mustache's parser a cost that grows with every brace (``TemplateSet/parseable(_:)``):
/// they must still render as exactly their text, included plainly or as an indented partial.
@Suite("Text-only templates")
struct TextOnlyTemplateTests {
    static let root = CompiledTemplatesTests.root

    /// The bundled templates without any `{{`.
    func textOnlyTemplates() throws -> [(name: String, text: String)] {
        let folder = Self.root + "/Templates"
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }.sorted()
        return try names.compactMap { path in
            let text = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            return text.contains("{{") ? nil : (String(path.dropLast(".mustache".count)), text)
        }
    }

    @Test("the bundled stylesheets take the delimiter change and render as their text, included or indented")
    func bundledStylesheets() throws {
        let templates = try textOnlyTemplates()
        #expect(templates.contains { $0.name == "partials/style.css" }, "the report's stylesheet has no tags")
        for (name, text) in templates {
            #expect(TemplateSet.parseable(text) != text, "\(name) should be parsed with other delimiters")
            let files = ["x": text, "plain": "<style>\n{{>x}}\n</style>\n", "indented": "<style>\n  {{>x}}\n</style>\n", "inline": "a {{>x}} b"]
            let set = try CompiledTemplatesTests.templates(files)
            var reference = MustacheLibrary()
            for (file, body) in files { reference.register(try MustacheTemplate(string: body), named: file) }
            for wrapper in ["x", "plain", "indented", "inline"] {
                let expected = try #require(reference.render([String: String](), withTemplate: wrapper))
                #expect(try set.renderingDirectly().render([String: String](), template: wrapper) == expected, "\(name) in \(wrapper)")
            }
        }
    }

    @Test("text whose first line could make the delimiter tag stand alone, that has tags, ends in `{` or has carriage returns is left as it is",
          arguments: ["", "\n.a { b: c; }", "  .a { b: c; }", "\t.a {}", "{{name}} {", "a {{!c}} {", "\u{E020} {", "a {}\r\n{\n", "a {"])
    func leftAlone(_ text: String) {
        #expect(TemplateSet.parseable(text) == text)
    }

    @Test("text that starts with a visible character and has no tags is changed, and renders as itself",
          arguments: [".a { b: c; }\n.d {\n  e: f;\n}\n", "/* x */ {}\n{\n  a: b;\n}", "a{b}c", "}} closing braces { and { x", "x\n\n  {\n}\n\n"])
    func changed(_ text: String) throws {
        #expect(TemplateSet.parseable(text).hasPrefix(TemplateSet.textOnlyPrefix))
        let set = try CompiledTemplatesTests.templates(["x": text, "indented": "  {{>x}}\n"])
        var reference = MustacheLibrary()
        reference.register(try MustacheTemplate(string: text), named: "x")
        reference.register(try MustacheTemplate(string: "  {{>x}}\n"), named: "indented")
        for name in ["x", "indented"] {
            #expect(try set.renderingDirectly().render([String: String](), template: name) == reference.render([String: String](), withTemplate: name))
        }
    }
}
