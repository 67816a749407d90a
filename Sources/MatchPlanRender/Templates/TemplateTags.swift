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
    /// `range(of:)` per tag was a twentieth of a single report's run time, and stepping
    /// `String.UTF8View` indices most of what was left; the bytes are read from contiguous storage).
    static func tags(in text: String) -> [TemplateTag] {
        var text = text
        text.makeContiguousUTF8()
        // Byte offsets of each tag: its "{{", its content, its "}}", its line and where that line starts.
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> [(open: Int, close: Int, line: Int, lineStart: Int)] in
            var found: [(open: Int, close: Int, line: Int, lineStart: Int)] = []
            var line = 1, lineStart = 0, index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    index += 1
                    lineStart = index
                    continue
                }
                guard byte == 0x7B, index + 1 < count, bytes[index + 1] == 0x7B else {
                    index += 1
                    continue
                }
                // "{{": find "}}" before the end of the line.
                let contentStart = index + 2
                var cursor = contentStart
                var close: Int?
                while cursor < count, bytes[cursor] != 0x0A {
                    if bytes[cursor] == 0x7D, cursor + 1 < count, bytes[cursor + 1] == 0x7D {
                        close = cursor
                        break
                    }
                    cursor += 1
                }
                guard let close else {
                    index = contentStart
                    continue
                }
                found.append((index, close, line, lineStart))
                index = close + 2
            }
            return found
        } ?? []
        let utf8 = text.utf8, start = utf8.startIndex
        func at(_ offset: Int) -> String.Index { utf8.index(start, offsetBy: offset) }
        return found.map { tag in
            TemplateTag(content: text[at(tag.open + 2)..<at(tag.close)], line: tag.line, before: text[at(tag.lineStart)..<at(tag.open)])
        }
    }
}
