/// The advising site's built-in pages and their words, from `Content/site-pages.yaml` (a
/// school's `content:` folder may replace the file): which pages exist, in navigation order,
/// their titles and leads, the guidance sections each gathers and the tables each shows. So a
/// school, or a content pack for another specialty, changes data, not Swift.
public struct SiteCopy: Sendable, Equatable {
    /// One built-in page, or (``eachBand``) one page per score band.
    public struct Page: Sendable, Equatable {
        /// File name; for a per-band page it holds `{band}` (e.g. `band-{band}.html`).
        public var file: String
        public var navTitle: String
        public var title: String
        /// Empty: no lead paragraph.
        public var lead: String
        public var sections: [GuidancePage.Section]
        public var shows: [Block]
        /// Repeated for each band, in the rules' order, with the band's guidance only
        /// (pages whose `when` names `scenario:<band>`). Placeholders: `{band}`, `{name}`,
        /// `{range}`, `{rule}`, `{label}`; on every page `{match_year}`.
        public var eachBand: Bool

        public init(file: String, navTitle: String, title: String, lead: String, sections: [GuidancePage.Section], shows: [Block], eachBand: Bool) {
            self.file = file
            self.navTitle = navTitle
            self.title = title
            self.lead = lead
            self.sections = sections
            self.shows = shows
            self.eachBand = eachBand
        }
    }

    /// The tables and boxes a page can show, built from the rules and the cycle.
    public enum Block: String, CaseIterable, Sendable {
        /// `bands`: the bands at a glance; `widget`: the score look-up; `lists`: list sizes
        /// (a band page: that band's rows); `timing`: latest Step 2 CK dates; `signals`: this
        /// cycle's signal counts; `timeline`: the generic timeline; `checklist`: the generic checklist.
        case bands, widget, lists, timing, signals, timeline, checklist
    }

    public var pages: [Page]
    public var notFoundTitle: String
    public var notFoundLead: String
    /// Who each timing scenario (T1–T3) is for, in the timing table.
    public var timingScenarios: [TimingScenario: String]

    public init(pages: [Page], notFoundTitle: String, notFoundLead: String, timingScenarios: [TimingScenario: String]) {
        self.pages = pages
        self.notFoundTitle = notFoundTitle
        self.notFoundLead = notFoundLead
        self.timingScenarios = timingScenarios
    }
}
