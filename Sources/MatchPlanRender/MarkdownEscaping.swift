import MatchPlanFileSystem
import MatchPlanModel

/// Escapes text for Markdown output so a name like `*Jo* <b>` shows literally on GitHub and in
/// plain-text readers: punctuation that has inline meaning in CommonMark or GitHub Markdown gets
/// a backslash (the values are only ever placed mid-line), line breaks become spaces.
enum MarkdownEscaping {
    static let punctuation = Set("\\`*_{}[]<>!|~&")

    /// The ASCII bytes `escape` changes: the punctuation above and the ASCII line breaks.
    private static let changedBytes: [Bool] = (0..<128).map { byte in
        let character = Character(Unicode.Scalar(UInt8(byte)))
        return punctuation.contains(character) || character.isNewline
    }

    static func escape(_ text: String) -> String {
        // Nearly all text is plain ASCII that needs nothing: return it without a copy.
        if text.utf8.allSatisfy({ $0 < 0x80 && !changedBytes[Int($0)] }) { return text }
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
