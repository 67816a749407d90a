import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Mustache

/// A validated set of Mustache templates: every `*.mustache` file under one or more folders,
/// registered by its path without the extension (`report.html`, `partials/checklist.html`).
///
/// Folders are layered: a file in a later folder replaces the file of the same name in an
/// earlier one (a school's `--templates` over the built-in set). Loading checks what
/// swift-mustache would otherwise ignore silently: syntax errors (with line and column), and
/// partials or parents (`{{>name}}`, `{{<name}}`) that do not exist.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// Registered names, sorted.
    public let names: [String]
    /// Where each name was loaded from.
    public let sources: [String: String]
    /// The templates compiled per view shape (``CompiledTemplates``).
    let compiled: CompiledTemplates

    init(library: MustacheLibrary, names: [String], sources: [String: String], compile: Bool, splitting: Set<String> = []) {
        self.library = library
        self.names = names
        self.sources = sources
        self.compiled = CompiledTemplates(library: library, enabled: compile, splitting: splitting)
    }

    /// The same templates, every render done by swift-mustache directly (to check that
    /// compiled rendering gives the same bytes).
    func renderingDirectly() -> TemplateSet {
        TemplateSet(library: library, names: names, sources: sources, compile: false)
    }

    /// The same templates compiled per whole view shape only, no tree of programs (to compare
    /// the two).
    func compilingWholeViews() -> TemplateSet {
        TemplateSet(library: library, names: names, sources: sources, compile: compiled.enabled)
    }

    /// - Parameter folders: template folders, lowest priority first.
    /// - Throws: ``MatchPlanError`` `.noInput` when a folder is missing; `.data` for a syntax
    ///   error, a missing partial, or a missing `required` template.
    ///   - include: which names to load (reports skip the site's `site/…` and `site-layout`
    ///     templates; parsing them is a fifth of a single report's run time).
    ///   - io: how the folders are listed and read (``FileIO/disk``, or in memory for tests).
    public static func load(folders: [String], required: [String], include: (String) -> Bool = { _ in true }, io: FileIO = .disk) throws -> TemplateSet {
        var problems: [MatchPlanError] = []
        let set = try load(folders: folders, required: required, include: include, io: io, problems: &problems)
        if let first = problems.first { throw first }
        return set!
    }

    /// The same, listing a syntax error or a missing partial in every file (for `check`)
    /// instead of stopping at the first; nil when any was found.
    /// - Throws: ``MatchPlanError`` for problems that stop the loading as a whole (a missing
    ///   folder, a link, include cycles, unknown variables, a missing required template).
    public static func load(folders: [String], required: [String], include: (String) -> Bool = { _ in true }, io: FileIO = .disk,
                            problems: inout [MatchPlanError]) throws -> TemplateSet? {
        _ = MarkdownContentType.registered  // before any `{{% CONTENT_TYPE: MARKDOWN}}` is parsed
        var texts: [String: (text: String, path: String)] = [:]
        var builtIn: [String: String] = [:]
        var overridden: Set<String> = []
        var known: Set<String> = []
        for (layer, folder) in folders.enumerated() {
            let listing = try files(under: folder, io: io)
            if layer == 0 {
                for path in listing.templates {
                    let relative: Substring = path.dropFirst(folder.count).drop { $0 == "/" }
                    known.insert(String(relative.dropLast(".mustache".count)))
                }
            } else {
                try TemplateFiles.requireExtension(listing.others, in: folder, known: known)
            }
            for path in listing.templates {
                let relative = String(path.dropFirst(folder.count).drop { $0 == "/" })
                let name = String(relative.dropLast(".mustache".count))
                guard include(name) else { continue }
                texts[name] = (try io.readText(path, inside: folder).text, path)  // a regular file inside the folder
                if layer == 0 { builtIn[name] = texts[name]!.text } else { overridden.insert(name) }
            }
        }
        var library = MustacheLibrary()
        let sorted = texts.sorted(by: { $0.key < $1.key })
        let parsed = parseAll(sorted.map(\.value))
        for ((name, entry), result) in zip(sorted, parsed) {
            do {
                library.register(try result.get(), named: name)
            } catch let error as MatchPlanError {
                problems.append(error)
            } catch let error as MustacheTemplate.ParserError {
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error,
                   let open = unclosedSection(in: entry.text) {
                    problems.append(MatchPlanError(.data, file: entry.path, location: open.location,
                                                   "template syntax error: the section '\(open.name)' opened here is never closed; expected {{/\(open.name)}}"))
                    continue
                }
                let line = error.context.line.trimmingCharacters(in: .whitespaces)
                problems.append(MatchPlanError(.data, file: entry.path,
                                               location: .init(line: error.context.lineNumber, column: error.context.columnNumber),
                                               "template syntax error: \(describe(error.error))\(line.isEmpty ? "" : " in '\(line)'")"))
            }
        }
        for (name, entry) in texts.sorted(by: { $0.key < $1.key }) {
            if let problem = TemplateContentTypes.problem(name: name, text: entry.text, path: entry.path) {
                problems.append(problem)
            }
            // The first missing partial of each file.
            if let reference = references(in: entry.text).first(where: { texts[$0.name] == nil }) {
                problems.append(MatchPlanError(.data, file: entry.path, location: reference.location,
                                               "template '\(name)' uses the partial '\(reference.name)', which does not exist; expected a file \(reference.name).mustache in the templates folder"))
            }
        }
        guard problems.isEmpty else { return nil }
        try TemplateGraph.check(texts)  // include cycles, depth: rendering always ends
        try TemplateVocabulary.check(builtIn: builtIn, texts: texts, overridden: overridden)
        for name in required where texts[name] == nil {
            throw MatchPlanError(.data, file: folders.last, "missing the template \(name).mustache")
        }
        return TemplateSet(library: library, names: texts.keys.sorted(), sources: texts.mapValues(\.path),
                           compile: !rendersDirectly && CompiledTemplates.isCompilable(texts.values.map(\.text)),
                           splitting: CompiledTemplates.splittable(texts.mapValues(\.text)))
    }

    /// Renders `name` with a typed view model (through its compiled form, which gives the bytes
    /// swift-mustache gives).
    /// - Throws: ``MatchPlanError`` `.internalError` when no template `name` is loaded.
    /// - Parameter memo: where a view rendered in several templates keeps its walked form, so
    ///   the second render does not take it apart again (nil: not kept).
    public func render(_ view: Any, template name: String, memo: RenderMemo? = nil) throws -> String {
        guard let output = compiled.render(view, template: name, memo: memo) else {
            throw MatchPlanError(.internalError, "template '\(name)' is not loaded")
        }
        return output
    }

    /// The templates below `folder` (full paths) and its other files (relative; ``TemplateFiles``).
    private static func files(under folder: String, io: FileIO) throws -> (templates: [String], others: [String]) {
        guard let entry = io.entry(folder), entry == .folder || entry == .linkToFolder else {
            throw MatchPlanError(.noInput, file: folder, "templates folder not found; expected a folder of .mustache files (see --templates)")
        }
        let listing = try TemplateFiles.list(under: folder, io: io)
        return (listing.templates.map { (folder as NSString).appendingPathComponent($0) }, listing.others)
    }

    /// Each text checked for depth (``TemplateGraph/checkSectionDepth(_:path:)``, before
    /// swift-mustache recurses) and parsed, in the same order. Parsed on all cores: parsing is
    /// most of loading, and a single report waits for it.
    private static func parseAll(_ entries: [(text: String, path: String)]) -> [Result<MustacheTemplate, Error>] {
        var results = [Result<MustacheTemplate, Error>](repeating: .failure(MatchPlanError(.internalError, "not parsed")), count: entries.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeMutableSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: entries.count) { index in
                let entry = entries[index]
                slots.buffer[index] = Result {
                    try TemplateGraph.checkSectionDepth(entry.text, path: entry.path)
                    return try MustacheTemplate(string: parseable(entry.text))
                }
            }
        }
        return results
    }

    /// `text` as swift-mustache is given it to parse: as it is, or, for text without any `{{` (a
    /// stylesheet, a script), after a tag that changes the delimiters to ones the text does not
    /// contain. swift-mustache's parser measures the distance to the end of the text at every
    /// `{` it meets, so a stylesheet's cost grows with its braces times its length (the report's,
    /// 171 braces in 11 KB, was a third of all template parsing and a tenth of a single
    /// report's time); with other delimiters it stops only at line ends. It renders the same
    /// text: the delimiter tag prints nothing, and it is not alone on its line (the text must
    /// start with a visible ASCII character), so it takes no line break with it
    /// (`TextOnlyTemplateTests` compares both parses).
    static func parseable(_ text: String) -> String {
        // Left as they are, where the change could show: a text ending in `{` (swift-mustache
        // refuses it), and carriage returns (it handles them differently after the change).
        guard let first = text.utf8.first, (0x21...0x7E).contains(first), text.utf8.last != 0x7B, !text.utf8.contains(0x0D),
              !text.contains("{{"), !text.unicodeScalars.contains(textOnlyDelimiterScalar) else { return text }
        return textOnlyPrefix + text
    }

    /// The delimiters a text-only template is parsed with (``parseable(_:)``): private-use
    /// characters, doubled.
    static let textOnlyDelimiterScalar: Unicode.Scalar = "\u{E020}"
    static let textOnlyPrefix = "{{=\u{E020}\u{E020} \u{E021}\u{E021}=}}"

    /// `{{>name}}` and `{{<name}}` tags with their positions (default delimiters only).
    static func references(in text: String) -> [(name: String, location: MatchPlanError.Location)] {
        TemplateTag.tags(in: text).compactMap { tag in
            guard let kind = tag.content.first, kind == ">" || kind == "<" else { return nil }
            return (tag.content.dropFirst().trimmingCharacters(in: .whitespaces), .init(line: tag.line, column: tag.column))
        }
    }

    /// The innermost section (`{{#name}}`, `{{^name}}`, `{{$name}}`, `{{<name}}`) left open at
    /// the end of `text`, with its position (default delimiters only).
    static func unclosedSection(in text: String) -> (name: String, location: MatchPlanError.Location)? {
        var open: [(name: String, location: MatchPlanError.Location)] = []
        for tag in TemplateTag.tags(in: text) {
            let name = tag.content.dropFirst().trimmingCharacters(in: .whitespaces)
            switch tag.content.first {
            case "#", "^", "$", "<":
                open.append((name, .init(line: tag.line, column: tag.column)))
            case "/":
                if let last = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(last...) }
            default: break
            }
        }
        return open.last
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "a section is closed with a different name than it was opened with"
        case .unfinishedName?: "a tag is not closed with }}"
        case .expectedSectionEnd?: "a section is never closed"
        case .invalidSetDelimiter?: "bad set-delimiter tag"
        default: "\(error)"
        }
    }
}

/// A buffer each of several threads writes its own slots of (``TemplateSet/parseAll(_:)``).
private struct UnsafeMutableSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
