import CMark
import Foundation

/// CommonMark to HTML through the cmark C library (Debian `libcmark-dev`).
///
/// Safe by default: raw HTML becomes a comment and `javascript:`, `vbscript:`, `file:` and
/// `data:` (except images) links lose their target. `allowRawHTML` passes both through
/// (`CMARK_OPT_UNSAFE`), for sites whose config sets `unsafe_html: true`. Smart punctuation is on.
/// Thread-safe: each call builds and frees its own document.
public enum Markdown {
    public static func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        let length = markdown.utf8.count
        guard let rendered = markdown.withCString({ cmark_markdown_to_html($0, length, options) }) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
