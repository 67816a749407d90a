import MatchPlanModel

/// Which characters a text value from input may hold. A profile's name, id or region (YAML,
/// JSON or a CSV cell) reaches reports and terminals, so control characters (NUL, ESC and the
/// rest; tab and line breaks are text) and invisible format characters (bidirectional
/// overrides such as U+202E, zero-width spaces, a stray byte-order mark) are refused, the same
/// way whatever the file's format. The zero-width joiner and non-joiner (U+200D, U+200C) are
/// allowed: emoji sequences and several scripts need them.
public enum TextCharacters {
    static let allowedControls: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
    static let allowedFormats: Set<Unicode.Scalar> = ["\u{200C}", "\u{200D}"]

    /// What is wrong with `text`, as the end of an error message ("control characters are not
    /// allowed (character U+001B); remove it"), or nil when every character is allowed.
    public static func problem(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control where !allowedControls.contains(scalar):
                return "control characters are not allowed (character \(code(scalar))); remove it"
            case .format where !allowedFormats.contains(scalar):
                return "invisible format characters are not allowed (character \(code(scalar))); remove it"
            default:
                continue
            }
        }
        return nil
    }

    /// `U+001B`: at least four hex digits.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
