import MatchPlanFileSystem
import MatchPlanModel

/// The private overview of a class's reports (`index.html` beside the students' `<slug>.html`
/// and `<slug>.md`).
public enum RosterIndex {
    struct View: Encodable {
        var today: String
        var todayISO: String
        var count: String
        /// Rows rendered one at a time through `partials/roster-row.html` (a view model holding every
        /// row at once peaked at over 150 MB for 100,000 students).
        var rows: String
        var hasFailures: Bool
        var failureCount: String
        var failures: [String]
    }

    struct Row: Encodable {
        var name: String
        var slug: String
        var href: String
        var band: String
        var scenario: String
        var redFlags: String
        var hasRedFlags: Bool
    }

    /// - Parameter linkFormat: the report each row links to (`<slug>.html`; `<slug>.md` when
    ///   no HTML is written, `<slug>.json` when only plans are).
    public static func render(_ students: [RosterSummary], failures: [MatchPlanError], templates: TemplateSet, today: CalendarDate,
                       linkFormat: ReportFormat = .html) throws -> String {
        let view = View(
            today: today.longForm, todayISO: today.description, count: "\(students.count)",
            rows: try students.reduce(into: "") { text, student in
                text += try templates.render(Row(name: student.name, slug: student.slug, href: linkFormat.fileName(slug: student.slug),
                                                 band: student.band.name, scenario: student.scenario.name,
                                                 redFlags: "\(student.redFlags)", hasRedFlags: student.redFlags > 0),
                                             template: "partials/roster-row.html")
            },
            hasFailures: !failures.isEmpty, failureCount: "\(failures.count)", failures: failures.map(\.description)
        )
        return try templates.render(view, template: "roster-index.html")
    }
}
