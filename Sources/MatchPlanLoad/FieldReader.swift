import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// Reads typed fields out of one YAML mapping, with errors that point at the offending node.
///
/// Every accessor returns nil for an absent key or an explicit null (`~`, `null`, empty), and
/// throws ``MatchPlanError`` `.data` naming the file, line, column, key path and the expected
/// type or range when the value is of the wrong shape. ``rejectUnknownKeys(_:)`` catches typos
/// with a "did you mean" hint. Used by every loader (profile, rules, cycle, front matter, site).
struct FieldReader {
    let file: String
    /// Key path of this mapping from the document root, e.g. `step2ck` (empty at the root).
    let path: String
    let mapping: Node.Mapping
    /// Values by key text, built once: `Node.Mapping`'s own subscript compares every key as a
    /// node, resolving YAML tags with regular expressions (a profiling hot spot for rosters).
    let values: [String: Node]
    let mark: Mark?
    let lineOffset: Int

    /// Wraps `node`, which must be a mapping.
    /// - Throws: `.data` when `node` is a scalar or a list.
    init(_ node: Node, file: String, path: String = "", lineOffset: Int = 0) throws {
        guard case .mapping(let mapping) = node else {
            throw Self.error(file: file, node: node, path: path, lineOffset: lineOffset,
                             "expected a mapping of keys to values, found \(Self.describe(node))")
        }
        self.file = file
        self.path = path
        self.mapping = mapping
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            if case .scalar(let scalar) = key, values[scalar.string] == nil { values[scalar.string] = value }
        }
        self.values = values
        self.mark = mapping.mark
        self.lineOffset = lineOffset
    }

    /// Keys present in this mapping, in document order.
    var keys: [String] { mapping.keys.compactMap(\.string) }

    /// Throws for the first key (in document order) that is not in `known`, suggesting the nearest known key.
    /// - Parameter lookup: the same keys as a set, for a caller that checks many mappings
    ///   against a long list (a roster checks every row against the profile's forty keys; profiled).
    func rejectUnknownKeys(_ known: [String], lookup: Set<String>? = nil) throws {
        for key in mapping.keys {
            let name = key.string ?? ""
            guard !(lookup?.contains(name) ?? known.contains(name)) else { continue }
            var message = "unknown key '\(Self.printable(name))'"
            if let suggestion = NearestName.suggest(name, among: known) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected one of: \(known.joined(separator: ", "))"
            }
            throw Self.error(file: file, node: key, path: path, lineOffset: lineOffset, message)
        }
    }

    /// Throws when `key` is absent or null.
    func require(_ key: String) throws -> Node {
        guard let node = value(key) else {
            if let present = values[key] {
                throw MatchPlanError(.data, file: file, location: location(of: present.mark), keyPath: join(key),
                                     "required key has no value")
            }
            throw MatchPlanError(.data, file: file, location: location(of: mark), keyPath: join(key),
                                 "required key is missing")
        }
        return node
    }

    /// The raw node for `key`, nil when absent or null.
    func value(_ key: String) -> Node? {
        guard let node = values[key] else { return nil }
        if case .scalar(let scalar) = node, Self.isNull(scalar) { return nil }
        return node
    }

    /// Text; control and invisible format characters are refused (``TextCharacters``), as in a
    /// roster's cells.
    func string(_ key: String) throws -> String? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            throw fail(key, node, "expected text, found \(Self.describe(node))")
        }
        if let problem = TextCharacters.problem(in: scalar.string) { throw fail(key, node, problem) }
        return scalar.string
    }

    /// A whole number within `range` (units are the caller's: points, counts, years).
    func int(_ key: String, in range: ClosedRange<Int>, what: String = "a whole number") throws -> Int? {
        guard let node = value(key) else { return nil }
        return try Self.int(node, in: range, what: what, reader: self, key: key)
    }

    private static let booleans = ["true": true, "false": false]

    func bool(_ key: String) throws -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              let bool = Self.booleans[scalar.string.lowercased()] else {
            throw fail(key, node, "expected true or false, found \(Self.describe(node))")
        }
        return bool
    }

    func date(_ key: String) throws -> CalendarDate? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node, let date = CalendarDate(iso: scalar.string) else {
            throw fail(key, node, "expected a date as YYYY-MM-DD, found \(Self.describe(node))")
        }
        return date
    }

    /// One of a fixed set of words (an enum's raw values).
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let node = value(key) else { return nil }
        return try Self.choice(node, type, reader: self, key: key)
    }

    func mapping(_ key: String) throws -> FieldReader? {
        guard let node = value(key) else { return nil }
        return try FieldReader(node, file: file, path: join(key), lineOffset: lineOffset)
    }

    /// A list; each element is handed to `element` with its index for error paths.
    func list<T>(_ key: String, _ element: (Node, String) throws -> T) throws -> [T]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node else {
            throw fail(key, node, "expected a list, found \(Self.describe(node))")
        }
        return try sequence.enumerated().map { index, item in try element(item, "\(join(key))[\(index)]") }
    }

    func intList(_ key: String, in range: ClosedRange<Int>, what: String = "a whole number") throws -> [Int]? {
        try list(key) { node, path in try Self.int(node, in: range, what: what, file: file, path: path, lineOffset: lineOffset) }
    }

    func stringList(_ key: String) throws -> [String]? {
        try list(key) { node, path in
            guard case .scalar(let scalar) = node else {
                throw Self.error(file: file, node: node, path: path, lineOffset: lineOffset, "expected text, found \(Self.describe(node))")
            }
            if let problem = TextCharacters.problem(in: scalar.string) {
                throw Self.error(file: file, node: node, path: path, lineOffset: lineOffset, problem)
            }
            return scalar.string
        }
    }

    func choiceList<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> [T]? where T.RawValue == String {
        try list(key) { node, path in try Self.choice(node, type, file: file, path: path, lineOffset: lineOffset) }
    }

    /// One of `allowed`, as spelled there (``choice(_:among:file:path:lineOffset:)``).
    func choice(_ key: String, among allowed: [String]) throws -> String? {
        guard let node = value(key) else { return nil }
        return try Self.choice(node, among: allowed, file: file, path: join(key), lineOffset: lineOffset)
    }

    /// A list of words each one of `allowed`, as spelled there.
    func choiceList(_ key: String, among allowed: [String]) throws -> [String]? {
        try list(key) { node, path in try Self.choice(node, among: allowed, file: file, path: path, lineOffset: lineOffset) }
    }

    // MARK: Errors

    func fail(_ key: String, _ node: Node, _ message: String) -> MatchPlanError {
        Self.error(file: file, node: node, path: join(key), lineOffset: lineOffset, message)
    }

    func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func location(of mark: Mark?) -> MatchPlanError.Location? {
        mark.map { .init(line: $0.line + lineOffset, column: $0.column) }
    }

    static func error(file: String, node: Node, path: String, lineOffset: Int, _ message: String) -> MatchPlanError {
        MatchPlanError(.data, file: file,
                       location: node.mark.map { .init(line: $0.line + lineOffset, column: $0.column) },
                       keyPath: path, message)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(printable(text))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias (anchors and aliases are not supported)"
        }
    }

    /// `text` safe to print in a message on a terminal: control characters (escape sequences)
    /// and bidirectional overrides are written as `\u{…}`.
    static func printable(_ text: String) -> String {
        PrintableText.escaping(text)
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func int(_ node: Node, in range: ClosedRange<Int>, what: String, reader: FieldReader, key: String) throws -> Int {
        try int(node, in: range, what: what, file: reader.file, path: reader.join(key), lineOffset: reader.lineOffset)
    }

    static func int(_ node: Node, in range: ClosedRange<Int>, what: String, file: String, path: String, lineOffset: Int) throws -> Int {
        let expected = "expected \(what) from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error(file: file, node: node, path: path, lineOffset: lineOffset, "\(expected), found \(describe(node))")
        }
        guard scalar.style == .plain else {
            throw error(file: file, node: node, path: path, lineOffset: lineOffset,
                        "\(expected), found the text \(describe(node)) in quotes; write the number without quotes")
        }
        guard range.contains(value) else {
            throw error(file: file, node: node, path: path, lineOffset: lineOffset, "\(expected), found \(value)")
        }
        return value
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ type: T.Type, reader: FieldReader, key: String) throws -> T where T.RawValue == String {
        try choice(node, type, file: reader.file, path: reader.join(key), lineOffset: reader.lineOffset)
    }

    /// One of a fixed set of words, in any letter case (`ms3`, `Honors` and `PASS` are `MS3`,
    /// `honors` and `pass`): decided once for every choice field, profile, roster and content.
    static func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ type: T.Type, file: String, path: String, lineOffset: Int) throws -> T where T.RawValue == String {
        T(rawValue: try choice(node, among: T.allCases.map(\.rawValue), file: file, path: path, lineOffset: lineOffset))!
    }

    /// The same over a list of words: the word as spelled in `allowed`.
    static func choice(_ node: Node, among allowed: [String], file: String, path: String, lineOffset: Int) throws -> String {
        guard case .scalar(let scalar) = node,
              let value = allowed.first(where: { $0 == scalar.string }) ?? allowed.first(where: { $0.lowercased() == scalar.string.lowercased() }) else {
            var message = "expected one of \(allowed.joined(separator: " | ")), found \(describe(node))"
            if case .scalar(let scalar) = node, let suggestion = NearestName.suggest(scalar.string, among: allowed) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw error(file: file, node: node, path: path, lineOffset: lineOffset, message)
        }
        return value
    }
}
