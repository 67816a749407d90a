/// One guidance page from `Content/guidance/**.md`: front matter plus a Markdown body.
///
/// The body is rendered to HTML through cmark once, when the content is loaded, and reused
/// for every student the page applies to.
public struct GuidancePage: Sendable, Equatable {
    /// Unique slug (`[a-z0-9-]`).
    public var id: String
    public var title: String
    public var section: Section
    /// Sort key within the section (then by id).
    public var order: Int
    /// Rule ids (docs/rules.md) that the page explains.
    public var rules: [String]
    /// Shown to a student when any condition holds; empty = everyone.
    public var when: [Condition]
    /// C16: hidden from a student when any of these holds (e.g. an MS2 and the rank order list page).
    public var unless: [Condition] = []
    /// The Markdown body as written.
    public var markdown: String
    /// The body as HTML (cmark, safe mode unless the site allows raw HTML).
    public var html: String
    /// Path of the source file, for error messages.
    public var sourcePath: String

    /// Where a page goes in the report and the site, in reading order.
    public enum Section: String, CaseIterable, Sendable {
        case intro, strategy, situation, list, pathways, timing, holistic, signals, faq
    }

    /// True when the page applies to a student with `conditions`.
    public func applies(to conditions: Set<String>) -> Bool {
        (when.isEmpty || when.contains { conditions.contains($0.text) }) && !unless.contains { conditions.contains($0.text) }
    }

    /// Memberwise (public: the loaders and the planner are other targets).
    public init(id: String, title: String, section: Section, order: Int, rules: [String], when: [Condition], unless: [Condition] = [],
                markdown: String, html: String, sourcePath: String) {
        self.unless = unless
        self.id = id
        self.title = title
        self.section = section
        self.order = order
        self.rules = rules
        self.when = when
        self.markdown = markdown
        self.html = html
        self.sourcePath = sourcePath
    }
}
