import MatchPlanModel

extension OutputFormat {
    /// The report's section partials; each templated format has `partials/<name>.<extension>`.
    static let reportPartials = ["do-now", "glance", "score-scale", "findings", "finding", "timing", "list", "what-if", "program-list", "checklist",
                                 "checklist-item", "timeline-chart", "timeline", "timeline-event", "pathways", "signals", "guidance",
                                 "page", "sources"]

    /// `report.html`: one self-contained page (inline CSS, no external requests).
    public static let html = templatedReport(extension: "html", mediaType: "text/html; charset=utf-8", contentType: "HTML")

    /// `report.html` with the general guidance open, so that printing prints all of it
    /// (`matchplan report --print-guidance`); same name, file and templates as ``html``.
    public static let htmlWithGuidanceOpen = templatedReport(extension: "html", mediaType: "text/html; charset=utf-8", contentType: "HTML",
                                                             guidanceOpen: true)

    /// `report.md`: reads as plain text, renders on GitHub.
    public static let md = templatedReport(extension: "md", mediaType: "text/markdown; charset=utf-8",
                                        contentType: MarkdownContentType.name)

    /// `plan.json`: the computed plan, as `matchplan plan` prints it.
    public static let planJSON = OutputFormat(name: "json", fileExtension: "json", mediaType: "application/json", baseName: "plan") { plan, _ in
        try PlanJSON.encode(plan)
    }

    /// `report.ics`: the dated checklist items and timeline events as an RFC 5545 calendar of
    /// all-day events (``ICalendarDocument``), for a calendar app to import.
    public static let ics = OutputFormat(name: "ics", fileExtension: "ics", mediaType: "text/calendar; charset=utf-8", baseName: "report") { plan, _ in
        ICalendarDocument.render(plan)
    }

    /// A report rendered through `report.<extension>` and its partials, written in `contentType`.
    static func templatedReport(extension ext: String, mediaType: String, contentType: String,
                                guidanceOpen: Bool = false) -> OutputFormat {
        let layout = "report.\(ext)"
        return OutputFormat(name: ext, fileExtension: ext, mediaType: mediaType, baseName: "report", contentType: contentType,
                            requiredTemplates: [layout] + reportPartials.map { "partials/\($0).\(ext)" },
                            renderSubject: { subject, renderer in
                                try renderer.renderThroughTemplates(subject, layout: layout, guidanceOpen: guidanceOpen)
                            })
    }
}
