import MatchPlanFileSystem
import MatchPlanModel

/// A template compiled for one view shape: the text swift-mustache rendered for the shape's
/// probe view, cut at the markers into literal text and string slots (see ``ViewShape``).
///
/// Running it with a view's strings gives the same bytes swift-mustache would render for that
/// view: literals as rendered, each slot filled with its string, escaped as its marker came
/// out: as is, HTML-escaped exactly as swift-mustache escapes (`< > & " '`), or
/// Markdown-escaped by the `MARKDOWN` content type's own function (``MarkdownContentType``).
struct TemplateProgram: Sendable {
    /// How a slot's string is escaped: the content type in force where the template printed
    /// it (`{{name}}` in an HTML, TEXT or MARKDOWN template), or none (`{{{name}}}`).
    enum Escaping: Sendable, CaseIterable {
        case asIs, html, markdown

        func apply(_ text: String) -> String {
            switch self {
            case .asIs: text
            case .html: TemplateProgram.escapeHTML(text)
            case .markdown: MarkdownEscaping.escape(text)
            }
        }

        /// What follows the digits of a marker printed with this escaping, up to and including
        /// `U+E001` and the marker's final line break (the marker's tail, ``ViewShape/marker(_:endsWithLineBreak:)``,
        /// escaped): `&"`, `&amp;&quot;` or `\&"`; a final line break stays one in HTML and
        /// becomes a space in Markdown. Tails differ, so the output tells the escaping.
        static let tails: [(escaping: Escaping, plain: [Unicode.Scalar], lineBreak: [Unicode.Scalar])] = allCases.map { escaping in
            let tail = "&\"\(Character(ViewShape.markerEnd))"
            return (escaping, Array(escaping.apply(tail).unicodeScalars), Array(escaping.apply(tail + "\n").unicodeScalars))
        }
    }

    enum Piece: Sendable {
        case literal(String)
        /// String `index` of the view, escaped as `escaping` says.
        case slot(index: Int, escaping: Escaping)
        /// Where a section renders the view's child `index` (``ViewShape/children``): each of
        /// its views through its own program.
        case call(Int)
    }

    let pieces: [Piece]
    /// Bytes of literal text (to size the output).
    let literalBytes: Int

    /// Cuts `output` (swift-mustache's rendering of a probe view whose strings end, or not, with
    /// a line break as `endsWithLineBreak` says) at its markers. Returns nil when a marker came
    /// out altered (other than by one of the ``Escaping``s) or a marker character appears
    /// outside a marker: the template did something to a string besides printing it.
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
            // U+E000 digits, then a tail that tells the escaping (``Escaping/tails``); the
            // marker carries its string's final line break, escaped with it.
            guard let number = number(&cursor), strings.contains(number) else { return nil }
            let rest = scalars[cursor...]
            let lineBreak = endsWithLineBreak[number]
            guard let (escaping, tail) = Escaping.tails.lazy.map({ ($0.escaping, lineBreak ? $0.lineBreak : $0.plain) })
                .first(where: { rest.starts(with: $0.1) }) else { return nil }
            cursor = scalars.index(cursor, offsetBy: tail.count)
            pieces.append(.slot(index: number - strings.lowerBound, escaping: escaping))
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
            case .slot(let index, let escaping):
                output += escaping.apply(strings[index])
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
        guard needsHTMLEscaping(text) else { return text }
        if let escaped = escapeASCII(text) { return escaped }
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

    /// `escapeHTML` for text that is all ASCII, byte by byte (every ASCII byte but CR LF is a
    /// Character of its own, and neither is escaped); nil for other text. Profiled: going by
    /// Character, grapheme breaking was most of the cost of text with an apostrophe.
    private static func escapeASCII(_ text: String) -> String? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x3C: escaped.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: escaped.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x26: escaped.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x22: escaped.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case 0x27: escaped.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                case 0x80...: return nil
                default: escaped.append(byte)
                }
            }
            // From a buffer pointer: decoding an Array took the generic transcoding path (profiled).
            return escaped.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        } ?? nil
    }

    /// The bytes `escapeHTML` changes, `" & ' < >` (all below 64), as bits of one mask.
    private static let htmlSpecial: UInt64 = [0x22, 0x26, 0x27, 0x3C, 0x3E].reduce(0) { $0 | 1 << UInt64($1) }

    /// Whether `text` holds a byte `escapeHTML` changes, tested eight bytes at a time over
    /// contiguous storage (profiled: the test runs over every string a roster prints, and a
    /// byte-by-byte `contains(where:)` over the UTF-8 view was a twenty-fifth of its time).
    static func needsHTMLEscaping(_ text: String) -> Bool {
        let mask = htmlSpecial
        func special(_ byte: UInt8) -> Bool { byte < 64 && (mask >> UInt64(byte)) & 1 != 0 }
        return text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var index = 0
            while index + 8 <= buffer.count {
                if hasSpecialByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { return true }
                index += 8
            }
            while index < buffer.count {
                if special(base[index]) { return true }
                index += 1
            }
            return false
        } ?? text.utf8.contains(where: special)
    }

    /// Whether any byte of `word` is one of `" & ' < >`: for each, the word XOR that byte in
    /// every lane has a zero byte exactly when the byte occurs, and `(v - 0x01…) & ~v & 0x80…`
    /// is non-zero exactly when `v` has a zero byte.
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x26)) || hasZero(word ^ (ones &* 0x27))
            || hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0x3E))
    }
}
