import Yams

/// Parses YAML (and JSON, which the YAML parser reads too) into a node tree that keeps each
/// node's line and column, and turns the parser's failures into ``MatchPlanError``s.
enum YAMLTree {
    /// Composes the single document in `source`.
    /// - Parameters:
    ///   - lineOffset: lines before `source.text` in the real file (front matter starts after `---`).
    /// - Returns: the root node, or nil for an empty document.
    /// - Throws: ``MatchPlanError`` `.data` with file, line and column for syntax errors and duplicate keys.
    static func compose(_ source: SourceText, lineOffset: Int = 0) throws -> Node? {
        do {
            return try Yams.compose(yaml: source.text)
        } catch let error as YamlError {
            throw translate(error, source: source, lineOffset: lineOffset)
        }
    }

    /// Where `key` is written the second time at or after `start` (the duplicate the user must remove).
    private static func secondOccurrence(of key: String, in text: String, fromLine start: Int) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for index in max(0, start - 1)..<lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " || $0 == "{" || $0 == "," }
            for form in ["\(key):", "\"\(key)\":", "'\(key)':"] where trimmed.hasPrefix(form) || line.contains(" \(form)") || line.contains("{\(form)") {
                seen += 1
                if seen == 2 {
                    let column = line.distance(from: line.startIndex, to: line.range(of: form)!.lowerBound) + 1
                    return (index + 1, column)
                }
                break
            }
        }
        return nil
    }

    private static func translate(_ error: YamlError, source: SourceText, lineOffset: Int) -> MatchPlanError {
        func located(_ mark: Mark, _ message: String) -> MatchPlanError {
            var text = message
            if let line = source.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first,
               line.contains("\t") {
                text += " (the line contains a tab: YAML indents with spaces only)"
            }
            return MatchPlanError(.data, file: source.path,
                                  location: .init(line: mark.line + lineOffset, column: mark.column),
                                  "YAML syntax error: \(text)")
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let contextText = context.map { "\($0.text) " } ?? ""
            return located(mark, contextText + problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted()
            let mark = secondOccurrence(of: keys.first ?? "", in: source.text, fromLine: context.mark.line)
                ?? (context.mark.line, context.mark.column)
            return MatchPlanError(.data, file: source.path,
                                  location: .init(line: mark.line + lineOffset, column: mark.column),
                                  keyPath: keys.first,
                                  "duplicate key: '\(keys.joined(separator: "', '"))' appears more than once in the same mapping; keep one")
        case let .reader(problem, _, _, _):
            return MatchPlanError(.data, file: source.path, "cannot be read as YAML: \(problem)")
        default:
            return MatchPlanError(.data, file: source.path, "cannot be read as YAML: \(error)")
        }
    }
}
