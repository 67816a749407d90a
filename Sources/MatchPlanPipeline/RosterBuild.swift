import Foundation
import MatchPlanFileSystem
import MatchPlanLoad
import MatchPlanModel
import MatchPlanPlan
import MatchPlanPublish
import MatchPlanRender

/// `matchplan report --roster`: one report per student of a class, plus a private overview
/// (`index.html`), built into a staged folder and swapped into place (``FolderPublisher``).
///
/// The layout is flat: each student's report is `<slug>.html` and `<slug>.md` beside
/// `index.html`, with no folder per student (every file or folder created costs an inode
/// allocation, a noticeable share of a large roster's time).
///
/// The roster is streamed in batches; each batch is planned and rendered on all cores, so memory
/// stays flat however long the roster is. A bad row is listed and skipped; the good reports are
/// all written. Output is the same bytes whatever order the threads finish in.
public struct RosterBuild: Sendable {
    public let workspace: Workspace
    public let formats: [ReportFormat]
    public let today: CalendarDate
    /// Students planned and rendered at once (bounded in-flight work).
    public var batchSize = 64
    /// Fault injection for tests: called with each student's slug before their report
    /// is rendered; throwing aborts the run as a failing template or disk would.
    var beforeRender: (@Sendable (String) throws -> Void)?

    public init(workspace: Workspace, formats: [ReportFormat], today: CalendarDate) {
        self.workspace = workspace
        self.formats = formats
        self.today = today
    }

    /// One student's line in the overview.
    public typealias Summary = RosterSummary

    /// Slugs no student may have: their report would overwrite the overview (`index.html`).
    public static let reservedSlugs: Set<String> = ["index"]

    /// The files of `slug`'s report in the output folder, one per format (`<slug>.html`, `<slug>.md`).
    public static func fileName(slug: String, format: ReportFormat) -> String {
        format.fileName(slug: slug)
    }

    /// The report the overview links for each student: HTML when written, else Markdown, else
    /// the first format written (`--format json` links the plans), so no link is dead.
    static func linkFormat(_ formats: [ReportFormat]) -> ReportFormat {
        [ReportFormat.html, .md].first(where: formats.contains) ?? formats.first ?? .html
    }

    public struct Outcome: Sendable {
        public var written: [Summary]
        /// Rows or files that failed, in roster order.
        public var failures: [MatchPlanError]
    }

