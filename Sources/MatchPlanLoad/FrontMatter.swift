import MatchPlanFileSystem
import MatchPlanModel

/// Splits a Markdown file into its YAML front matter and body.
///
/// The front matter is the block between a first line `---` and the next line that is exactly
/// `---` (trailing spaces allowed); a `---` later in the body is a thematic break and stays in
/// the body. Input is a ``SourceText`` (BOM removed, LF line ends).
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the fences (without them).
    public var yaml: String
    /// Everything after the closing fence.
    public var body: String
    /// Lines before the YAML in the file (1: the opening fence), to report YAML errors at file lines.
    public var yamlLineOffset: Int

    /// - Throws: ``MatchPlanError`` `.data` when the file does not start with `---` or the block is never closed.
    public static func split(_ source: SourceText) throws -> FrontMatter {
        // Reads lines only up to the closing fence; the body is the rest of the text as it is
        // (splitting a whole page into lines and joining them again was a profiled hot spot).
        let text = source.text
        /// The line starting at `start`, and where the next one starts (nil after the last).
        func line(at start: String.Index) -> (text: Substring, next: String.Index?) {
            guard let end = text[start...].firstIndex(of: "\n") else { return (text[start...], nil) }
            return (text[start..<end], text.index(after: end))
        }
        let first = line(at: text.startIndex)
        guard isFence(first.text) else {
            throw MatchPlanError(.data, file: source.path, location: .init(line: 1, column: 1),
                                 "expected front matter: a first line '---', YAML keys (id, title, section), then a line '---'")
        }
        var cursor = first.next
        while let start = cursor {
            let current = line(at: start)
            if isFence(current.text) {
                let yamlStart = first.next!
                return FrontMatter(yaml: start == yamlStart ? "" : String(text[yamlStart..<text.index(before: start)]),
                                   body: current.next.map { String(text[$0...]) } ?? "",
                                   yamlLineOffset: 1)
            }
            cursor = current.next
        }
        throw MatchPlanError(.data, file: source.path, location: .init(line: 1, column: 1),
                             "front matter opened on line 1 is never closed; expected a line with only '---' after the YAML keys")
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
