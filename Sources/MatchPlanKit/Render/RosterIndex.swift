/// The private overview of a class's reports (`index.html` beside the student folders).
enum RosterIndex {
    struct View {
        var today: String
        var todayISO: String
        var count: String
        var students: [Row]
        var hasFailures: Bool
        var failureCount: String
        var failures: [String]
    }

    struct Row {
        var name: String
        var slug: String
        var href: String
        var band: String
        var scenario: String
        var redFlags: String
        var hasRedFlags: Bool
    }

    static func render(_ students: [RosterBuild.Summary], failures: [MatchPlanError], templates: TemplateSet, today: CalendarDate) throws -> String {
        let view = View(
            today: today.longForm, todayISO: today.description, count: "\(students.count)",
            students: students.map {
                Row(name: $0.name, slug: $0.slug, href: "\($0.slug)/report.html", band: $0.band.name, scenario: $0.scenario.name,
                    redFlags: "\($0.redFlags)", hasRedFlags: $0.redFlags > 0)
            },
            hasFailures: !failures.isEmpty, failureCount: "\(failures.count)", failures: failures.map(\.description)
        )
        return try templates.render(view, template: "roster-index.html")
    }
}
