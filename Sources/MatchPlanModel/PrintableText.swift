/// Text from input made safe to print in an error on a terminal or in a log.
public enum PrintableText {
    /// `text` with every control character (ESC, NUL, line breaks, …) and invisible format
    /// character (bidirectional overrides, zero-width spaces, a stray byte-order mark) written
    /// as `\u{…}`, so a file name or value cannot move the cursor, recolour the terminal,
    /// reorder the line, hide itself or split one error into several lines.
    public static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
    }
}
