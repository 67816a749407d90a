import Foundation
import MatchPlanFileSystem
import MatchPlanModel
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Decides whether an SVG logo may be published as it is.
///
/// An SVG opened directly (`assets/logo.svg`) runs its scripts in the site's origin, so a logo
/// that could run code is refused, never rewritten: the school gets a clear error naming the
/// line, and the bytes published are always exactly the bytes it gave. The file is read by a
/// real XML parser (Foundation's `XMLParser`, libxml2); refused are:
/// - a file that is not well-formed XML, or that declares a DTD (`<!DOCTYPE`, entities);
/// - `<script>`, `<foreignObject>` (HTML inside SVG), `<iframe>`, `<embed>`, `<object>`;
/// - any event-handler attribute (`onload=`, `onclick=`, … every attribute starting `on`);
/// - a link (`href`, `xlink:href`) that is not a fragment of the same file (`#id`) or an
///   embedded raster image (`data:image/png`, `jpeg`, `gif`, `webp`);
/// - animation (`<set>`, `<animate>`) that targets a link or an event attribute.
public enum SVGSafety {
    /// Elements that run code or embed another document.
    static let forbiddenElements: Set<String> = ["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"]

    /// - Throws: ``MatchPlanError`` `.data` naming `path`, the line and column, and what was found.
    public static func check(_ data: Data, path: String) throws {
        let head = String(decoding: data.prefix(64 * 1024), as: UTF8.self).lowercased()
        if head.contains("<!doctype") || head.contains("<!entity") {
            throw MatchPlanError(.data, file: path, "the SVG declares a DTD (<!DOCTYPE or <!ENTITY); a logo must be plain SVG without one")
        }
        let parser = XMLParser(data: data)
        let delegate = Delegate(parser: parser)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let parsed = parser.parse()
        if let problem = delegate.problem {
            throw MatchPlanError(.data, file: path, location: problem.location,
                                 "\(problem.message); MatchPlan refuses SVG logos that could run code (see the README, \"Site logo\")")
        }
        guard parsed, delegate.sawRoot, delegate.depth == 0 else {
            let location = MatchPlanError.Location(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            throw MatchPlanError(.data, file: path, location: location, "is not a well-formed SVG (XML) file; expected an <svg> document")
        }
    }

    /// Whether an SVG link target is harmless: a fragment, or an embedded raster image.
    static func isSafeLink(_ value: String) -> Bool {
        let target = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if target.hasPrefix("#") { return true }
        return ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { target.hasPrefix($0) }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        struct Problem {
            var location: MatchPlanError.Location
            var message: String
        }
        weak var parser: XMLParser?
        var problem: Problem?
        var sawRoot = false
        /// Elements open now; back to 0 only when the root element was closed.
        var depth = 0

        init(parser: XMLParser) {
            self.parser = parser
        }

        private func fail(_ message: String) {
            guard problem == nil, let parser else { return }
            problem = Problem(location: .init(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)), message: message)
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let name = (elementName.split(separator: ":").last.map(String.init) ?? elementName).lowercased()
            depth += 1
            if !sawRoot {
                sawRoot = true
                guard name == "svg" else { return fail("the root element is <\(FieldReader.printable(elementName))>; expected <svg>") }
            }
            if SVGSafety.forbiddenElements.contains(name) {
                return fail("the SVG holds a <\(FieldReader.printable(elementName))> element")
            }
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                let attribute = (key.split(separator: ":").last.map(String.init) ?? key).lowercased()
                if attribute.hasPrefix("on") {
                    return fail("the SVG element <\(FieldReader.printable(elementName))> has the event handler \(FieldReader.printable(key))=")
                }
                if attribute == "href", !SVGSafety.isSafeLink(value) {
                    return fail("the SVG element <\(FieldReader.printable(elementName))> links to '\(FieldReader.printable(String(value.prefix(60))))'; only #fragments and embedded PNG, JPEG, GIF or WebP images are allowed")
                }
                if ["set", "animate"].contains(name), attribute == "attributename",
                   value.lowercased().hasSuffix("href") || value.lowercased().hasPrefix("on") {
                    return fail("the SVG element <\(FieldReader.printable(elementName))> animates the attribute \(FieldReader.printable(value))")
                }
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
        }

        func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
            if target.lowercased() == "xml-stylesheet" { fail("the SVG loads a stylesheet (<?xml-stylesheet?>)") }
        }
    }
}
