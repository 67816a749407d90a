import Foundation
import MatchPlanPipeline

/// The `template` fuzz mode: the input replaces `report.html.mustache` over the built-in
/// `Templates/` (as a school's `--templates` would), the set is loaded, and when it loads the
/// report of `Content/profiles/solid.yaml` is rendered with it, guidance pages included (so the
/// built-in partials it names run too).
///
/// Invariants: loading fails only with a ``MatchPlanError`` (checked by
/// ``FuzzTarget/check(_:data:)``), and rendering ends without a crash (a partial including
/// itself used to overflow the stack).
enum FuzzTemplate {
    static let folder: String = {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("matchplan-fuzz-templates-\(getpid())")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// The project's rules, guidance pages and a planned profile, loaded once.
    static let setting: (workspace: Workspace, plan: StrategyPlan, cycle: Cycle)? = {
        let paths = ProjectPaths(content: "Content", templates: "Templates")
        guard let workspace = try? Workspace.load(paths: paths, needsRendering: true),
              let (plan, cycle) = try? workspace.plan(profilePath: "Content/profiles/solid.yaml", today: CalendarDate(iso: "2026-08-15")!)
        else { return nil }
        return (workspace, plan, cycle)
    }()

    static func run(_ data: Data) throws -> String {
        try data.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("report.html.mustache")))
        let templates = try TemplateSet.load(folders: ["Templates", folder], required: ReportRenderer.requiredTemplates,
                                             include: { !$0.hasPrefix("site") })
        guard let setting else { return "templates loaded" }
        let files = try ReportRenderer(templates: templates, rules: setting.workspace.rules, cycle: setting.cycle,
                                       pages: setting.workspace.pages).render(setting.plan, formats: [.html])
        return "templates loaded; report rendered, \(files.first?.contents.utf8.count ?? 0) bytes"
    }
}
