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
        // Nearly all text is plain ASCII that needs nothing: return it without a copy (the
        // Character-by-Character loop below hashes every character, a profiled hot spot).
        if text.utf8.allSatisfy({ $0 < 0x80 && !changedBytes[Int($0)] }) { return text }
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(" ")
            } else {
                if punctuation.contains(character) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }
}
