import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// Loads `Content/cycles/<match year>.yaml` into a ``Cycle``; see `Content/cycles/2027.yaml` for the format.
public enum CycleLoader {
    /// The path of the cycle file for `matchYear` inside `contentDirectory`.
    public static func path(for matchYear: Int, in contentDirectory: String) -> String {
        (contentDirectory as NSString).appendingPathComponent("cycles/\(matchYear).yaml")
    }

    /// Loads the cycle for `matchYear`.
    /// - Parameter projection: D14: with it, a year without a file is projected from the rules, and
    ///   the events a file leaves out are filled in (a file's date always wins); without it a
    ///   missing file is an error.
    /// - Throws: ``MatchPlanError`` `.data` naming the available years when there is no file for
    ///   `matchYear` and no projection (the profile's match year is then the problem), or for a malformed file.
    ///   - keyPath: the key that named the year in `profilePath` (`match_year` in a profile, `cycle_year` in site.yaml).
    ///   - io: how the file is read (``FileIO/disk``, or in memory for tests).
    public static func load(matchYear: Int, contentDirectory: String, profilePath: String? = nil, keyPath: String = "match_year",
                            projection: CycleProjectionRules? = nil, io: FileIO = .disk) throws -> Cycle {
        let path = path(for: matchYear, in: contentDirectory)
        // lstat, not stat: a dangling or looping link is an error when read, not a missing year.
        guard io.hasEntry(path) else {
            if let projection { return CycleProjection.project(matchYear: matchYear, rules: projection) }
            let folder = (contentDirectory as NSString).appendingPathComponent("cycles")
            let years = io.names(folder)
                .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            throw MatchPlanError(.data, file: profilePath, keyPath: keyPath,
                                 "no cycle data for Match \(matchYear) (expected \(path)); available match years: \(years.isEmpty ? "none" : years.joined(separator: ", "))")
        }
        // A regular file inside cycles/: a link to /etc/shadow is refused, never echoed in an error.
        let cycle = try parse(io.readText(path, inside: (path as NSString).deletingLastPathComponent))
        guard cycle.matchYear == matchYear else {
            throw MatchPlanError(.data, file: path, keyPath: "match_year", "expected \(matchYear) to match the file name, found \(cycle.matchYear)")
        }
        return projection.map { CycleProjection.fill(cycle, rules: $0) } ?? cycle
    }

    /// - Throws: ``MatchPlanError`` `.data` for malformed or missing fields and missing required events.
    public static func parse(_ source: SourceText) throws -> Cycle {
        guard let node = try YAMLTree.compose(source) else {
            throw MatchPlanError(.data, file: source.path, "is empty; expected match_year, events, step2ck and signals")
        }
        let root = try FieldReader(node, file: source.path)
        try root.rejectUnknownKeys(["match_year", "events", "step2ck", "signals"])
        let matchYear = try root.int("match_year", in: 2015...2060, what: "a year") ?? { throw RulesLoader.missing(root, "match_year") }()
        let events = try root.list("events") { node, path -> Cycle.Event in
            let row = try FieldReader(node, file: source.path, path: path)
            try row.rejectUnknownKeys(["id", "title", "date", "confidence", "source"])
            return Cycle.Event(id: try RulesLoader.text(row, "id"), title: try RulesLoader.text(row, "title"),
                               date: try row.date("date") ?? { throw RulesLoader.missing(row, "date") }(),
                               confidence: try confidence(row), source: try RulesLoader.text(row, "source"))
        } ?? []
        for id in Cycle.requiredEvents where !events.contains(where: { $0.id == id }) {
            throw MatchPlanError(.data, file: source.path, keyPath: "events", "missing the event '\(id)'; every cycle needs \(Cycle.requiredEvents.joined(separator: ", "))")
        }
        guard let step2 = try root.mapping("step2ck") else { throw RulesLoader.missing(root, "step2ck") }
        try step2.rejectUnknownKeys(["passing_score", "reporting_weeks"])
        guard let signalsReader = try root.mapping("signals") else { throw RulesLoader.missing(root, "signals") }
        var earlier: (from: CalendarDate?, score: Int?) = (nil, nil)
        if let passing = try step2.mapping("passing_score") {
            earlier = (try passing.date("from"), try passing.int("earlier", in: 1...300, what: "a score"))
            if (earlier.from == nil) != (earlier.score == nil) {
                throw MatchPlanError(.data, file: source.path, location: passing.location(of: passing.mark), keyPath: "step2ck.passing_score",
                                     "'from' and 'earlier' go together: the date the score took effect and the score before it")
            }
        }
        return Cycle(
            matchYear: matchYear,
            events: events,
            passingScore: try sourcedInt(step2, "passing_score", 1...300, what: "a score", extraKeys: ["from", "earlier"]),
            passingScoreFrom: earlier.from,
            earlierPassingScore: earlier.score,
            reportingWeeks: try sourcedInt(step2, "reporting_weeks", 1...26, what: "a number of weeks"),
            signals: try signals(signalsReader)
        )
    }

    /// SG1: `signals: { gold, silver, confidence, source, evidence, shared_pool: { value, confidence, source } }`.
    static func signals(_ reader: FieldReader) throws -> Cycle.Signals {
        try reader.rejectUnknownKeys(["gold", "silver", "confidence", "source", "evidence", "shared_pool"])
        var pool: Cycle.Sourced<Bool>?
        if let row = try reader.mapping("shared_pool") {
            try row.rejectUnknownKeys(["value", "confidence", "source"])
            pool = .init(value: try row.bool("value") ?? { throw RulesLoader.missing(row, "value") }(),
                         confidence: try confidence(row), source: try RulesLoader.text(row, "source"))
        }
        return .init(gold: try reader.int("gold", in: 0...99, what: "a count") ?? 0,
                     silver: try reader.int("silver", in: 0...99, what: "a count") ?? 0,
                     confidence: try confidence(reader),
                     source: try RulesLoader.text(reader, "source"),
                     evidence: try reader.string("evidence") ?? "",
                     sharedPool: pool)
    }

    static func sourcedInt(_ reader: FieldReader, _ key: String, _ range: ClosedRange<Int>, what: String,
                                   extraKeys: [String] = []) throws -> Cycle.Sourced<Int> {
        guard let row = try reader.mapping(key) else { throw RulesLoader.missing(reader, key) }
        try row.rejectUnknownKeys(["value", "confidence", "source"] + extraKeys)
        return .init(value: try row.int("value", in: range, what: what) ?? { throw RulesLoader.missing(row, "value") }(),
                     confidence: try confidence(row), source: try RulesLoader.text(row, "source"))
    }

    static func confidence(_ row: FieldReader) throws -> Cycle.Confidence {
        try row.choice("confidence", Cycle.Confidence.self) ?? { throw RulesLoader.missing(row, "confidence") }()
    }
}
