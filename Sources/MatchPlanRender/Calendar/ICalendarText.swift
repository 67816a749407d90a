import MatchPlanModel

/// RFC 5545 content-line text: escaping a TEXT value and folding a line at 75 octets.
///
/// A calendar file is plain text with a few rules; this is the whole of them that MatchPlan
/// needs (all-day events, no time zones, no attachments).
public enum ICalendarText {
    /// The line end RFC 5545 requires (section 3.1).
    public static let lineEnd = "\r\n"
    /// The longest line in octets, not counting the line end (section 3.1).
    public static let maxLineOctets = 75

    /// Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma get a
    /// backslash; every line break (CRLF, CR or LF) becomes `\n`. Other control characters
    /// (not allowed in TEXT) are dropped; tab is kept.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds one content line (without its line end) so that no physical line is longer than
    /// 75 octets of UTF-8 (RFC 5545 section 3.1): each continuation starts with one space, which
    /// counts toward its 75. A character's UTF-8 sequence is never split.
    /// - Returns: the physical lines joined by CRLF, without a final CRLF.
    public static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > maxLineOctets {
                lines.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: lineEnd)
    }

    /// One property line, folded and ended with CRLF: `NAME:value` or `NAME;PARAM=X:value`.
    /// `value` is written as given (escape TEXT values with ``escape(_:)`` first).
    public static func line(_ name: String, _ value: String) -> String {
        fold("\(name):\(value)") + lineEnd
    }

    /// A date as an RFC 5545 DATE value (`YYYYMMDD`).
    public static func date(_ date: CalendarDate) -> String {
        String(date.description.filter { $0 != "-" })
    }
}
