import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import MatchPlanPlan

/// Renders a school's advising site: the same guidance as the reports, grouped into pages,
/// with the school's branding. Every link is relative (the site is flat: all pages sit at the
/// top level), so it works from `file://`, a sub-path or any host. No student data is involved.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    public let rules: Rules
    public let cycle: Cycle
    public let guidance: [GuidancePage]
    public let schoolPages: [SchoolPage]
    public let templates: TemplateSet
    /// The built-in pages and their words (`Content/site-pages.yaml`).
    public let copy: SiteCopy
    /// The logo's own size (``ImageSize``), for its `width` at a 48 px height; nil: height only.
    public var logoSize: ImageSize?

    public init(config: SiteConfig, rules: Rules, cycle: Cycle, guidance: [GuidancePage], schoolPages: [SchoolPage], templates: TemplateSet,
                copy: SiteCopy) {
        self.copy = copy
        self.config = config
        self.rules = rules
        self.cycle = cycle
        self.guidance = guidance
        self.schoolPages = schoolPages
        self.templates = templates
    }

    /// Templates a site needs.
    public static let requiredTemplates = ["site/page.html", "site-layout", "site/sitemap.xml"]

    /// The built-in pages, in navigation order: ``SiteCopy`` with each-band pages repeated and
    /// placeholders filled.
    struct Spec {
        var file: String
        var navTitle: String
        var title: String
        var lead: String
        var sections: [GuidancePage.Section]
        var shows: [SiteCopy.Block]
        var band: Band?
    }

    var specs: [Spec] {
        copy.pages.flatMap { page -> [Spec] in
            func fill(_ text: String, _ band: Band?) -> String {
                var words = ["{match_year}": "\(cycle.matchYear)"]
                if let band {
                    words["{band}"] = band.rawValue
                    words["{name}"] = band.name
                    words["{range}"] = bandRange(band)
                    words["{rule}"] = rules.bands.first { $0.band == band }?.rule ?? ""
                    words["{label}"] = band.label
                }
                return words.sorted { $0.key < $1.key }.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
            }
            let bands: [Band?] = page.eachBand ? rules.bands.map(\.band) : [nil]
            return bands.map { band in
                Spec(file: fill(page.file, band), navTitle: fill(page.navTitle, band), title: fill(page.title, band), lead: fill(page.lead, band),
                     sections: page.sections, shows: page.shows, band: band)
            }
        }
    }

    /// File names the built-in pages use (school pages may not take them).
    public static func reservedFiles(_ copy: SiteCopy, bands: [Band]) -> Set<String> {
        var files: Set<String> = ["404.html", "sitemap.xml"]
        for page in copy.pages {
            if page.eachBand { bands.forEach { files.insert(page.file.replacingOccurrences(of: "{band}", with: $0.rawValue)) } } else { files.insert(page.file) }
        }
        return files
    }

    /// - Returns: relative path → contents, sorted by path.
    /// - Throws: ``MatchPlanError`` when a template fails to render.
    public func render() throws -> [(path: String, contents: String)] {
        let specs = specs
        var nav = specs.map { NavItemView(title: $0.navTitle, href: $0.file, isCurrent: false) }
        nav += schoolPages.map { NavItemView(title: $0.navTitle, href: "\($0.slug).html", isCurrent: false) }
        var files: [(String, String)] = []
        for spec in specs {
            var view = baseView(file: spec.file, title: spec.title, lead: spec.lead, nav: nav)
            view.pages = guidance.filter { page in
                spec.sections.contains(page.section) && (spec.band.map { page.when.contains(Condition(unchecked: "scenario:\($0.rawValue)")) } ?? true)
            }.map { SiteSectionView(id: $0.id, title: $0.title, html: $0.html, rules: $0.rules.joined(separator: ", ")) }
            for block in spec.shows {
                switch block {
                case .bands: view.bandRows = bandRows()
                case .widget:
                    view.hasWidget = config.bandWidget
                    view.widgetJSON = try widgetJSON()
                case .lists: view.listRows = listRows(for: spec.band)
                case .timing: view.timingRows = timingRows()
                case .signals: view.hasSignals = true
                case .timeline: view.timeline = timeline()
                case .checklist: view.checklist = checklist()
                }
            }
            files.append((spec.file, try render(&view)))
        }
        for page in schoolPages {
            var view = baseView(file: "\(page.slug).html", title: page.title, lead: "", nav: nav)
            view.pages = [SiteSectionView(id: page.slug, title: "", html: page.html, rules: "")]
            files.append((view.fileName, try render(&view)))
        }
        var notFound = baseView(file: "404.html", title: copy.notFoundTitle, lead: copy.notFoundLead, nav: nav)
        notFound.isNotFound = true
        notFound.hasCanonical = false
        if let base = config.baseURL {
            // A host serves 404.html for a missing page at any depth: links must be absolute.
            notFound.homeHref = base
            if notFound.hasLogo { notFound.logoPath = base + notFound.logoPath }
            notFound.nav = nav.map { NavItemView(title: $0.title, href: base + ($0.href == "index.html" ? "" : $0.href), isCurrent: false) }
        }
        files.append(("404.html", try render(&notFound)))
        files.append(("assets/rules.json", try widgetJSON() + "\n"))
        if let base = config.baseURL {
            let urls = files.map(\.0).filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted().map { base + ($0 == "index.html" ? "" : $0) }
            files.append(("sitemap.xml", try templates.render(["urls": urls.map { ["loc": $0] }], template: "site/sitemap.xml")))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    private func render(_ view: inout SitePageView) throws -> String {
        view.hasBandRows = !view.bandRows.isEmpty
        view.hasListRows = !view.listRows.isEmpty
        view.hasTimingRows = !view.timingRows.isEmpty
        view.hasTimeline = !view.timeline.isEmpty
        view.hasUnofficialDates = view.timeline.contains(where: \.verify)
        view.hasChecklist = !view.checklist.isEmpty
        view.nav = view.nav.map { NavItemView(title: $0.title, href: $0.href, isCurrent: $0.href == view.fileName) }
        return try templates.render(view, template: "site/page.html")
    }

    private func baseView(file: String, title: String, lead: String, nav: [NavItemView]) -> SitePageView {
        let notes = cycleNotes()
        let palette = config.accentColor.flatMap { AccentPalette(accent: $0, dark: config.accentColorDark) }
        return SitePageView(
            school: config.school,
            hasLogo: config.logo != nil,
            logoPath: config.logo.map { "assets/logo.\(($0 as NSString).pathExtension.lowercased())" } ?? "",
            logoWidth: logoSize.map { "\(max(1, Int((48 * $0.width / $0.height).rounded())))" } ?? "",
            homeHref: "index.html",
            hasAccent: palette != nil, accentLight: palette?.light ?? "", accentDark: palette?.dark ?? "",
            hasFooter: config.footer != nil, footer: config.footer ?? "",
            advisors: config.advisors.map { AdvisorView(name: $0.name, role: $0.role ?? "", hasRole: $0.role != nil,
                                                        email: $0.email ?? "", hasEmail: $0.email != nil) },
            hasAdvisors: !config.advisors.isEmpty,
            matchYear: "\(cycle.matchYear)", seasonYear: "\(cycle.seasonYear)",
            fileName: file, title: title, documentTitle: "\(title) · \(config.school)", lead: lead, hasLead: !lead.isEmpty,
            hasCanonical: config.baseURL != nil, canonical: (config.baseURL ?? "") + (file == "index.html" ? "" : file),
            nav: nav, isNotFound: false,
            pages: [], bandRows: [], hasBandRows: false, listRows: [], hasListRows: false, timingRows: [], hasTimingRows: false,
            timeline: [], hasTimeline: false, hasUnofficialDates: false, checklist: [], hasChecklist: false,
            hasSignals: false,
            signals: SignalsView(gold: "\(cycle.signals.gold)", silver: "\(cycle.signals.silver)",
                                 verify: cycle.signals.confidence.needsVerification, source: cycle.signals.source,
                                 evidence: cycle.signals.evidence, includeESIRPrograms: true),
            hasWidget: false, widgetJSON: "",
            cycleNotes: notes, hasCycleNotes: !notes.isEmpty
        )
    }

}
