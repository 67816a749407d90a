/// Escapes text for Markdown output so a name like `*Jo* <b>` shows literally on GitHub and in
/// plain-text readers: punctuation that has inline meaning in CommonMark or GitHub Markdown gets
/// a backslash (the values are only ever placed mid-line), line breaks become spaces.
enum MarkdownEscaping {
    static let punctuation = Set("\\`*_{}[]<>!|~&")

    static func escape(_ text: String) -> String {
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
