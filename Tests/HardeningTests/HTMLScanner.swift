/// A small HTML tokenizer for tests: reads a page the way a browser's tokenizer splits it into
/// tags (HTML Living Standard §13.2.5, simplified) and reports what could run or load anything:
/// element names, attribute names and URL-bearing attribute values.
///
/// It works on Unicode scalars, not Swift `Character`s, because that is what a browser sees:
/// a quote followed by a combining mark is one `Character` but still ends an attribute value.
struct HTMLScanner {
    /// One element's name, its attribute names, and the decoded values of URL attributes.
    struct Tag: Equatable {
        var name: String
        var attributes: [(name: String, value: String)]
        static func == (a: Tag, b: Tag) -> Bool {
            a.name == b.name && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
        }
    }

    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "srcset", "data",
                                             "poster", "background", "cite", "longdesc", "usemap", "content"]
    /// Elements whose content is text up to their own end tag.
    static let rawTextElements: Set<String> = ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"]

    let scalars: [Unicode.Scalar]
    init(_ html: String) { scalars = Array(html.unicodeScalars) }

    /// Start tags in document order (end tags, comments and doctypes are skipped).
    func tags() -> [Tag] {
        var tags: [Tag] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "<", i + 1 < scalars.count else { i += 1; continue }
            let next = scalars[i + 1]
            if starts(with: "<!--", at: i) {
                i = find("-->", from: i + 4).map { $0 + 3 } ?? scalars.count
            } else if next == "!" || next == "?" {
                i = find(">", from: i + 2).map { $0 + 1 } ?? scalars.count
            } else if next == "/", i + 2 < scalars.count, isLetter(scalars[i + 2]) {
                i = skipTag(from: i + 2).end
            } else if isLetter(next) {
                let (tag, end) = readTag(from: i + 1)
                tags.append(tag)
                i = end
                if Self.rawTextElements.contains(tag.name) { i = endOfRawText(tag.name, from: i) }
            } else {
                i += 1
            }
        }
        return tags
    }

    /// A multiset summary to compare two renderings: `element`, `element@attribute`, `element@attribute=url`.
    func fingerprint() -> [String: Int] {
        var counts: [String: Int] = [:]
        for tag in tags() {
            counts[tag.name, default: 0] += 1
            for attribute in tag.attributes {
                counts["\(tag.name)@\(attribute.name)", default: 0] += 1
                if Self.urlAttributes.contains(attribute.name) {
                    counts["\(tag.name)@\(attribute.name)=\(attribute.value)", default: 0] += 1
                }
            }
        }
        return counts
    }

    /// URL attribute values whose scheme would run script or embed a document.
    func dangerousURLs() -> [String] {
        tags().flatMap(\.attributes).filter { Self.urlAttributes.contains($0.name) }.map(\.value).filter { value in
            let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
            return ["javascript:", "vbscript:", "data:"].contains { squeezed.hasPrefix($0) || squeezed.contains(" \($0)") }
                || squeezed.contains("url=javascript:")
        }
    }

    // MARK: Tokenizer

    private func readTag(from start: Int) -> (Tag, end: Int) {
        var i = start
        var name = ""
        while i < scalars.count, !isSpace(scalars[i]), scalars[i] != "/", scalars[i] != ">" {
            name.unicodeScalars.append(lower(scalars[i])); i += 1
        }
        var attributes: [(String, String)] = []
        while i < scalars.count {
            while i < scalars.count, isSpace(scalars[i]) || scalars[i] == "/" { i += 1 }
            guard i < scalars.count, scalars[i] != ">" else { break }
            var attribute = ""
            repeat {
                attribute.unicodeScalars.append(lower(scalars[i])); i += 1
            } while i < scalars.count && !isSpace(scalars[i]) && scalars[i] != "/" && scalars[i] != ">" && scalars[i] != "="
            while i < scalars.count, isSpace(scalars[i]) { i += 1 }
            var value = ""
            if i < scalars.count, scalars[i] == "=" {
                i += 1
                while i < scalars.count, isSpace(scalars[i]) { i += 1 }
                if i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" {
                    let quote = scalars[i]
                    let close = scalars[(i + 1)...].firstIndex(of: quote) ?? scalars.count
                    value = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
                    i = min(close + 1, scalars.count)
                } else {
                    let close = scalars[i...].firstIndex { isSpace($0) || $0 == ">" } ?? scalars.count
                    value = String(String.UnicodeScalarView(scalars[i..<close]))
                    i = close
                }
            }
            attributes.append((attribute, Self.decodeEntities(value)))
        }
        return (Tag(name: name, attributes: attributes), min(i + 1, scalars.count))
    }

    private func skipTag(from start: Int) -> (name: String, end: Int) {
        let (tag, end) = readTag(from: start)
        return (tag.name, end)
    }

    private func endOfRawText(_ name: String, from start: Int) -> Int {
        var i = start
        while let open = find("</", from: i) {
            let candidate = String(String.UnicodeScalarView(scalars[(open + 2)..<min(open + 2 + name.unicodeScalars.count, scalars.count)])).lowercased()
            let after = open + 2 + name.unicodeScalars.count
            if candidate == name, after >= scalars.count || isSpace(scalars[after]) || scalars[after] == ">" || scalars[after] == "/" {
                return open
            }
            i = open + 2
        }
        return scalars.count
    }

    private func starts(with text: String, at index: Int) -> Bool {
        let needle = Array(text.unicodeScalars)
        return index + needle.count <= scalars.count && Array(scalars[index..<(index + needle.count)]) == needle
    }

    private func find(_ text: String, from index: Int) -> Int? {
        var i = index
        while i < scalars.count { if starts(with: text, at: i) { return i }; i += 1 }
        return nil
    }

    private func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
    private func isSpace(_ s: Unicode.Scalar) -> Bool { [" ", "\t", "\n", "\u{0C}", "\r"].contains(s) }
    private func lower(_ s: Unicode.Scalar) -> Unicode.Scalar { ("A"..."Z").contains(s) ? Unicode.Scalar(s.value + 32)! : s }

    /// Decodes numeric character references (with or without `;`) and the named ones that matter for URLs.
    static func decodeEntities(_ text: String) -> String {
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t",
                     "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")"]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            var body = rest[rest.index(after: amp)...]
            if body.first == "#" {
                body = body.dropFirst()
                let hex = body.first == "x" || body.first == "X"
                if hex { body = body.dropFirst() }
                let digits = body.prefix { hex ? $0.isHexDigit : $0.isNumber }
                if let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                    rest = body[digits.endIndex...]
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            } else {
                let word = body.prefix { $0.isLetter }
                if let value = named[word.lowercased()] {
                    result += value
                    rest = body[word.endIndex...]
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            }
            result += "&"
            rest = rest[rest.index(after: amp)...]
        }
        return result + rest
    }
}
