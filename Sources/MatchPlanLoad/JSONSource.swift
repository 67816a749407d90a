import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// Reads a `.json` profile with a real JSON parser while keeping `file:line:column` in errors.
///
/// Foundation's `JSONSerialization` decides what is valid JSON (escapes, numbers, surrogate
/// pairs such as Python's `\ud83d\ude00`, nesting); its syntax errors give a byte offset, turned
/// into a line and column here. Valid JSON is then composed into the same positioned node tree
/// as YAML (``YAMLTree``), so every later check points at the line and column of the value.
/// The two readers differ only in escapes JSON has and YAML lacks: a surrogate pair `\uD83D\uDE00`
/// is rewritten as the YAML escape `\U0001F600` (two characters shorter), and the ``ColumnMap``
/// puts columns after it back where they are in the file. Tabs between tokens become spaces
/// (same column).
enum JSONSource {
    /// Where the rewritten text is shorter than the file: per line, (column in the rewritten
    /// text after which, characters missing) in order.
    struct ColumnMap: Equatable {
        var shifts: [Int: [(column: Int, missing: Int)]] = [:]

        static func == (lhs: ColumnMap, rhs: ColumnMap) -> Bool {
            lhs.shifts.keys.sorted() == rhs.shifts.keys.sorted()
                && lhs.shifts.allSatisfy { key, value in
                    rhs.shifts[key].map { $0.map(\.column) == value.map(\.column) && $0.map(\.missing) == value.map(\.missing) } ?? false
                }
        }

        /// The file's column for `column` of the rewritten text on `line`.
        func original(line: Int, column: Int) -> Int {
            column + (shifts[line] ?? []).filter { $0.column < column }.reduce(0) { $0 + $1.missing }
        }

        func remap(_ error: MatchPlanError) -> MatchPlanError {
            guard let location = error.location else { return error }
            var copy = error
            copy.location = .init(line: location.line, column: original(line: location.line, column: location.column))
            return copy
        }
    }

    /// Validates `source` as JSON and composes it.
    /// - Throws: ``MatchPlanError`` `.data`: `JSON syntax error` at the line and column the
    ///   parser stopped at, or what ``YAMLTree/compose(_:lineOffset:)`` finds (duplicate keys).
    static func compose(_ source: SourceText) throws -> (node: Node?, map: ColumnMap) {
        let data = Data(source.text.utf8)
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw syntaxError(error, source: source)
        }
        let (text, map) = rewrite(source.text)
        do {
            return (try YAMLTree.compose(SourceText(path: source.path, text: text)), map)
        } catch let error as MatchPlanError {
            throw map.remap(error)
        }
    }

    /// The JSON text with surrogate-pair escapes as YAML `\U` escapes and tabs as spaces.
    static func rewrite(_ text: String) -> (String, ColumnMap) {
        var output = String.UnicodeScalarView()
        var map = ColumnMap()
        let scalars = Array(text.unicodeScalars)
        var line = 1, column = 1   // in the rewritten text
        var inString = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if inString, scalar == "\\", index + 1 < scalars.count {
                if let pair = surrogatePair(scalars, at: index) {
                    let escape = "\\U" + String(repeating: "0", count: 8 - String(pair.value, radix: 16).count) + String(pair.value, radix: 16, uppercase: true)
                    output.append(contentsOf: escape.unicodeScalars)
                    column += escape.unicodeScalars.count
                    map.shifts[line, default: []].append((column - 1, 12 - escape.unicodeScalars.count))
                    index += 12
                    continue
                }
                output.append(scalar)
                output.append(scalars[index + 1])
                column += 2
                index += 2
                continue
            }
            if scalar == "\"" { inString.toggle() }
            output.append(!inString && scalar == "\t" ? " " : scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return (String(output), map)
    }

    /// The scalar of `\uD8xx\uDCxx` starting at `index`, when it is a valid pair.
    private static func surrogatePair(_ scalars: [Unicode.Scalar], at index: Int) -> Unicode.Scalar? {
        func unit(at start: Int) -> UInt32? {
            guard start + 6 <= scalars.count, scalars[start] == "\\", scalars[start + 1] == "u" || scalars[start + 1] == "U" else { return nil }
            return UInt32(String(String.UnicodeScalarView(scalars[(start + 2)..<(start + 6)])), radix: 16)
        }
        guard let high = unit(at: index), (0xD800...0xDBFF).contains(high),
              let low = unit(at: index + 6), (0xDC00...0xDFFF).contains(low) else { return nil }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    /// `JSONSerialization`'s error as `file:line:column: JSON syntax error: …`.
    static func syntaxError(_ error: Error, source: SourceText) -> MatchPlanError {
        var description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        let bytes = Array(source.text.utf8)
        var offset = bytes.count
        if let range = description.range(of: #" around (line \d+, column \d+|character \d+)\.?"#, options: .regularExpression) {
            let digits = description[range].split { !$0.isNumber }.compactMap { Int($0) }
            if digits.count == 1 { offset = min(digits[0], bytes.count) }
            description.removeSubrange(range)
            if digits.count == 2 {
                return MatchPlanError(.data, file: source.path, location: .init(line: digits[0], column: digits[1]),
                                      "JSON syntax error: \(sentence(description))")
            }
        }
        let before = bytes[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return MatchPlanError(.data, file: source.path, location: .init(line: line, column: column), "JSON syntax error: \(sentence(description))")
    }

    private static func sentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return "not valid JSON" }
        text = first.lowercased() + text.dropFirst()
        if text.hasPrefix("invalid value") {
            text += "; expected ':' after a key, ',' between entries, or a value (text in double quotes, a number, true, false, null, {…} or […])"
        } else if text.hasPrefix("unexpected end of file") {
            text += "; a closing '}', ']' or '\"' is missing"
        }
        return text
    }
}
