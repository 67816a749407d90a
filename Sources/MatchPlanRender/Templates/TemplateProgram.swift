import MatchPlanFileSystem
import MatchPlanModel

/// A template compiled for one view shape: the text swift-mustache rendered for the shape's
/// probe view, cut at the markers into literal text and string slots (see ``ViewShape``).
///
/// Running it with a view's strings gives the same bytes swift-mustache would render for that
/// view: literals as rendered, each slot filled with its string, HTML-escaped exactly as
/// swift-mustache escapes (`< > & " '`) where the marker came out escaped.
struct TemplateProgram: Sendable {
    enum Piece: Sendable {
        case literal(String)
        /// String `index` of the view, HTML-escaped or as is.
        case slot(index: Int, escaped: Bool)
    }

    let pieces: [Piece]
    /// Bytes of literal text (to size the output).
    let literalBytes: Int

    /// Cuts `output` (swift-mustache's rendering of a probe view whose strings end, or not, with
    /// a line break as `endsWithLineBreak` says) at its markers. Returns nil when a marker came out altered or a marker character appears
    /// outside a marker: the template did something to a string besides printing it.
    init?(output: String, endsWithLineBreak: [Bool]) {
        let slotCount = endsWithLineBreak.count
        var pieces: [Piece] = []
        var literalBytes = 0
        let scalars = output.unicodeScalars
        var literalStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == ViewShape.markerEnd { return nil }
            guard scalar == ViewShape.markerStart else {
                scalars.formIndex(after: &index)
                continue
            }
            if literalStart < index {
                let literal = String(scalars[literalStart..<index])
                literalBytes += literal.utf8.count
                pieces.append(.literal(literal))
            }
            // U+E000 digits ("&\"" | "&amp;&quot;") U+E001
            var cursor = scalars.index(after: index)
            var number = 0, digits = 0
            while cursor < scalars.endIndex, case 0x30...0x39 = scalars[cursor].value {
                number = number * 10 + Int(scalars[cursor].value - 0x30)
                digits += 1
                guard digits <= 9 else { return nil }
                scalars.formIndex(after: &cursor)
            }
            guard digits > 0, number < slotCount else { return nil }
            let rest = scalars[cursor...]
            let escaped: Bool
            if rest.starts(with: "&\"\u{E001}".unicodeScalars) {
                escaped = false
                cursor = scalars.index(cursor, offsetBy: 3)
            } else if rest.starts(with: "&amp;&quot;\u{E001}".unicodeScalars) {
                escaped = true
                cursor = scalars.index(cursor, offsetBy: 12)
            } else {
                return nil
            }
            if endsWithLineBreak[number] {
                // The marker carries its string's final line break.
                guard cursor < scalars.endIndex, scalars[cursor] == "\n" else { return nil }
                scalars.formIndex(after: &cursor)
            }
            pieces.append(.slot(index: number, escaped: escaped))
            index = cursor
            literalStart = cursor
        }
        if literalStart < scalars.endIndex {
            let literal = String(scalars[literalStart...])
            literalBytes += literal.utf8.count
            pieces.append(.literal(literal))
        }
        self.pieces = pieces
        self.literalBytes = literalBytes
    }

    /// The output for a view whose strings (in ``ViewShape`` order) are `strings`.
    func run(_ strings: [String]) -> String {
        var output = ""
        output.reserveCapacity(literalBytes + strings.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces {
            switch piece {
            case .literal(let text):
                output += text
            case .slot(let index, let escaped):
                output += escaped ? Self.escapeHTML(strings[index]) : strings[index]
            }
        }
        return output
    }

    /// swift-mustache's HTML escaping, byte for byte: each Character `<`, `>`, `&`, `"`, `'`
    /// becomes `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#39;` (a character followed by a combining
    /// mark is a different Character and is left as it is, as swift-mustache leaves it). Text
    /// without any of those bytes, nearly all text, is returned without a copy.
    static func escapeHTML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
