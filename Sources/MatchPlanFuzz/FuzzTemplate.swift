import Foundation
import MatchPlanPipeline

/// The `template` fuzz mode: the input replaces `partials/page.html.mustache` over the built-in
/// `Templates/` (as a school's `--templates` would), the set is loaded, and when it loads a
/// report is rendered with it.
///
/// Invariants: loading fails only with a ``MatchPlanError`` (checked by
/// ``FuzzTarget/check(_:data:)``), and rendering ends without a crash (a partial including
/// itself used to overflow the stack).
enum FuzzTemplate {
    static let folder: String = {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("matchplan-fuzz-templates-\(getpid())")
        try? FileManager.default.createDirectory(atPath: (folder as NSString).appendingPathComponent("partials"),
                                                 withIntermediateDirectories: true)
        return folder
    }()

    static let plan: StrategyPlan? = {
        let paths = ProjectPaths(content: "Content", templates: "Templates")
        guard let workspace = try? Workspace.load(paths: paths, needsRendering: false),
              let (plan, _) = try? workspace.plan(profilePath: "Content/profiles/solid.yaml", today: CalendarDate(iso: "2026-08-15")!)
        else { return nil }
        return plan
    }()

    static func run(_ data: Data, workspace: Workspace?) throws -> String {
        try data.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("partials/page.html.mustache")))
        let templates = try TemplateSet.load(folders: ["Templates", folder], required: ReportRenderer.requiredTemplates,
                                             include: { !$0.hasPrefix("site") })
        guard let workspace, let plan else { return "templates loaded" }
        let cycle = try workspace.cycle(matchYear: plan.matchYear, profilePath: nil)
        let files = try ReportRenderer(templates: templates, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
            .render(plan, formats: [.html])
        return "templates loaded; report rendered, \(files.first?.contents.utf8.count ?? 0) bytes"
    }
}
