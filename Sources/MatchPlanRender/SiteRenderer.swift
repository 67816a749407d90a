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

    public init(config: SiteConfig, rules: Rules, cycle: Cycle, guidance: [GuidancePage], schoolPages: [SchoolPage], templates: TemplateSet) {
        self.config = config
        self.rules = rules
        self.cycle = cycle
        self.guidance = guidance
        self.schoolPages = schoolPages
        self.templates = templates
    }

    /// Templates a site needs.
    public static let requiredTemplates = ["site/page.html", "site-layout", "site/sitemap.xml"]

    /// The built-in pages, in navigation order.
    struct Spec {
        var file: String
        var navTitle: String
        var title: String
        var lead: String
        var sections: [GuidancePage.Section]
        var band: Band?
    }

    static let bandNames: [Band] = [.high, .solid, .borderline, .low]

    var specs: [Spec] {
        var specs = [Spec(file: "index.html", navTitle: "Home", title: "Applying to Interventional Radiology",
                          lead: "How programs read Step 2 CK, the score bands at a glance, and where to start.", sections: [.intro])]
        for band in Self.bandNames {
            let row = rules.bands.first { $0.band == band }
            specs.append(Spec(file: "band-\(band.rawValue).html", navTitle: band.name,
                              title: "\(band.name) band: Step 2 CK \(bandRange(band))",
                              lead: "What to do when Step 2 CK is \(bandRange(band)) (\(row?.rule ?? ""), \(band.label)), and how many programs to apply to.",
                              sections: [.strategy], band: band))
        }
        specs += [
            Spec(file: "special-situations.html", navTitle: "Special situations", title: "Special situations",
                 lead: "A Step 1 fail, a pending score, COMLEX only, a score near a boundary.", sections: [.situation]),
            Spec(file: "program-list.html", navTitle: "Program list", title: "How many programs, and which",
                 lead: "List sizes for integrated IR and DR, and how to pick programs.", sections: [.list]),
            Spec(file: "pathways.html", navTitle: "Pathways", title: "Pathways into IR",
                 lead: "Integrated IR, DR with ESIR, and applying to both.", sections: [.pathways]),
            Spec(file: "step2ck.html", navTitle: "Step 2 CK", title: "Step 2 CK timing and preparation",
                 lead: "When to sit Step 2 CK, how to prepare, and what to do when the score is back.", sections: [.timing]),
            Spec(file: "whole-application.html", navTitle: "Whole application", title: "Strengthening the whole application",
                 lead: "Clinical work, the personal statement and MSPE, IR commitment and letters.", sections: [.holistic]),
            Spec(file: "signals.html", navTitle: "Signals", title: "Program signals",
                 lead: "Gold and silver signals, and where to send them.", sections: [.signals]),
            Spec(file: "timeline.html", navTitle: "Timeline", title: "Timeline to Match Day \(cycle.matchYear)",
                 lead: "From MS2 to Match Day, with this cycle's dates.", sections: []),
            Spec(file: "checklist.html", navTitle: "Checklist", title: "Application checklist",
                 lead: "A printable checklist for every IR applicant.", sections: []),
            Spec(file: "faq.html", navTitle: "FAQ", title: "Questions students ask", lead: "", sections: [.faq]),
        ]
        return specs
    }

    /// File names the built-in pages use (school pages may not take them).
    public static let reservedFiles: Set<String> = ["index.html", "404.html", "sitemap.xml", "band-high.html", "band-solid.html",
        "band-borderline.html", "band-low.html", "special-situations.html", "program-list.html", "pathways.html", "step2ck.html",
        "whole-application.html", "signals.html", "timeline.html", "checklist.html", "faq.html"]

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
            }.map { PageView(id: $0.id, title: $0.title, html: $0.html, markdown: "", rules: $0.rules.joined(separator: ", ")) }
            switch spec.file {
            case "index.html":
                view.bandRows = bandRows()
                view.hasWidget = config.bandWidget
                view.widgetJSON = try widgetJSON()
            case "program-list.html": view.listRows = listRows(for: nil)
            case "step2ck.html": view.timingRows = timingRows()
            case "signals.html": view.hasSignals = true
            case "timeline.html": view.timeline = timeline()
            case "checklist.html": view.checklist = checklist()
            default: break
            }
            if let band = spec.band { view.listRows = listRows(for: band) }
            files.append((spec.file, try render(&view)))
        }
        for page in schoolPages {
            var view = baseView(file: "\(page.slug).html", title: page.title, lead: "", nav: nav)
            view.pages = [PageView(id: page.slug, title: "", html: page.html, markdown: "", rules: "")]
            files.append((view.fileName, try render(&view)))
        }
        var notFound = baseView(file: "404.html", title: "Page not found", lead: "This page does not exist. Try the links above or go to the home page.", nav: nav)
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
        view.hasChecklist = !view.checklist.isEmpty
        view.nav = view.nav.map { NavItemView(title: $0.title, href: $0.href, isCurrent: $0.href == view.fileName) }
        return try templates.render(view, template: "site/page.html")
    }

    private func baseView(file: String, title: String, lead: String, nav: [NavItemView]) -> SitePageView {
        let notes = cycleNotes()
        let palette = config.accentColor.flatMap(AccentPalette.init(accent:))
        return SitePageView(
            school: config.school,
            hasLogo: config.logo != nil,
            logoPath: config.logo.map { "assets/logo.\(($0 as NSString).pathExtension.lowercased())" } ?? "",
            homeHref: "index.html",
            hasAccent: palette != nil, accentLight: palette?.light ?? "", accentDark: palette?.dark ?? "",
            hasFooter: config.footer != nil, footer: config.footer ?? "",
            advisors: config.advisors.map { AdvisorView(name: $0.name, role: $0.role ?? "", hasRole: $0.role != nil,
                                                        email: $0.email ?? "", hasEmail: $0.email != nil) },
            hasAdvisors: !config.advisors.isEmpty,
            matchYear: "\(cycle.matchYear)", seasonYear: "\(cycle.seasonYear)",
            fileName: file, title: title, documentTitle: "\(title) · \(config.school)", lead: lead,
            hasCanonical: config.baseURL != nil, canonical: (config.baseURL ?? "") + (file == "index.html" ? "" : file),
            nav: nav, isNotFound: false,
            pages: [], bandRows: [], hasBandRows: false, listRows: [], hasListRows: false, timingRows: [], hasTimingRows: false,
            timeline: [], hasTimeline: false, checklist: [], hasChecklist: false,
            hasSignals: false,
            signals: SignalsView(gold: "\(cycle.signals.gold)", silver: "\(cycle.signals.silver)",
                                 verify: cycle.signals.confidence.needsVerification, source: cycle.signals.source,
                                 evidence: cycle.signals.evidence, includeESIRPrograms: true, pages: .empty),
            hasWidget: false, widgetJSON: "",
            cycleNotes: notes, hasCycleNotes: !notes.isEmpty
        )
    }

    // MARK: Tables from the rules

    /// B1–B4 score range as words, e.g. "245 to 254".
    func bandRange(_ band: Band) -> String {
        guard let index = rules.bands.firstIndex(where: { $0.band == band }) else { return "" }
        let row = rules.bands[index]
        if index == 0 { return "\(row.minimum) and above" }
        if index == rules.bands.count - 1 { return "\(rules.bands[index - 1].minimum - 1) and below" }
        return "\(row.minimum) to \(rules.bands[index - 1].minimum - 1)"
    }

    private func bandRows() -> [BandRowView] {
        Self.bandNames.compactMap { band in
            guard let row = rules.bands.first(where: { $0.band == band }) else { return nil }
            let lists = listRows(for: band)
            // A band that spans two list rows (B3: L3 below 240, L2 from 240) names the scores of each.
            func cell(_ value: (ListRowView) -> String) -> String {
                lists.count == 1 ? value(lists[0]) : lists.reversed().map { "\(value($0)) (\($0.scores))" }.joined(separator: "; ")
            }
            return BandRowView(rule: row.rule, name: band.name, label: band.label, scores: bandRange(band),
                               integratedIR: cell(\.integratedIR), diagnosticRadiology: cell(\.diagnosticRadiology),
                               href: "band-\(band.rawValue).html")
        }
    }

    /// L1–L3 rows; for a band, the rows its score range overlaps (D6: the low band uses L3 only).
    private func listRows(for band: Band?) -> [ListRowView] {
        let rows = rules.listSizes
        return rows.enumerated().compactMap { index, row in
            let upper = index == 0 ? rules.scoreScale.upperBound : rows[index - 1].minimum - 1
            if let band {
                if band == .low && index != rows.count - 1 { return nil }
                guard let bandIndex = rules.bands.firstIndex(where: { $0.band == band }) else { return nil }
                let bandLow = rules.bands[bandIndex].minimum
                let bandHigh = bandIndex == 0 ? rules.scoreScale.upperBound : rules.bands[bandIndex - 1].minimum - 1
                guard row.minimum <= bandHigh && upper >= bandLow else { return nil }
            }
            let scores = index == 0 ? "\(row.minimum) and above" : index == rows.count - 1 ? "under \(rows[index - 1].minimum)" : "\(row.minimum) to \(upper)"
            return ListRowView(rule: row.rule, scores: scores, integratedIR: "\(row.integratedIR.min) to \(row.integratedIR.max)",
                               diagnosticRadiology: "\(row.diagnosticRadiology.min) to \(row.diagnosticRadiology.max)",
                               isCurrent: false, interpolated: row.interpolated)
        }
    }

    private func timingRows() -> [TimingRowView] {
        let when: [TimingScenario: String] = [
            .t1: "Strong clerkships, ready by the end of MS3",
            .t2: "Struggled in clerkships, a Step 1 fail or a weak numeric Step 1: remediate first",
            .t3: "Very score-sensitive and asking for extra preparation time",
        ]
        return TimingScenario.allCases.map { scenario in
            let date = rules.timing.latest[scenario]!.inYear(cycle.seasonYear)
            return TimingRowView(rule: scenario.rawValue, when: when[scenario]!, latest: date.longForm, latestISO: date.description)
        }
    }

    /// The generic timeline (no student: no status, no personal Step 2 CK date).
    private func timeline() -> [TimelineView] {
        return GenericCalendar(rules: rules, cycle: cycle).timeline().map { event in
            TimelineView(id: event.id, title: event.title, rule: event.rule, dateISO: event.date.description, date: event.date.longForm,
                         hasEnd: event.end != nil, endISO: event.end?.description ?? "", end: event.end?.longForm ?? "",
                         status: "", statusLabel: "", isCurrent: false,
                         verify: event.verify, confidence: event.confidence.rawValue)
        }
    }

    private func checklist() -> [SiteChecklistView] {
        let resolver = GenericCalendar(rules: rules, cycle: cycle)
        return rules.checklist.map { item in
            var due = ""
            if let spec = item.due {
                if case .timingLatest = spec {
                    due = TimingScenario.allCases.map { "\($0.rawValue): \(rules.timing.latest[$0]!.inYear(cycle.seasonYear).monthAndDay)" }
                        .joined(separator: ", ")
                } else if let date = resolver.resolve(spec) {
                    due = date.longForm
                }
            }
            let applies = item.when.map { Self.describe($0) }.joined(separator: "; ")
            return SiteChecklistView(id: item.id, text: item.text, rule: item.rule, due: due, hasDue: !due.isEmpty,
                                     appliesTo: applies, hasAppliesTo: !applies.isEmpty)
        }
    }

    /// A condition in words, for the generic checklist.
    static func describe(_ condition: Condition) -> String {
        let parts = condition.text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return condition.text == "comlex_only" ? "COMLEX-only applicants" : condition.text }
        switch parts[0] {
        case "scenario", "band": return "\(Band(rawValue: parts[1])?.name ?? parts[1]) band"
        case "timing": return "timing scenario \(parts[1])"
        case "step1": return ["fail": "after a Step 1 fail", "not_passed": "while Step 1 is not yet passed"][parts[1]] ?? "with a numeric Step 1"
        case "step2ck": return "after a Step 2 CK fail"
        case "clerkship": return "after a clerkship graded fail"
        case "list": return "list row \(parts[1])"
        case "score": return "score \(parts[1])"
        case "pathway": return "pathway \(parts[1])"
        default: return condition.text
        }
    }

    private func cycleNotes() -> [String] {
        cycle.events.filter { $0.confidence.needsVerification }.map {
            "\($0.title): \($0.date.longForm) is \($0.confidence.rawValue) (\($0.source)); verify."
        }
    }

    /// The rules the band-lookup widget computes with, as JSON (also written to `assets/rules.json`).
    /// JSONEncoder escapes `/`, so the text can sit inside a `<script>` element safely.
    func widgetJSON() throws -> String {
        struct BandJSON: Encodable { var rule: String; var band: String; var name: String; var label: String; var min: Int; var href: String }
        struct ListJSON: Encodable {
            var rule: String; var min: Int; var integrated_ir: [Int]; var diagnostic_radiology: [Int]; var interpolated: Bool
        }
        struct RulesJSON: Encodable {
            var score_scale: [Int]; var near_boundary_points: Int; var passing_score: Int; var bands: [BandJSON]; var lists: [ListJSON]
        }
        let value = RulesJSON(
            score_scale: [rules.scoreScale.lowerBound, rules.scoreScale.upperBound],
            near_boundary_points: rules.nearBoundaryPoints,
            passing_score: cycle.passingScore.value,
            bands: rules.bands.map { BandJSON(rule: $0.rule, band: $0.band.rawValue, name: $0.band.name, label: $0.band.label,
                                              min: $0.minimum, href: "band-\($0.band.rawValue).html") },
            lists: rules.listSizes.map { ListJSON(rule: $0.rule, min: $0.minimum, integrated_ir: [$0.integratedIR.min, $0.integratedIR.max],
                                                  diagnostic_radiology: [$0.diagnosticRadiology.min, $0.diagnosticRadiology.max],
                                                  interpolated: $0.interpolated) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
    }
}