    /// - Parameters:
    ///   - progress: called after each batch with (students done, estimated total or nil).
    /// - Throws: ``MatchPlanError`` for problems with the roster as a whole, or when writing or
    ///   rendering fails; the previous output is then left as it was.
    public func run(rosterPath: String, outputFolder: String, progress: (Int, Int?) -> Void = { _, _ in }) throws -> Outcome {
        try workspace.checkOutputFolder(outputFolder)
        guard let templates = workspace.templates else { throw MatchPlanError(.internalError, "templates were not loaded") }
        let reader = try Stage.load.run { try RosterReader(path: rosterPath, loader: workspace.profileLoader) }
        let total: Int? = reader.estimatedCount
        let publisher = try FolderPublisher(target: outputFolder, kind: .roster)
        var renderers: [Int: ReportRenderer] = [:]
        var written: [Summary] = []
        var failures: [MatchPlanError] = []
        /// Failed students whose earlier report may be kept: (index in failures, slug).
        var keepCandidates: [(index: Int, slug: String?)] = []
        var done = 0
        // PL1–PL8: a student's `programs` column or key names a list relative to the roster.
        let listFolder = ProjectPaths.isDirectory(rosterPath) ? rosterPath : (rosterPath as NSString).deletingLastPathComponent
        let listRules = Result { try ProgramListRulesLoader.load(contentDirectory: workspace.paths.content) }
        do {
            var batch: [RosterEntry] = []
            func flush() throws {
                // Parse on all cores, then claim report names and load cycles in roster order.
                let loaded = try Parallel.map(batch) { entry in entry.load().mapError { $0.staged(.load) } }
                var jobs: [(slug: String, profile: Profile, renderer: ReportRenderer, source: String, list: (list: ProgramList, rules: ProgramListRules)?)] = []
                for (entry, result) in zip(batch, loaded) {
                    do {
                        let profile = try result.get()
                        let slug = try Self.reportName(entry, profile, reader: reader)
                        if renderers[profile.matchYear] == nil {
                            let cycle = try workspace.cycle(matchYear: profile.matchYear, profilePath: entry.source)
                            renderers[profile.matchYear] = ReportRenderer(templates: templates, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
                        }
                        let list = try workspace.programList(for: profile, source: entry.source, folder: listFolder.isEmpty ? "." : listFolder,
                                                             rules: { try Stage.load.run { try listRules.get() } })
                        jobs.append((slug, profile, renderers[profile.matchYear]!, entry.source, list))
                    } catch let error as MatchPlanError {
                        // Whatever failed (loading, the id, the cycle), the last good report is kept.
                        keepCandidates.append((failures.count, entry.fallbackSlug))
                        failures.append(error)
                    }
                }
                let today = today, formats = formats
                let beforeRender = beforeRender
                let results = try Parallel.map(jobs) { job -> Summary in
                    try beforeRender?(job.slug)
                    var plan = Stage.plan.run { Planner(rules: job.renderer.rules, cycle: job.renderer.cycle).plan(for: job.profile, today: today) }
                    if let list = job.list { Stage.plan.run { ProgramListAudit.apply(list.list, to: &plan, profile: job.profile, rules: list.rules) } }
                    // render returns one file per format, in `formats` order.
                    let files = try Stage.render.run { try job.renderer.render(plan, formats: formats) }
                    for (format, file) in zip(formats, files) {
                        try Stage.publish.run { try publisher.write(file.contents, to: Self.fileName(slug: job.slug, format: format)) }
                    }
                    return Summary(slug: job.slug, name: job.profile.name ?? job.profile.id ?? job.slug, band: plan.band,
                                   scenario: plan.scenario, redFlags: plan.redFlags.count, source: job.source)
                }
                written += results
                done += batch.count
                progress(done, total)
            }
            // Reading a roster is serial; the next batch is read on another thread while this
            // one renders, so neither core waits for the CSV reader.
            let batchSize = batchSize
            @Sendable func readBatch() -> [RosterEntry] {
                var entries: [RosterEntry] = []
                while entries.count < batchSize, let entry = reader.next() { entries.append(entry) }
                return entries
            }
            batch = readBatch()
            while !batch.isEmpty {
                let ahead = ReadAhead(readBatch)
                try flush()
                batch = ahead.wait()
            }
            if done == 0 {
                throw Self.emptyRosterError(rosterPath)
            }
            // A student whose row fails now keeps the report from the last good run.
            // Reports written before the flat layout (`<slug>/report.<format>`) are kept too, moved
            // to the flat names.
            let writtenSlugs = Set(written.map(\.slug))
            for candidate in keepCandidates {
                guard let slug = candidate.slug, !writtenSlugs.contains(slug), !Self.reservedSlugs.contains(slug) else { continue }
                var kept: [String] = []
                for format in ReportFormat.allCases {
                    let name = Self.fileName(slug: slug, format: format)
                    if try publisher.keepPrevious(name, from: [name, "\(slug)/\(format.fileName)"]) { kept.append(name) }
                }
                guard !kept.isEmpty else { continue }
                failures[candidate.index].message += "; their report from the previous run is kept in \(kept.joined(separator: " and "))"
            }
            written.sort { $0.slug < $1.slug }
            try publisher.write(try RosterIndex.render(written, failures: failures, templates: templates, today: today,
                                                           linkFormat: Self.linkFormat(formats)), to: "index.html")
            try publisher.commit()
        } catch {
            publisher.discard()
            throw error
        }
        return Outcome(written: written, failures: failures)
    }
}


/// A value computed on another thread, waited for later.
private final class ReadAhead<Value>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = make()
            self.done.signal()
        }
    }

    /// Blocks until the value is ready.
    func wait() -> Value {
        done.wait()
        return value!
    }
}
