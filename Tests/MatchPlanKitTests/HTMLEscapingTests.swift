import Testing
@testable import MatchPlanRender

/// The compiled layer's HTML escaping: the eight-bytes-at-a-time test for text that needs it,
/// and the escape itself (swift-mustache's, byte for byte).
@Suite("HTML escaping")
struct HTMLEscapingTests {
    /// Every byte value at every position of strings from 0 to 19 bytes long (so each lands in
    /// an eight-byte word and in the tail): the fast test says yes exactly for `" & ' < >`.
    @Test("the word-at-a-time test finds exactly the five bytes, at any position")
    func wordTest() {
        let special: Set<UInt8> = [0x22, 0x26, 0x27, 0x3C, 0x3E]
        for length in 1..<20 {
            for position in 0..<length {
                for value in UInt8(0)..<0x80 {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[position] = value
                    let text = String(decoding: bytes, as: UTF8.self)
                    #expect(TemplateProgram.needsHTMLEscaping(text) == special.contains(value), "byte \(value) at \(position) of \(length)")
                }
            }
        }
        #expect(!TemplateProgram.needsHTMLEscaping(""))
        // Multi-byte characters whose bytes share low bits with the five are not mistaken for them.
        #expect(!TemplateProgram.needsHTMLEscaping("¢£¤ü€🎓 café naïve — ½ ¼"))
        #expect(TemplateProgram.needsHTMLEscaping("café naïve — \"quoted\""))
    }

    @Test("escapes as swift-mustache does", arguments: [
        ("plain text", "plain text"),
        ("<b>Jo & \"Al\"</b> it's", "&lt;b&gt;Jo &amp; &quot;Al&quot;&lt;/b&gt; it&#39;s"),
        ("a long line without anything to escape at all, past eight bytes", "a long line without anything to escape at all, past eight bytes"),
    ])
    func escapes(_ text: String, _ expected: String) {
        #expect(TemplateProgram.escapeHTML(text) == expected)
    }

    /// ASCII text is escaped byte by byte; other text by Character. Both give what escaping each
    /// Character of the text gives (CRLF, one Character, included).
    @Test("ASCII and non-ASCII text escape alike", arguments: [
        "it's <b>\"x\"</b> & more\r\n", "café's <b>", "a\u{301}'b' <\u{338} x", "’quoted’ & \"straight\"", "tab\there's",
    ])
    func byteAndCharacterPaths(_ text: String) {
        var expected = ""
        for character in text {
            switch character {
            case "<": expected += "&lt;"
            case ">": expected += "&gt;"
            case "&": expected += "&amp;"
            case "\"": expected += "&quot;"
            case "'": expected += "&#39;"
            default: expected.append(character)
            }
        }
        #expect(TemplateProgram.escapeHTML(text) == expected)
    }
}
