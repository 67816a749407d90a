import MatchPlanModel

/// Which content type (`{{% CONTENT_TYPE: … }}`) each template must be written in, checked when
/// a template set loads, so a school's override cannot turn escaping off by accident.
///
/// - A Markdown template (`*.md.mustache`) starts with `{{% CONTENT_TYPE: MARKDOWN}}`, so the
///   engine escapes every `{{name}}` for Markdown (swift-mustache starts each template, partials
///   included, in HTML; a Markdown template left without the line would print `&amp;`, and one
///   saying `TEXT`, as overrides written before the MARKDOWN type did, would print a name such as
///   `*Jo*` as emphasis).
/// - An HTML template (`*.html.mustache`, `site-layout`) declares no content type other than
///   `HTML`: a `TEXT` pragma there would put profile and front-matter text into a page unescaped.
/// - Other templates (CSS, script, the sitemap; a test's own) are not constrained.
enum TemplateContentTypes {
    /// The problem with `text` (registered as `name`, read from `path`), or nil.
    static func problem(name: String, text: String, path: String) -> MatchPlanError? {
        let pragmas = TemplateTag.tags(in: text).filter { $0.content.first == "%" }
        let declared = pragmas.compactMap { tag -> (type: String, tag: TemplateTag)? in
            let body = tag.content.dropFirst().trimmingCharacters(in: .whitespaces)
            guard body.hasPrefix("CONTENT_TYPE:") else { return nil }
            return (body.dropFirst("CONTENT_TYPE:".count).trimmingCharacters(in: .whitespaces), tag)
        }
        if name.hasSuffix(".md") {
            let first = TemplateTag.tags(in: text).first
            guard let first, first.line == 1, first.column == 1, declared.first?.tag.line == 1,
                  declared.first?.tag.column == 1, declared.first?.type == MarkdownContentType.name,
                  declared.count == 1
            else {
                let at = declared.first(where: { $0.type != MarkdownContentType.name })?.tag ?? first
                return MatchPlanError(.data, file: path, location: .init(line: at?.line ?? 1, column: at?.column ?? 1),
                                      "a Markdown template must start with {{% CONTENT_TYPE: \(MarkdownContentType.name)}} on its first line (and declare no other content type), so names are escaped for Markdown")
            }
            return nil
        }
        guard name.hasSuffix(".html") || name == "site-layout" else { return nil }
        if let other = declared.first(where: { $0.type != "HTML" }) {
            return MatchPlanError(.data, file: path, location: .init(line: other.tag.line, column: other.tag.column),
                                  "template '\(name)' declares CONTENT_TYPE: \(other.type); expected none (or HTML) in an HTML template, so text from profiles and front matter stays escaped")
        }
        return nil
    }
}
