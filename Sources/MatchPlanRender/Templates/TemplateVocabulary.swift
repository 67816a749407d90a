import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Checks a school's template overrides against the built-in templates, so that mistakes are
/// loud at load time instead of rendering as nothing (swift-mustache prints an unknown
/// variable as an empty string and never reads a file no template names).
///
/// - Every variable or section name an override uses (`{{studnet_name}}`, `{{#itmes}}`) must be
///   one the built-in templates use: the built-in set is the reference for what the views
///   provide (their tests render every view through it). Mustache's own names (`.`, `first`,
///   `last`, `index`, …) are always allowed.
/// - Every override file must replace a built-in template or be a new partial that some
///   template includes (`site/paeg.html.mustache` is neither).
enum TemplateVocabulary {
    /// Names swift-mustache gives meaning to inside sections and transforms.
    static let mustacheNames: Set<String> = ["first", "last", "index", "even", "odd", "count", "empty", "reversed", "sorted",
                                             "uppercased", "lowercased", "capitalized", "enumerated", "plusone", "minusone"]

    /// The variable and section names a template uses, with positions: every tag but comments,
    /// partials, parents, blocks, closers, delimiter changes and pragmas; dotted names give each
    /// part; a transform `fn(name)` gives `name`.
    static func names(in text: String) -> [(name: String, location: MatchPlanError.Location)] {
        var result: [(String, MatchPlanError.Location)] = []
        for tag in TemplateTag.tags(in: text) {
            var content = Substring(tag.content.trimmingCharacters(in: .whitespaces))
            guard let first = content.first, !"!><$/=%".contains(first) else { continue }
            if "#^&{".contains(first) { content = content.dropFirst() }
            content = Substring(content.trimmingCharacters(in: .whitespaces))
            if let open = content.lastIndex(of: "(") {
                content = content[content.index(after: open)...].prefix { $0 != ")" }
            }
            for part in content.split(separator: ".") {
                let name = part.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { result.append((name, .init(line: tag.line, column: tag.column))) }
            }
        }
        return result
    }

    /// - Parameters:
    ///   - builtIn: names of the templates of the built-in (first) folder; the reference.
    ///   - texts: every loaded template: name → (text, path).
    ///   - overridden: the names whose file comes from a later folder (a school's overrides).
    /// - Throws: ``MatchPlanError`` `.data` naming the file, line and the nearest known name.
    static func check(builtIn: [String: String], texts: [String: (text: String, path: String)], overridden: Set<String>) throws {
        guard !overridden.isEmpty else { return }
        var known = mustacheNames
        for text in builtIn.values { for entry in names(in: text) { known.insert(entry.name) } }
        let sortedKnown = known.sorted()
        let included = Set(texts.values.flatMap { TemplateSet.references(in: $0.text).map(\.name) })
        for name in overridden.sorted() {
            let entry = texts[name]!
            if builtIn[name] == nil && !included.contains(name) {
                var message = "the template '\(name)' matches no built-in template and no template includes it, so it would never be used"
                let leaf = (name as NSString).lastPathComponent
                if let placed = builtIn.keys.sorted().first(where: { $0 != name && ($0 as NSString).lastPathComponent == leaf }) {
                    // The right file in the wrong folder (a partial copied to the top level).
                    message += "; a template of that name lives at \(placed).mustache: put the file there in the templates folder"
                } else if let near = NearestName.suggest(name, among: builtIn.keys.sorted()) {
                    message += "; did you mean '\(near)' (file \(near).mustache)?"
                }
                throw MatchPlanError(.data, file: entry.path, message)
            }
            for use in names(in: entry.text) where !known.contains(use.name) {
                var message = "template '\(name)' uses the variable '\(PrintableText.escaping(use.name))', which no built-in template uses, so it would render as nothing"
                if let near = NearestName.suggest(use.name, among: sortedKnown) { message += "; did you mean '\(near)'?" }
                throw MatchPlanError(.data, file: entry.path, location: use.location, message)
            }
        }
    }
}
