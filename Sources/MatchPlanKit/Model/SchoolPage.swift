/// A school's own Markdown page for its advising site (front matter `title`, optional `slug`,
/// `order`, `nav_title`), rendered like guidance and published as `<slug>.html`.
public struct SchoolPage: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var navTitle: String
    public var order: Int
    public var html: String
    public var sourcePath: String
}
