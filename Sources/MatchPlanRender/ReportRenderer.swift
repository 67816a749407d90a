import Foundation
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
    public static let requiredTemplates = reportTemplates + ["roster-index.html", "partials/roster-row.html"]
    /// The templates of one student's report (the formats' layouts and partials).
    public static let reportTemplates = ReportFormat.allCases.flatMap(\.requiredTemplates)

    /// Whether `name` is one of the class overview's templates (`roster-index.html`,
    /// `partials/roster-row.html`, `partials/roster-style.css`, or a school's `roster-…`).
    public static func isOverviewTemplate(_ name: String) -> Bool {
        (name as NSString).lastPathComponent.hasPrefix("roster-")
    }

    /// Views shared by every report this renderer makes (the view is the same in every format).
    private let fragments = ReportFragments()

    public init(templates: TemplateSet, rules: Rules, cycle: Cycle, pages: [GuidancePage]) {
        self.templates = templates
        self.rules = rules
        self.cycle = cycle
        self.pages = pages
    }

    /// - Returns: file name → contents, one entry per format, in `formats` order.
    /// - Throws: ``MatchPlanError`` `.internalError` when a template is missing (checked at load).
    public func render(_ plan: StrategyPlan, formats: [ReportFormat]) throws -> [(name: String, contents: String)] {
        let subject = ReportSubject(plan: plan)
        return try formats.map { format in (format.fileName, try format.render(subject, self)) }
    }


    /// A templated format: the report's view model (plain text; the templates' content type
    /// escapes it), through its layout.
    /// - Parameter guidanceOpen: render the general guidance open (`--print-guidance`).
    func renderThroughTemplates(_ subject: ReportSubject, layout: String, guidanceOpen: Bool = false) throws -> String {
        let (view, memo) = subject.view(guidanceOpen: guidanceOpen) {
            ReportViewBuilder(rules: rules, cycle: cycle, pages: pages, fragments: fragments, guidanceOpen: guidanceOpen).build(subject.plan)
        }
        return try templates.render(view, template: layout, memo: memo)
    }
}

/// One plan being rendered in several formats: its view is built once and shared by every
/// templated format (HTML and Markdown read the same ``ReportView``; profiled, building it was
/// a sixth of a roster's time, paid once per format). Used on one thread.
final class ReportSubject {
    let plan: StrategyPlan
    private var views: [Bool: (view: ReportView, memo: RenderMemo)] = [:]

    init(plan: StrategyPlan) {
        self.plan = plan
    }

    /// The view with the general guidance open or closed, made by `build` the first time, and
    /// where its templates keep what they took apart of it (``RenderMemo``).
    func view(guidanceOpen: Bool, build: () -> ReportView) -> (view: ReportView, memo: RenderMemo) {
        if let known = views[guidanceOpen] { return known }
        let made = (view: build(), memo: RenderMemo())
        views[guidanceOpen] = made
        return made
    }
}
