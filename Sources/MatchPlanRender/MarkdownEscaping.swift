import MatchPlanFileSystem
import MatchPlanModel

/// Escapes text for Markdown output so a name like `*Jo* <b>` shows literally on GitHub and in
/// plain-text readers: punctuation that has inline meaning in CommonMark or GitHub Markdown gets
/// a backslash (the values are only ever placed mid-line), line breaks become spaces.
enum MarkdownEscaping {
    static let punctuation = Set("\\`*_{}[]<>!|~&")

    /// The ASCII bytes `escape` changes (the punctuation above and the ASCII line breaks), as
    /// two 64-bit masks: bit `b` of `changedLow` for byte `b` < 64, of `changedHigh` for `b - 64`.
    /// (The `MARKDOWN` content type runs `escape` on every `{{name}}` of the Markdown report, so
    /// the test for plain text is a shift and a mask per byte.)
    private static let changed: (low: UInt64, high: UInt64) = (0..<128).reduce(into: (UInt64(0), UInt64(0))) { masks, byte in
        let character = Character(Unicode.Scalar(UInt8(byte)))
        guard punctuation.contains(character) || character.isNewline else { return }
        if byte < 64 { masks.0 |= 1 << UInt64(byte) } else { masks.1 |= 1 << UInt64(byte - 64) }
    }

    /// Whether `escape` returns `text` as it is: plain ASCII without punctuation or line breaks.
    static func isPlain(_ text: String) -> Bool {
        let (low, high) = changed
        func plain(_ byte: UInt8) -> Bool {
            byte < 64 ? (low >> UInt64(byte)) & 1 == 0 : byte < 128 && (high >> UInt64(byte &- 64)) & 1 == 0
        }
        return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(plain) } ?? text.utf8.allSatisfy(plain)
    }

    static func escape(_ text: String) -> String {
        // Nearly all text is plain ASCII that needs nothing: return it without a copy.
        if isPlain(text) { return text }
        // By Unicode scalar, not Character: `*` followed by a combining mark is one Character
        // but still emphasis to a Markdown parser, so it gets its backslash too.
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\r" && pending == "\n" { continue }  // CRLF is one line break
            if Character(scalar).isNewline {
                result.append(" ")
            } else {
                if scalar.isASCII && punctuation.contains(Character(scalar)) { result.append("\\") }
                result.append(scalar)
            }
        }
        return String(result)
    }
}
