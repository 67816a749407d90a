/// A school's advising-site settings, from `site.yaml` (documented in the README and in the
/// commented example `Content/site/site.yaml`). Paths are resolved against the file's folder.
public struct SiteConfig: Sendable, Equatable {
    /// The school's name, shown in the header and titles; escaped wherever shown.
    public var school: String
    /// Logo image (png, jpg, svg or webp), copied to `assets/`.
    public var logo: String?
    /// The folder the logo was named from; the logo must stay inside it (``LogoFile``).
    public var logoFolder: String? = nil
    /// Accent colour as `#rgb` or `#rrggbb`.
    public var accentColor: String?
    /// Accent colour for the dark scheme (`accent_color_dark`), `#rgb` or `#rrggbb`; without it
    /// the dark scheme uses a readable shade of ``accentColor`` (``AccentPalette``).
    public var accentColorDark: String? = nil
    public var advisors: [Advisor]
    public var footer: String?
    /// Match year whose cycle dates the site shows.
    public var matchYear: Int
    /// Absolute `http(s)` URL the site is served from, ending in `/`; enables `sitemap.xml` and canonical links.
    public var baseURL: String?
    /// Folder of the school's own Markdown pages.
    public var pagesFolder: String?
    /// Folder of template overrides (file by file over the built-in set).
    public var templatesFolder: String?
    /// Folder of content overrides (`guidance/…` files replace built-in files of the same path).
    public var contentFolder: String?
    /// Pass raw HTML in Markdown through (off by default).
    public var unsafeHTML: Bool
    /// Show the band-lookup widget on the home page.
    public var bandWidget: Bool

    public struct Advisor: Sendable, Equatable {
        public var name: String
        public var role: String?
        public var email: String?

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(name: String, role: String? = nil, email: String? = nil) {
            self.name = name
            self.role = role
            self.email = email
        }
    }

    /// Memberwise (public: the loaders and the planner are other targets).
    public init(school: String, logo: String? = nil, accentColor: String? = nil, advisors: [Advisor], footer: String? = nil, matchYear: Int, baseURL: String? = nil, pagesFolder: String? = nil, templatesFolder: String? = nil, contentFolder: String? = nil, unsafeHTML: Bool, bandWidget: Bool) {
        self.school = school
        self.logo = logo
        self.accentColor = accentColor
        self.advisors = advisors
        self.footer = footer
        self.matchYear = matchYear
        self.baseURL = baseURL
        self.pagesFolder = pagesFolder
        self.templatesFolder = templatesFolder
        self.contentFolder = contentFolder
        self.unsafeHTML = unsafeHTML
        self.bandWidget = bandWidget
    }
}
