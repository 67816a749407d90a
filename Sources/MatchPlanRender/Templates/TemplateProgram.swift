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
        /// Where a section renders the view's child `index` (``ViewShape/children``): each of
        /// its views through its own program.
        case call(Int)
    }

    let pieces: [Piece]
    /// Bytes of literal text (to size the output).
    let literalBytes: Int

    /// Cuts `output` (swift-mustache's rendering of a probe view whose strings end, or not, with
    /// a line break as `endsWithLineBreak` says) at its markers. Returns nil when a marker came
    /// out altered or a marker character appears outside a marker: the template did something
    /// to a string besides printing it.
    init?(output: String, endsWithLineBreak: [Bool]) {
        self.init(output: output, strings: 0..<endsWithLineBreak.count, endsWithLineBreak: endsWithLineBreak, children: 0..<0)
    }

    /// The same for one view of several walked into one probe (``SplitCompiler``): only string
    /// markers numbered in `strings` and call markers numbered in `children` may appear; they
    /// become slots and calls numbered from 0.
    init?(output: String, strings: Range<Int>, endsWithLineBreak: [Bool], children: Range<Int>) {
        var pieces: [Piece] = []
        var literalBytes = 0
        let scalars = output.unicodeScalars
        var literalStart = scalars.startIndex
        var index = scalars.startIndex
        /// The decimal number at `cursor` (advanced past it).
        func number(_ cursor: inout String.UnicodeScalarView.Index) -> Int? {
            var value = 0, digits = 0
            while cursor < scalars.endIndex, case 0x30...0x39 = scalars[cursor].value {
                value = value * 10 + Int(scalars[cursor].value - 0x30)
                digits += 1
                guard digits <= 9 else { return nil }
                scalars.formIndex(after: &cursor)
            }
            return digits > 0 ? value : nil
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == ViewShape.markerEnd || scalar == Self.callEnd { return nil }
            guard scalar == ViewShape.markerStart || scalar == Self.callStart else {
                scalars.formIndex(after: &index)
                continue
            }
            if literalStart < index {
                let literal = String(scalars[literalStart..<index])
                literalBytes += literal.utf8.count
                pieces.append(.literal(literal))
            }
            var cursor = scalars.index(after: index)
            if scalar == Self.callStart {
                // U+E002 digits U+E003
                guard let id = number(&cursor), children.contains(id), cursor < scalars.endIndex, scalars[cursor] == Self.callEnd else { return nil }
                scalars.formIndex(after: &cursor)
                pieces.append(.call(id - children.lowerBound))
                index = cursor
                literalStart = cursor
                continue
            }
            // U+E000 digits ("&\"" | "&amp;&quot;") U+E001
            guard let number = number(&cursor), strings.contains(number) else { return nil }
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
            pieces.append(.slot(index: number - strings.lowerBound, escaped: escaped))
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

    /// First and last scalars of a call marker (``CallMarker``).
    static let callStart: Unicode.Scalar = "\u{E002}"
    static let callEnd: Unicode.Scalar = "\u{E003}"

    /// The output for a view whose strings (in ``ViewShape`` order) are `strings`.
    func run(_ strings: [String]) -> String {
        var output = ""
        output.reserveCapacity(literalBytes + strings.reduce(0) { $0 + $1.utf8.count })
        _ = run(strings, into: &output) { _, _ in false }
        return output
    }

    /// Appends the output for a view with these strings to `output`; `call` appends child
    /// `index`'s output. False as soon as a call returns false.
    func run(_ strings: [String], into output: inout String, call: (Int, inout String) -> Bool) -> Bool {
        for piece in pieces {
            switch piece {
            case .literal(let text):
                output += text
            case .slot(let index, let escaped):
                output += escaped ? Self.escapeHTML(strings[index]) : strings[index]
            case .call(let index):
                guard call(index, &output) else { return false }
            }
        }
        return true
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
