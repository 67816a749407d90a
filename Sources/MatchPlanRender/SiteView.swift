import MatchPlanFileSystem
import MatchPlanModel

/// View model for one page of a school's advising site (all templates under `Templates/site/`).
/// Like ``ReportView``: text only, sorted lists, no optionals; empty lists hide their blocks.
struct SitePageView {
    var school: String
    var hasLogo: Bool
    var logoPath: String
    /// The logo's width in CSS px at a height of 48 (its own aspect ratio); empty when unknown
    /// (the stylesheet then fixes only the height).
    var logoWidth: String
    /// The home page's link: `index.html`, or the absolute `base_url` on the 404 page, which a
    /// host serves at any depth (relative links would point nowhere there).
    var homeHref: String
    /// A school accent (``AccentPalette``): the shade for each scheme, each readable there.
    var hasAccent: Bool
    var accentLight: String
    var accentDark: String
    var hasFooter: Bool
    var footer: String
    var advisors: [AdvisorView]
    var hasAdvisors: Bool
    var matchYear: String
    var seasonYear: String

    var fileName: String
    var title: String
    var documentTitle: String
    var lead: String
    var hasLead: Bool
    var hasCanonical: Bool
    var canonical: String
    var nav: [NavItemView]
    var isNotFound: Bool

    var pages: [SiteSectionView]
    var bandRows: [BandRowView]
    var hasBandRows: Bool
    var listRows: [ListRowView]
    var hasListRows: Bool
    var timingRows: [TimingRowView]
    var hasTimingRows: Bool
    var timeline: [TimelineView]
    var hasTimeline: Bool
    /// Some timeline date is not yet official (projected or from a secondary source): said once above the list.
    var hasUnofficialDates: Bool
    var checklist: [SiteChecklistView]
    var hasChecklist: Bool
    var hasSignals: Bool
    var signals: SignalsView
    var hasWidget: Bool
    var widgetJSON: String
    var cycleNotes: [String]
    var hasCycleNotes: Bool
}

/// One guidance page (or a school page) on a site page; the flags keep empty elements out.
struct SiteSectionView {
    var id: String
    var title: String
    var hasTitle: Bool
    var html: String
    var rules: String
    var hasRules: Bool

    init(id: String, title: String, html: String, rules: String) {
        self.id = id
        self.title = title
        self.hasTitle = !title.isEmpty
        self.html = html
        self.rules = rules
        self.hasRules = !rules.isEmpty
    }
}

struct AdvisorView {
    var name: String
    var role: String
    var hasRole: Bool
    var email: String
    var hasEmail: Bool
}

struct NavItemView {
    var title: String
    var href: String
    var isCurrent: Bool
}

struct BandRowView {
    var rule: String
    var name: String
    var label: String
    var scores: String
    var integratedIR: String
    var diagnosticRadiology: String
    var href: String
}

struct TimingRowView {
    var rule: String
    var when: String
    var latest: String
    var latestISO: String
}

struct SiteChecklistView {
    var id: String
    var text: String
    var rule: String
    var due: String
    var hasDue: Bool
    var appliesTo: String
    var hasAppliesTo: Bool
}
