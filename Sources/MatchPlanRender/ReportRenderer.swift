import MatchPlanFileSystem
import MatchPlanModel

/// Output formats of a personal report.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// `report.html`: one self-contained page (inline CSS, no external requests).
    case html
    /// `report.md`: reads as plain text, renders on GitHub.
    case md

    /// File name written in the output folder.
    public var fileName: String { "report.\(rawValue)" }
    /// A roster student's file in the flat output folder: `<slug>.html`, `<slug>.md`.
    public func fileName(slug: String) -> String { "\(slug).\(rawValue)" }
    /// Template that renders it (`Templates/report.<format>.mustache`).
    public var templateName: String { "report.\(rawValue)" }
}

/// Renders a plan and the guidance into report documents through the Mustache templates.
///
/// Guidance HTML was rendered by cmark when the content loaded; only the per-student view is
/// built here. Safe to share across threads.
public struct ReportRenderer: Sendable {
    public let templates: TemplateSet
    public let rules: Rules
    public let cycle: Cycle
    public let pages: [GuidancePage]

    /// Templates every template set must have.
    public static let requiredTemplates = ReportFormat.allCases.flatMap { format in
        [format.templateName] + ["glance", "findings", "finding", "page", "checklist", "checklist-item", "timeline", "timeline-event",
                                "timing", "list", "pathways", "signals", "sources"].map { "partials/\($0).\(format.rawValue)" }
    } + ["roster-index.html", "partials/roster-row.html"]

    /// Rendered pieces shared by every report this renderer makes, per format.
    private let fragments: [ReportFormat: ReportFragments]

    public init(templates: TemplateSet, rules: Rules, cycle: Cycle, pages: [GuidancePage]) {
        self.templates = templates
        self.rules = rules
        self.cycle = cycle
        self.pages = pages
        self.fragments = Dictionary(uniqueKeysWithValues: ReportFormat.allCases.map { ($0, ReportFragments()) })
    }

    /// - Returns: file name → contents, one entry per format, in `formats` order.
    /// - Throws: ``MatchPlanError`` `.internalError` when a template is missing (checked at load).
    public func render(_ plan: StrategyPlan, formats: [ReportFormat]) throws -> [(name: String, contents: String)] {
        return try formats.map { format in
            let builder = ReportViewBuilder(rules: rules, cycle: cycle, pages: pages, templates: templates, fragments: fragments[format]!, format: format.rawValue)
            let view = try builder.build(plan, escapeText: format == .md ? MarkdownEscaping.escape : { $0 })
            return (format.fileName, try templates.render(view, template: format.templateName))
        }
    }
}
