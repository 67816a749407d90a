import Mustache

/// The Markdown content type, registered with swift-mustache as `MARKDOWN`: a template that
/// starts with `{{% CONTENT_TYPE: MARKDOWN}}` has every `{{name}}` escaped by
/// ``MarkdownEscaping/escape(_:)`` (punctuation with inline meaning gets a backslash, line
/// breaks become spaces) and every `{{{name}}}` printed as it is (text that is already
/// Markdown: a guidance page's body). So the template engine escapes, not the view builders.
///
/// swift-mustache looks the name up when it parses the pragma, and a partial starts again in
/// HTML: each Markdown template (layout and partials) declares it on its first line.
struct MarkdownContentType: MustacheContentType {
    /// The name templates use in `{{% CONTENT_TYPE: … }}`.
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String { MarkdownEscaping.escape(text) }

    /// Registers the content type with swift-mustache, once per process and thread-safely (a
    /// static `let` is initialised once, under a lock). Registration is global; it must happen
    /// before any template that names the type is parsed (``TemplateSet/load(folders:required:include:io:problems:)``
    /// reads this first).
    static let registered: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)
}
