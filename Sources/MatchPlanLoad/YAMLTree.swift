internal import CYaml
import MatchPlanFileSystem
import MatchPlanModel
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
        switch preflight(source.text) {
        case .alias(let name, let line, let column)?:
            throw MatchPlanError(.data, file: source.path, location: .init(line: line + lineOffset, column: column),
                                 "YAML alias '*\(name)' is not supported (anchors and aliases can blow a small file up to billions of values); write the value out")
        case .duplicateKey(let key, let path, let line, let column)?:
            throw MatchPlanError(.data, file: source.path, location: .init(line: line + lineOffset, column: column), keyPath: path,
                                 "duplicate key: '\(key)' appears more than once in the same mapping; keep one")
        case nil:
            break
        }
        do {
            // No implicit tag resolution: every loader reads scalars as text and parses them
            // itself (FieldReader), and Yams' default resolver runs regular expressions on every
            // scalar it hashes (a fifth of loading a single report, profiled).
            // The encoding is given: Yams' default reads the whole process environment per parse.
            return try Yams.compose(yaml: source.text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw translate(error, source: source, lineOffset: lineOffset)
        }
    }

    /// What the event pass refuses before Yams composes anything.
    enum Problem: Equatable {
        /// `*name` at a 1-based line and column.
        case alias(name: String, line: Int, column: Int)
        /// The second `key` of one mapping, with the full key path (`step2ck.score`, `advisors[0].email`).
        case duplicateKey(key: String, path: String, line: Int, column: Int)
    }

    /// One pass of libyaml's event parser over `text`, before anything is composed:
    /// - aliases are refused: Yams expands them and hashes mapping keys, so nested aliases used as
    ///   a key (a "billion laughs" file of 1 KB) would hang the loader;
    /// - a duplicate key is reported where the duplicate is written, with its full key path (Yams'
    ///   own check only names the mapping).
    /// Nil when there is no problem, when a mapping has a complex (non-scalar) key, or when the
    /// text has a syntax error first (``compose(_:lineOffset:)`` then reports it).
    static func preflight(_ text: String) -> Problem? {
        enum Frame {
            case mapping(keys: Set<String>, expectingKey: Bool, key: String)
            case sequence(index: Int)
        }
        var stack: [Frame] = []
        func path(adding key: String) -> String {
            var result = ""
            for frame in stack.dropLast() {
                switch frame {
                case .mapping(_, _, let key): result += result.isEmpty ? key : ".\(key)"
                case .sequence(let index): result += "[\(index)]"
                }
            }
            return result.isEmpty ? key : "\(result).\(key)"
        }
        func valueCompleted() {
            switch stack.last {
            case .mapping(let keys, false, let key)?: stack[stack.count - 1] = .mapping(keys: keys, expectingKey: true, key: key)
            case .sequence(let index)?: stack[stack.count - 1] = .sequence(index: index + 1)
            default: break
            }
        }
        let bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Problem? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                let expectingKey: Bool
                if case .mapping(_, true, _)? = stack.last { expectingKey = true } else { expectingKey = false }
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return .alias(name: event.data.alias.anchor.map { String(cString: $0) } ?? "", line: line, column: column)
                case YAML_SCALAR_EVENT:
                    guard expectingKey, case .mapping(var keys, _, _)? = stack.last else {
                        valueCompleted()
                        continue
                    }
                    let value = event.data.scalar
                    let key = String(decoding: UnsafeBufferPointer(start: value.value, count: Int(value.length)), as: UTF8.self)
                    if keys.contains(key) { return .duplicateKey(key: key, path: path(adding: key), line: line, column: column) }
                    keys.insert(key)
                    stack[stack.count - 1] = .mapping(keys: keys, expectingKey: false, key: key)
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if expectingKey { return nil }
                    stack.append(event.type == YAML_MAPPING_START_EVENT ? .mapping(keys: [], expectingKey: true, key: "") : .sequence(index: 0))
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    _ = stack.popLast()
                    valueCompleted()
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    continue
                }
            }
            return nil
        }
    }

    /// Where `key` is written the second time at or after `start` (the duplicate the user must remove).
    /// Counts every occurrence, so a duplicate on the same line (`{"a": 1, "a": 2}`) is found too.
    private static func secondOccurrence(of key: String, in text: String, fromLine start: Int) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var seen = 0
        for index in max(0, start - 1)..<lines.count {
            for column in keyColumns(of: key, in: Array(lines[index])) {
                seen += 1
                if seen == 2 { return (index + 1, column) }
            }
        }
        return nil
    }

    /// 1-based columns where `key:` (plain or quoted) starts a mapping key on one line: at the
    /// start of the line or after a space, tab, `{` or `,`.
    private static func keyColumns(of key: String, in line: [Character]) -> [Int] {
        var columns: [Int] = []
        for form in [key, "\"\(key)\"", "'\(key)'"] {
            let needle = Array(form + ":")
            guard needle.count <= line.count else { continue }
            for start in 0...(line.count - needle.count) where line[start..<(start + needle.count)].elementsEqual(needle) {
                if start == 0 || [" ", "\t", "{", ","].contains(line[start - 1]) { columns.append(start + 1) }
            }
        }
        return columns.sorted()
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
            var contextText = context.map { "\($0.text) " } ?? ""
            if let start = context?.mark, start.line != mark.line {
                contextText += "(started at line \(start.line + lineOffset), column \(start.column)) "
            }
            if problem.hasPrefix("Maximum nesting level reached") {
                return located(mark, "the lists or mappings are nested more than 1000 levels deep; a profile needs only a few levels")
            }
            return located(mark, contextText + problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted()
            let mark = secondOccurrence(of: keys.first ?? "", in: source.text, fromLine: context.mark.line)
                ?? (context.mark.line, context.mark.column)
            return MatchPlanError(.data, file: source.path,
                                  location: .init(line: mark.line + lineOffset, column: mark.column),
                                  keyPath: keys.first,
                                  "duplicate key: '\(keys.joined(separator: "', '"))' appears more than once in the same mapping; keep one")
        case let .reader(problem, offset, value, _):
            // libyaml's reader counts bytes; turn the offset into a line and column.
            let location = offset.map { offset -> MatchPlanError.Location in
                let before = source.text.utf8.prefix(offset)
                let line = before.filter { $0 == 0x0A }.count + 1
                let column = String(decoding: before.split(separator: 0x0A, omittingEmptySubsequences: false).last ?? [], as: UTF8.self).count + 1
                return .init(line: line + lineOffset, column: column)
            }
            let hex = String(value, radix: 16, uppercase: true)
            return MatchPlanError(.data, file: source.path, location: location,
                                  "cannot be read as YAML: \(problem) (character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))")
        default:
            return MatchPlanError(.data, file: source.path, "cannot be read as YAML: \(error)")
        }
    }
}
