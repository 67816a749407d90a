/// A school's own Markdown page for its advising site (front matter `title`, optional `slug`,
/// `order`, `nav_title`), rendered like guidance and published as `<slug>.html`.
public struct SchoolPage: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var navTitle: String
    public var order: Int
    public var html: String
    public var sourcePath: String

    /// Memberwise (public: the loaders and the planner are other targets).
    public init(slug: String, title: String, navTitle: String, order: Int, html: String, sourcePath: String) {
        self.slug = slug
        self.title = title
        self.navTitle = navTitle
        self.order = order
        self.html = html
        self.sourcePath = sourcePath
    }
}
