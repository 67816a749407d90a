import MatchPlanModel

/// An output format as a value: what a file of this format is called, what it is, how its
/// templates escape text, which templates it needs and how it is rendered. Adding a format (a
/// calendar file, a CSV summary) adds a value like ``html``, ``md`` or ``planJSON`` (see
/// `ReportFormats.swift`), not a branch in the renderer.
public struct OutputFormat: Sendable, Hashable, CustomStringConvertible {
    /// What `--format` accepts: `html`, `md`, `ics`, `json`, `csv` (a roster's `summary.csv`).
    public let name: String
    /// The file extension, without the dot.
    public let fileExtension: String
    /// The IANA media type of the file (for a preview server or a sitemap).
    public let mediaType: String
    /// The single-report file name without extension: `report` (`report.html`), `plan` (`plan.json`).
    public let baseName: String
    /// The swift-mustache content type its templates are written in, which escapes every
    /// `{{name}}` (the template engine escapes, not the view builders): `HTML` (swift-mustache's
    /// default) or `MARKDOWN` (``MarkdownContentType``, declared on each template's first line
    /// as `{{% CONTENT_TYPE: MARKDOWN}}`); nil for a format rendered in Swift.
    public let contentType: String?
    /// Templates a template set must have for this format (none for formats rendered in Swift).
    public let requiredTemplates: [String]
    /// Renders one student's plan as this format's file contents (UTF-8 text; the publish stage
    /// writes the string's bytes without another copy).
    let render: @Sendable (ReportSubject, ReportRenderer) throws -> String
    /// For a class summary format (``summaryCSV``): renders the whole roster's overview rows
    /// (in overview order) as one file, `<baseName>.<extension>` beside the reports; nil for a
    /// per-student format. A roster writes each student's file for the formats without it and
    /// one file for the formats with it.
    ///
    /// The file is passed to its second argument in pieces, in order, as it is made (the summary
    /// of 100,000 students is never held whole); ``summary(_:)`` gathers them.
    public let summarize: (@Sendable ([RosterSummary], (String) throws -> Void) throws -> Void)?

    public init(name: String, fileExtension: String, mediaType: String, baseName: String,
                contentType: String? = nil, requiredTemplates: [String] = [],
                render: @escaping @Sendable (StrategyPlan, ReportRenderer) throws -> String) {
        self.init(name: name, fileExtension: fileExtension, mediaType: mediaType, baseName: baseName, contentType: contentType,
                  requiredTemplates: requiredTemplates, renderSubject: { subject, renderer in try render(subject.plan, renderer) })
    }

    /// A report format rendered from the report's shared view (``ReportSubject``): the
    /// templated formats read its view, the others its plan.
    init(name: String, fileExtension: String, mediaType: String, baseName: String, contentType: String?,
         requiredTemplates: [String], renderSubject: @escaping @Sendable (ReportSubject, ReportRenderer) throws -> String) {
        self.name = name
        self.fileExtension = fileExtension
        self.mediaType = mediaType
        self.baseName = baseName
        self.contentType = contentType
        self.requiredTemplates = requiredTemplates
        self.render = renderSubject
        self.summarize = nil
    }

    /// A class summary format: one file per roster (`summary.csv`), none per student.
    public init(name: String, fileExtension: String, mediaType: String, baseName: String,
                summarize: @escaping @Sendable ([RosterSummary], (String) throws -> Void) throws -> Void) {
        self.name = name
        self.fileExtension = fileExtension
        self.mediaType = mediaType
        self.baseName = baseName
        self.contentType = nil
        self.requiredTemplates = []
        self.render = { _, _ in throw MatchPlanError(.usage, "--format \(name) is a class summary; use it with --roster") }
        self.summarize = summarize
    }

    /// A class summary format's file as one string (nil for a per-student format).
    public func summary(_ students: [RosterSummary]) throws -> String? {
        guard let summarize else { return nil }
        var text = ""
        try summarize(students) { text += $0 }
        return text
    }

    /// Whether this format writes one file per roster (``summarize``) rather than one per student.
    public var isRosterSummary: Bool { summarize != nil }

    /// The formats one report is written in when `--format` is not given.
    public static var allCases: [OutputFormat] { [.html, .md, .ics] }
    /// The formats a roster writes when `--format` is not given (a calendar file per student
    /// only when asked for).
    public static var rosterDefaults: [OutputFormat] { [.html, .md, .summaryCSV] }
    /// Every format `--format` accepts, by ``name``.
    public static var known: [OutputFormat] { [.html, .md, .ics, .planJSON, .summaryCSV] }

    /// The known format named `rawValue` (`html`, `md`, `ics`, `json`).
    public init?(rawValue: String) {
        guard let format = Self.known.first(where: { $0.name == rawValue }) else { return nil }
        self = format
    }

    public var rawValue: String { name }
    public var description: String { name }
    /// File name written for one report: `report.html`, `report.md`, `plan.json`.
    public var fileName: String { "\(baseName).\(fileExtension)" }
    /// A roster student's file in the flat output folder: `<slug>.html`, `<slug>.md`.
    public func fileName(slug: String) -> String { "\(slug).\(fileExtension)" }
    /// The layout template of a templated format (`Templates/report.<extension>.mustache`).
    public var templateName: String { "\(baseName).\(fileExtension)" }

    public static func == (a: OutputFormat, b: OutputFormat) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// The name the report stages and the command line use for an ``OutputFormat``.
public typealias ReportFormat = OutputFormat
