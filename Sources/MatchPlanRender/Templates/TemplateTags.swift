import MatchPlanFileSystem
import MatchPlanModel

/// One `{{…}}` tag of a template text (default delimiters), as found by ``tags(in:)``.
///
/// Used by the checks swift-mustache does not make (missing partials, where an unclosed section
/// opened) and by ``CompiledTemplates/isCompilable(_:)``. A tag must close on the line it opens
/// on; `{{{name}}}` reads as the tag `{name` followed by a `}`.
struct TemplateTag {
    /// The text between `{{` and `}}`.
    let content: Substring
    /// 1-based line.
    let line: Int
    /// The line up to the tag's `{{`, for the column.
    private let before: Substring

    /// Whether only spaces and tabs (at least one) come before the tag on its line, comments and
    /// pragmas aside: where swift-mustache indents a standalone partial's output. (Any other
    /// tag before it on the line ends the whitespace swift-mustache would indent with.)
    var startsIndented: Bool {
        var rest = before[...]
        var whitespace = 0
        while let first = rest.first {
            if first == " " || first == "\t" {
                whitespace += 1
                rest = rest.dropFirst()
            } else if rest.hasPrefix("{{!") || rest.hasPrefix("{{%"), let close = rest.range(of: "}}") {
                rest = rest[close.upperBound...]
            } else {
                return false
            }
        }
        return whitespace > 0
    }

    /// 1-based column of the `{{`, in characters.
    var column: Int { before.count + 1 }

    /// Every tag of `text`, in order, found in one pass over its UTF-8 bytes (profiled: Foundation
    /// `range(of:)` per tag was a twentieth of a single report's run time).
    static func tags(in text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        let utf8 = text.utf8
        var line = 1
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == 0x0A {
                line += 1
                lineStart = next
                index = next
                continue
            }
            guard byte == 0x7B, next < utf8.endIndex, utf8[next] == 0x7B else {
                index = next
                continue
            }
            // "{{": find "}}" before the end of the line.
            let contentStart = utf8.index(after: next)
            var cursor = contentStart
            var close: String.Index?
            while cursor < utf8.endIndex, utf8[cursor] != 0x0A {
                let after = utf8.index(after: cursor)
                if utf8[cursor] == 0x7D, after < utf8.endIndex, utf8[after] == 0x7D {
                    close = cursor
                    break
                }
                cursor = after
            }
            guard let close else {
                index = contentStart
                continue
            }
            tags.append(TemplateTag(content: text[contentStart..<close], line: line, before: text[lineStart..<index]))
            index = utf8.index(close, offsetBy: 2)
        }
        return tags
    }
}
