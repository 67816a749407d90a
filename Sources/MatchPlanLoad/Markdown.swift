import CMark
import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// CommonMark to HTML through the cmark C library (Debian `libcmark-dev`).
///
/// Safe by default: raw HTML becomes a comment; `javascript:`, `vbscript:` and `file:` targets
/// are dropped by cmark, and `data:` targets (which cmark keeps for images) are dropped here,
/// so no link or image in guidance can carry a payload. `allowRawHTML` passes all of them
/// through (`CMARK_OPT_UNSAFE`), for sites whose config sets `unsafe_html: true`.
///
/// Smart punctuation (`CMARK_OPT_SMART`) is off: it rewrote `--today` in prose as `–today` and
/// `"` as curly quotes, so a command flag or an id an advisor typed was published wrong. Text
/// is published as written; authors who want typographic quotes and dashes type them (the
/// files are UTF-8). Thread-safe: each call builds and frees its own document.
public enum Markdown {
    public static func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        var options = CMARK_OPT_DEFAULT  // no CMARK_OPT_SMART: text as written (see above)
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        let length = markdown.utf8.count
        guard let document = markdown.withCString({ cmark_parse_document($0, length, options) }) else { return "" }
        defer { cmark_node_free(document) }
        if !allowRawHTML { dropDataURLs(document) }
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Empties the target of every link and image whose URL starts with `data:` (any case,
    /// after leading white space).
    private static func dropDataURLs(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            let target = String(cString: url).drop { $0.isWhitespace }.lowercased()
            if target.hasPrefix("data:") { cmark_node_set_url(node, "") }
        }
    }
}
