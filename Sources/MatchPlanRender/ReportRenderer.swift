import MatchPlanFileSystem
import MatchPlanModel

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
    public static let requiredTemplates = ReportFormat.allCases.flatMap(\.requiredTemplates) + ["roster-index.html", "partials/roster-row.html"]

    /// Rendered pieces shared by every report this renderer makes, per format.
    private let fragments: [String: ReportFragments]

    public init(templates: TemplateSet, rules: Rules, cycle: Cycle, pages: [GuidancePage]) {
        self.templates = templates
        self.rules = rules
        self.cycle = cycle
        self.pages = pages
        self.fragments = Dictionary(uniqueKeysWithValues: ReportFormat.allCases.map { ($0.fileExtension, ReportFragments()) })
    }

    /// - Returns: file name → contents, one entry per format, in `formats` order.
    /// - Throws: ``MatchPlanError`` `.internalError` when a template is missing (checked at load).
    public func render(_ plan: StrategyPlan, formats: [ReportFormat]) throws -> [(name: String, contents: String)] {
        try formats.map { format in (format.fileName, try format.render(plan, self)) }
    }

    /// A templated format: the view model (plain text; the templates' content type escapes it),
    /// through its layout.
    /// - Parameters:
    ///   - partials: the format's extension (which page views to share).
    ///   - guidanceOpen: render the general guidance open (`--print-guidance`).
    func renderThroughTemplates(_ plan: StrategyPlan, partials: String, layout: String, guidanceOpen: Bool = false) throws -> String {
        guard let fragments = fragments[partials] else { throw MatchPlanError(.internalError, "no fragment cache for the format '\(partials)'") }
        let builder = ReportViewBuilder(rules: rules, cycle: cycle, pages: pages, fragments: fragments, guidanceOpen: guidanceOpen)
        return try templates.render(builder.build(plan), template: layout)
    }
}
