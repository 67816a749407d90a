import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Text from a profile, front matter or cycle file shown literally in the Markdown report.
@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    @Test("plain text is unchanged", arguments: ["Jordan Lee", "Match 2027 (projected)", "café 🎓", ""])
    func plain(_ text: String) {
        #expect(MarkdownEscaping.escape(text) == text)
    }

    @Test("Markdown punctuation gets a backslash and line breaks become spaces")
    func punctuation() {
        #expect(MarkdownEscaping.escape("*Jo* <b> [x](y) a_b `c` ~d~ |e| !f & \\") == "\\*Jo\\* \\<b\\> \\[x\\](y) a\\_b \\`c\\` \\~d\\~ \\|e\\| \\!f \\& \\\\")
        #expect(MarkdownEscaping.escape("one\ntwo\r\nthree\rfour\u{2028}five") == "one two three four five")
    }

    /// The fast test for text `escape` leaves alone agrees with the punctuation set, byte by byte.
    @Test("plain-text check: exactly ASCII without punctuation or line breaks")
    func plainCheck() {
        for value in 0..<0x100 {
            let scalar = Unicode.Scalar(UInt8(value))
            let expected = scalar.isASCII && !MarkdownEscaping.punctuation.contains(Character(scalar)) && !Character(scalar).isNewline
            #expect(MarkdownEscaping.isPlain("ab" + String(Character(scalar)) + "c") == expected, "U+\(String(value, radix: 16))")
        }
        #expect(MarkdownEscaping.isPlain("Jordan Lee, 245 (T1)") && !MarkdownEscaping.isPlain("café") && MarkdownEscaping.isPlain(""))
    }

    /// `*` followed by a combining mark is one Character but still emphasis to a Markdown
    /// parser (found by a new-user test: the name rendered in italics).
    @Test("punctuation followed by a combining mark is escaped too")
    func combiningMarks() {
        #expect(MarkdownEscaping.escape("a *\u{301}b*\u{301} [x\u{301}](u)") == "a \\*\u{301}b\\*\u{301} \\[x\u{301}\\](u)")
        #expect(MarkdownEscaping.escape("<\u{338}") == "\\<\u{338}")
    }
}
