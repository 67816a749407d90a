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
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else {
            throw MatchPlanError(.data, file: source.path, location: .init(line: 1, column: 1),
                                 "expected front matter: a first line '---', YAML keys (id, title, section), then a line '---'")
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            throw MatchPlanError(.data, file: source.path, location: .init(line: 1, column: 1),
                                 "front matter opened on line 1 is never closed; expected a line with only '---' after the YAML keys")
        }
        return FrontMatter(yaml: lines[1..<close].joined(separator: "\n"),
                           body: lines[(close + 1)...].joined(separator: "\n"),
                           yamlLineOffset: 1)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
