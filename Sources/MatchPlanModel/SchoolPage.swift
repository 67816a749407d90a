import Foundation

/// A school's own Markdown page for its advising site (front matter `title`, optional `slug`,
/// `order`, `nav_title`), rendered like guidance and published as `<slug>.html`.
public struct SchoolPage: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var navTitle: String
    public var order: Int
    public var html: String
    public var sourcePath: String
    /// Files the page links to (images, PDFs), published at these paths beside it.
    public var files: [LinkedFile] = []

    /// A file a school page links to: its path relative to the site (as the link names it) and its bytes.
    public struct LinkedFile: Sendable, Equatable {
        public var path: String
        public var data: Data

        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

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
