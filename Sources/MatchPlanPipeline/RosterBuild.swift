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
    /// the first per-student format written (`--format json` links the plans), so no link is
    /// dead; nil when only class summaries are written (`--format csv`).
    static func linkFormat(_ formats: [ReportFormat]) -> ReportFormat? {
        [ReportFormat.html, .md].first(where: formats.contains) ?? formats.first { !$0.isRosterSummary }
    }

    public struct Outcome: Sendable {
        /// Students whose reports were written, in overview order (by family name).
        public var written: [Summary]
        /// Students whose row or file failed, in roster order (``RosterSummary/failure``).
        public var failed: [Summary]
        /// The failures of ``failed``, in roster order.
        public var failures: [MatchPlanError] { failed.compactMap(\.failure) }
        /// How many written students have overdue checklist items.
        public var withOverdueItems: Int { written.filter { ($0.plan?.overdue ?? 0) > 0 }.count }
    }

    /// - Parameters:
    ///   - progress: called after each batch with (students done, estimated total or nil).
    /// - Throws: ``MatchPlanError`` for problems with the roster as a whole, or when writing or
    ///   rendering fails; the previous output is then left as it was.
    public func run(rosterPath: String, outputFolder: String, progress: (Int, Int?) -> Void = { _, _ in }) throws -> Outcome {
        try workspace.checkOutputFolder(outputFolder)
        guard let templates = workspace.templates else { throw MatchPlanError(.internalError, "templates were not loaded") }
        let reader = try Stage.load.run { try RosterReader(path: rosterPath, loader: workspace.profileLoader, io: workspace.io) }
        let total: Int? = reader.estimatedCount
        let publisher = try FolderPublisher(target: outputFolder, kind: .roster)
        var renderers: [Int: ReportRenderer] = [:]
        /// One planner per match year (it projects the next season once).
        var planners: [Int: Planner] = [:]
        var written: [Summary] = []
        var failed: [Summary] = []
        let studentFormats = formats.filter { !$0.isRosterSummary }
        var done = 0
        // PL1–PL8: a student's `programs` column or key names a list relative to the roster.
        let listFolder = workspace.io.isFolder(rosterPath) ? rosterPath : (rosterPath as NSString).deletingLastPathComponent
        let listRules = Result { try ProgramListRulesLoader.load(contentDirectory: workspace.paths.content, io: workspace.io) }
        do {
            var batch: [RosterEntry] = []
            func flush() throws {
                // Parse on all cores, then claim report names and load cycles in roster order.
                let loaded = try Parallel.map(batch) { entry in entry.load().mapError { $0.staged(.load) } }
                var jobs: [(slug: String, profile: Profile, renderer: ReportRenderer, planner: Planner, source: String,
                            list: (list: ProgramList, rules: ProgramListRules)?)] = []
                for (entry, result) in zip(batch, loaded) {
                    do {
                        let profile = try result.get()
                        let slug = try Self.reportName(entry, profile, reader: reader)
                        if renderers[profile.matchYear] == nil {
                            let cycle = try workspace.cycle(matchYear: profile.matchYear, profilePath: entry.source)
                            renderers[profile.matchYear] = ReportRenderer(templates: templates, rules: workspace.rules, cycle: cycle, pages: workspace.pages)
                            planners[profile.matchYear] = Planner(rules: workspace.rules, cycle: cycle)
                        }
                        let list = try workspace.programList(for: profile, source: entry.source, folder: listFolder.isEmpty ? "." : listFolder,
                                                             rules: { try Stage.load.run { try listRules.get() } })
                        jobs.append((slug, profile, renderers[profile.matchYear]!, planners[profile.matchYear]!, entry.source, list))
                    } catch let error as MatchPlanError {
                        // Whatever failed (loading, the id, the cycle), the last good report is kept.
                        failed.append(Summary(failedRow: error, slug: entry.fallbackSlug, id: entry.label.id, name: entry.label.name, source: entry.source))
                    }
                }
                let today = today, formats = studentFormats
                let beforeRender = beforeRender
                let results = try Parallel.map(jobs) { job -> Summary in
                    try beforeRender?(job.slug)
                    var plan = Stage.plan.run { job.planner.plan(for: job.profile, today: today) }
                    if let list = job.list { Stage.plan.run { ProgramListAudit.apply(list.list, to: &plan, profile: job.profile, rules: list.rules) } }
                    // render returns one file per format, in `formats` order.
                    let files = try Stage.render.run { try job.renderer.render(plan, formats: formats) }
                    for (format, file) in zip(formats, files) {
                        try Stage.publish.run { try publisher.write(file.contents, to: Self.fileName(slug: job.slug, format: format)) }
                    }
                    let name = job.profile.name ?? job.profile.id ?? job.slug
                    return Summary(slug: job.slug, id: job.profile.id ?? job.slug, name: name,
                                   familyName: Summary.familyName(name: job.profile.name, given: job.profile.familyName) ?? name,
                                   source: job.source, plan: .init(plan))
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
                throw Self.emptyRosterError(rosterPath, io: workspace.io)
            }
            // A student whose row fails now keeps the report from the last good run.
            // Reports written before the flat layout (`<slug>/report.<format>`) are kept too, moved
            // to the flat names.
            let writtenSlugs = Set(written.compactMap(\.slug))
            for index in failed.indices {
                guard let slug = failed[index].slug, !writtenSlugs.contains(slug), !Self.reservedSlugs.contains(slug) else { continue }
                var kept: [String] = []
                for format in ReportFormat.allCases {
                    let name = Self.fileName(slug: slug, format: format)
                    if try publisher.keepPrevious(name, from: [name, "\(slug)/\(format.fileName)"]) { kept.append(name) }
                }
                guard !kept.isEmpty else { continue }
                failed[index].failure?.message += "; their report from the previous run is kept in \(kept.joined(separator: " and "))"
                failed[index].keptReport = kept.first
            }
            // Sorted once, and `written` let go meanwhile (100,000 students' summaries held twice
            // were a third of the peak memory): each row's source is unique, so the order is total
            // and `written` is `everyone` without the failed rows, in the same order.
            let everyone = Summary.sortedByFamilyName(written + failed)
            written = []
            // The overview and the class summaries are separate files, each made in one pass over
            // every student: write them side by side (serial, they were a tenth of a roster's
            // wall time on two cores).
            let linkFormat = Self.linkFormat(formats), summaries = formats.filter(\.isRosterSummary), day = today
            _ = try Parallel.map(Array(0...summaries.count)) { index in
                guard index > 0 else {
                    return try publisher.write(to: "index.html") { append in
                        try RosterIndex.render(everyone, templates: templates, today: day, linkFormat: linkFormat, into: append)
                    }
                }
                let format = summaries[index - 1]
                try Stage.render.run {
                    try publisher.write(to: format.fileName) { append in try format.summarize!(everyone, append) }
                }
            }
            try publisher.commit()
            written = everyone.filter { $0.failure == nil }
        } catch {
            publisher.discard()
            throw error
        }
        return Outcome(written: written, failed: failed)
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
