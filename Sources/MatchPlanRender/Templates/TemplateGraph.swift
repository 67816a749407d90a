import MatchPlanFileSystem
import MatchPlanModel

/// The include graph of a template set (`{{>partial}}` and `{{<parent}}` edges), checked when
/// templates are loaded so that rendering always ends.
///
/// swift-mustache follows partials and parents recursively with no limit: a partial that
/// includes itself, two that include each other, or a template inheriting from itself crashed
/// the process (stack overflow, no message). So a set is refused when:
/// - a chain of includes leads back to where it started (the error names the chain);
/// - a chain is deeper than ``maximumDepth`` (this bounds the render depth);
/// - sections nest deeper than ``maximumSectionDepth`` in one file (swift-mustache parses and
///   renders them recursively: 1,000 nested `{{#x}}` overflowed the stack), checked before
///   swift-mustache parses the file;
/// - a tag would hide an include from this check: a delimiter change (`{{=<% %>=}}`), a dynamic
///   partial (`{{>*name}}`), or a partial or parent tag not closed on the line it opens on.
enum TemplateGraph {
    /// Deepest chain of includes accepted (the built-in set nests 3 deep).
    static let maximumDepth = 16
    /// Deepest nesting of sections (`#`, `^`, `$`, `<`) in one template (the built-in set nests 4 deep).
    static let maximumSectionDepth = 32

    /// Refuses sections nested deeper than ``maximumSectionDepth``. Counts every `{{#`, `{{^`,
    /// `{{$`, `{{<` and `{{/` (spaces and a third brace allowed), even in a tag that spans lines,
    /// so nothing deep reaches swift-mustache's recursive parser.
    /// - Throws: ``MatchPlanError`` `.data` at the tag that goes too deep.
    static func checkSectionDepth(_ text: String, path: String) throws {
        let bytes = Array(text.utf8)
        var depth = 0, line = 1, lineStart = 0, index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1; index += 1; continue }
            guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B else { index += 1; continue }
            var cursor = index + 2
            while cursor < bytes.count, [0x7B, 0x20, 0x09, 0x0A].contains(bytes[cursor]) { cursor += 1 }
            if cursor < bytes.count {
                switch bytes[cursor] {
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                    depth += 1
                    if depth > maximumSectionDepth {
                        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                        throw MatchPlanError(.data, file: path, location: .init(line: line, column: column),
                                             "template sections nest more than \(maximumSectionDepth) levels deep here; flatten the template")
                    }
                case UInt8(ascii: "/"):
                    depth = max(0, depth - 1)
                default:
                    break
                }
            }
            index += 2
        }
    }

    /// - Parameter texts: template name → (text, file path).
    /// - Throws: ``MatchPlanError`` `.data` at the offending tag.
    static func check(_ texts: [String: (text: String, path: String)]) throws {
        var edges: [String: [(name: String, location: MatchPlanError.Location)]] = [:]
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            try rejectHiddenIncludes(entry.text, path: entry.path)
            edges[name] = TemplateSet.references(in: entry.text)
        }
        // Depth-first search from every template, in name order (same error every run).
        var depth: [String: Int] = [:]       // finished: longest chain below, in templates
        var onPath: [String] = []
        func visit(_ name: String) throws -> Int {
            if let known = depth[name] { return known }
            onPath.append(name)
            defer { onPath.removeLast() }
            var deepest = 0
            for reference in edges[name] ?? [] where texts[reference.name] != nil {
                if let start = onPath.firstIndex(of: reference.name) {
                    let chain = (onPath[start...] + [reference.name]).joined(separator: " → ")
                    throw MatchPlanError(.data, file: texts[name]!.path, location: reference.location,
                                         "template include cycle: \(chain); a partial or parent may not include itself, directly or through others")
                }
                deepest = max(deepest, try visit(reference.name))
            }
            if onPath.count + deepest > maximumDepth {
                throw MatchPlanError(.data, file: texts[name]!.path,
                                     "templates nest more than \(maximumDepth) levels deep (through \(onPath.joined(separator: " → "))); flatten the partials")
            }
            depth[name] = deepest + 1
            return deepest + 1
        }
        for name in texts.keys.sorted() { _ = try visit(name) }
    }

    /// Refuses tags that would hide an include from the graph.
    static func rejectHiddenIncludes(_ text: String, path: String) throws {
        for tag in TemplateTag.tags(in: text) {
            let content = tag.content.drop { $0 == " " || $0 == "\t" }
            let location = MatchPlanError.Location(line: tag.line, column: tag.column)
            if content.hasPrefix("=") {
                throw MatchPlanError(.data, file: path, location: location,
                                     "template delimiter changes ({{=<% %>=}}) are not supported; keep the {{ }} delimiters")
            }
            if content.hasPrefix(">") || content.hasPrefix("<"), content.dropFirst().drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("*") {
                throw MatchPlanError(.data, file: path, location: location,
                                     "dynamic partials ({{>*name}}) are not supported; name the partial")
            }
        }
        // An include tag that does not close on its line is invisible to TemplateTag. Read over
        // UTF-8 bytes; the column counts Unicode scalars (a byte that does not continue one).
        var text = text
        text.makeContiguousUTF8()
        try text.utf8.withContiguousStorageIfAvailable { bytes in
            var line = 1, column = 1, index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A { line += 1; column = 1; index += 1; continue }
                if byte == 0x7B, index + 1 < count, bytes[index + 1] == 0x7B {
                    var cursor = index + 2
                    while cursor < count, bytes[cursor] == 0x7B || bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
                    // `<`, `>`, `=` or the end of the line.
                    if cursor < count, [0x3C, 0x3E, 0x3D, 0x0A].contains(bytes[cursor]) {
                        var end = cursor
                        var closed = false
                        while end + 1 < count, bytes[end] != 0x0A {
                            if bytes[end] == 0x7D, bytes[end + 1] == 0x7D { closed = true; break }
                            end += 1
                        }
                        if !closed {
                            throw MatchPlanError(.data, file: path, location: .init(line: line, column: column),
                                                 "template syntax error: a tag is not closed with }} on the line it opens on")
                        }
                    }
                }
                if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
    }
}
