import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// Loads `Content/rules.yaml` into ``Rules``; see that file's comments for the format.
public enum RulesLoader {
    /// - Throws: ``MatchPlanError`` `.noInput` when missing, `.data` for malformed entries
    ///   (with line, column and key path), for bands or list rows out of order, and for
    ///   unknown conditions or date notations; `.data` when the file is not a regular file
    ///   inside `folder` (when given: the content folder).
    /// - Parameter io: how the file is read (``FileIO/disk``, or in memory for tests).
    public static func load(_ path: String, inside folder: String? = nil, io: FileIO = .disk) throws -> Rules {
        try parse(io.readText(path, inside: folder))
    }

    public static func parse(_ source: SourceText) throws -> Rules {
        guard let node = try YAMLTree.compose(source) else {
            throw MatchPlanError(.data, file: source.path, "is empty; expected the rules (bands, list_sizes, timing, timeline, checklist)")
        }
        let root = try FieldReader(node, file: source.path)
        try root.rejectUnknownKeys(["rule_ids", "score_scale", "bands", "near_boundary_points", "recovery_score",
                                    "both_pathways_strongly_below", "step1_struggle_below", "list_sizes",
                                    "timing", "timeline", "checklist", "step1_passing_standards", "retake_weeks",
                                    "booking_lead_days", "signal_split_ir_percent", "cycle_projection",
                                    "dr_only_floor", "stage_early_start", "book_reminder_days",
                                    "school_year_start", "cautious_scenarios"])
        let scale = try root.intList("score_scale", in: 0...1000) ?? []
        guard scale.count == 2, scale[0] < scale[1] else {
            throw MatchPlanError(.data, file: source.path, keyPath: "score_scale", "expected [lowest, highest] score, e.g. [1, 300]")
        }
        let points = scale[0]...scale[1]
        let bands = try root.list("bands") { node, path -> Rules.BandRule in
            let row = try FieldReader(node, file: source.path, path: path)
            try row.rejectUnknownKeys(["rule", "band", "min"])
            return Rules.BandRule(rule: try text(row, "rule"),
                                  band: try row.choice("band", Band.self) ?? { throw missing(row, "band") }(),
                                  minimum: try row.int("min", in: points, what: "a score") ?? { throw missing(row, "min") }())
        } ?? []
        try requireDescending(bands.map(\.minimum), file: source.path, key: "bands")
        let lists = try root.list("list_sizes") { node, path -> Rules.ListSizeRule in
            let row = try FieldReader(node, file: source.path, path: path)
            try row.rejectUnknownKeys(["rule", "min", "integrated_ir", "diagnostic_radiology", "interpolated"])
            return Rules.ListSizeRule(rule: try text(row, "rule"),
                                      minimum: try row.int("min", in: points, what: "a score") ?? { throw missing(row, "min") }(),
                                      integratedIR: try countRange(row, "integrated_ir"),
                                      diagnosticRadiology: try countRange(row, "diagnostic_radiology"),
                                      interpolated: try row.bool("interpolated") ?? false)
        } ?? []
        try requireDescending(lists.map(\.minimum), file: source.path, key: "list_sizes")
        guard let timingReader = try root.mapping("timing") else { throw missing(root, "timing") }
        let timeline = try root.list("timeline") { node, path -> Rules.TimelineRule in
            let row = try FieldReader(node, file: source.path, path: path)
            try row.rejectUnknownKeys(["id", "rule", "title", "start", "end"])
            return Rules.TimelineRule(id: try text(row, "id"), rule: try text(row, "rule"), title: try text(row, "title"),
                                      start: try dateSpec(row, "start") ?? { throw missing(row, "start") }(),
                                      end: try dateSpec(row, "end"))
        } ?? []
        let checklist = try root.list("checklist") { node, path -> Rules.ChecklistRule in try checklistItem(FieldReader(node, file: source.path, path: path), points: points) } ?? []
        let ruleIDs = Set(try root.stringList("rule_ids") ?? [])
        let cited = bands.map(\.rule) + lists.map(\.rule) + timeline.map(\.rule) + checklist.map(\.rule)
        if let unknown = cited.first(where: { !ruleIDs.contains($0) }) {
            throw MatchPlanError(.data, file: source.path, keyPath: "rule_ids",
                                 "the rule id '\(unknown)' is used but not listed under rule_ids; add it or fix the citation")
        }
        var rules = Rules(
            ruleIDs: ruleIDs,
            scoreScale: points,
            bands: bands,
            nearBoundaryPoints: try root.int("near_boundary_points", in: 0...50, what: "points") ?? 0,
            recoveryScore: try required(root, "recovery_score", points),
            bothPathwaysStronglyBelow: try required(root, "both_pathways_strongly_below", points),
            step1StruggleBelow: try required(root, "step1_struggle_below", points),
            listSizes: lists,
            timing: try timing(timingReader),
            timeline: timeline,
            checklist: checklist,
            step1PassingStandards: try step1Standards(root, points),
            retakeWeeks: try root.int("retake_weeks", in: 1...52, what: "a number of weeks") ?? { throw missing(root, "retake_weeks") }(),
            bookingLeadDays: try root.int("booking_lead_days", in: 0...90, what: "a number of days") ?? { throw missing(root, "booking_lead_days") }(),
            signalSplitIRPercent: try signalSplit(root),
            cycleProjection: try RulesProjectionLoader.projection(root)
        )
        rules.drOnlyFloor = try drOnlyFloor(root)
        rules.stageEarlyStart = try monthDay(root, "stage_early_start")
        rules.bookReminderDays = try root.int("book_reminder_days", in: 0...365, what: "a number of days")
        rules.schoolYearStart = try monthDay(root, "school_year_start") ?? { throw missing(root, "school_year_start") }()  // D9
        rules.cautiousScenarios = try root.choiceList("cautious_scenarios", Band.self) ?? { throw missing(root, "cautious_scenarios") }()  // D21
        return rules
    }

    /// D12: `dr_only_floor: { scenarios: [borderline, low], below_score: 256, diagnostic_radiology: [70, 90], source: "..." }`.
    private static func drOnlyFloor(_ root: FieldReader) throws -> Rules.DROnlyFloor? {
        guard let row = try root.mapping("dr_only_floor") else { return nil }
        try row.rejectUnknownKeys(["scenarios", "below_score", "diagnostic_radiology", "source"])
        let names = try row.stringList("scenarios") ?? []
        let scenarios = try names.map { name -> Band in
            guard let band = Band(rawValue: name) else {
                throw MatchPlanError(.data, file: row.file, location: row.location(of: row.value("scenarios")?.mark ?? row.mark),
                                     keyPath: row.join("scenarios"), "expected a scenario (\(Band.allCases.map(\.rawValue).joined(separator: ", "))), found '\(name)'")
            }
            return band
        }
        return .init(scenarios: scenarios, diagnosticRadiology: try countRange(row, "diagnostic_radiology"), source: try text(row, "source"),
                     belowScore: try row.int("below_score", in: 1...300, what: "a score"))
    }

    /// D11: `step1_passing_standards: [{ from, score, confidence, source }]`, oldest first.
    private static func step1Standards(_ root: FieldReader, _ points: ClosedRange<Int>) throws -> [Step1Standard] {
        let rows = try root.list("step1_passing_standards") { node, path -> Step1Standard in
            let row = try FieldReader(node, file: root.file, path: path)
            try row.rejectUnknownKeys(["from", "score", "confidence", "source"])
            return Step1Standard(from: try row.date("from") ?? { throw missing(row, "from") }(),
                                 score: try row.int("score", in: points, what: "a score") ?? { throw missing(row, "score") }(),
                                 confidence: try CycleLoader.confidence(row), source: try text(row, "source"))
        } ?? []
        guard !rows.isEmpty, zip(rows, rows.dropFirst()).allSatisfy({ $0.from < $1.from }) else {
            throw MatchPlanError(.data, file: root.file, keyPath: "step1_passing_standards",
                                 "expected at least one standard, listed from the oldest 'from' date to the newest")
        }
        return rows
    }

    /// SG2: `signal_split_ir_percent: { high: 70, ... }`, one entry per band.
    private static func signalSplit(_ root: FieldReader) throws -> [Band: Int] {
        guard let reader = try root.mapping("signal_split_ir_percent") else { throw missing(root, "signal_split_ir_percent") }
        try reader.rejectUnknownKeys(Band.allCases.map(\.rawValue))
        var split: [Band: Int] = [:]
        for band in Band.allCases {
            split[band] = try reader.int(band.rawValue, in: 0...100, what: "a percent") ?? { throw missing(reader, band.rawValue) }()
        }
        return split
    }

    private static func checklistItem(_ row: FieldReader, points: ClosedRange<Int>) throws -> Rules.ChecklistRule {
        try row.rejectUnknownKeys(["id", "rule", "text", "status_from", "target", "due", "when", "unless", "advisory", "after_match", "window", "past_text", "past_at_review"])
        let sourceNode = try row.require("status_from")
        let named: [String: Rules.StatusSource] = ["step1": .step1, "step2ck": .step2ck, "pathway_both": .pathwayBoth,
                                                    "pathway_esir": .pathwayESIR, "manual": .manual]
        let fieldNames = ProfileField.allCases.map(\.rawValue)
        let source: Rules.StatusSource
        if case .scalar(let scalar) = sourceNode, let special = named[scalar.string] {
            source = special
        } else {
            let names: [String]
            if case .sequence = sourceNode { names = try row.stringList("status_from") ?? [] } else { names = [try row.string("status_from") ?? ""] }
            source = .fields(try names.map { name in
                guard let field = ProfileField(rawValue: name) else {
                    throw row.fail("status_from", sourceNode,
                                   "expected a profile field (\(fieldNames.joined(separator: ", "))) or one of \(named.keys.sorted().joined(separator: ", ")), found '\(name)'")
                }
                return field
            })
        }
        var item = Rules.ChecklistRule(id: try text(row, "id"), rule: try text(row, "rule"), text: try text(row, "text"),
                                   statusSource: source, target: try row.int("target", in: 1...99, what: "a count") ?? 1,
                                   due: try dateSpec(row, "due"), when: try conditions(row, "when"),
                                   unless: try conditions(row, "unless"), advisory: try row.bool("advisory") ?? false,
                                   afterMatch: try row.bool("after_match") ?? false)
        item.window = try row.bool("window") ?? false
        item.pastText = try row.string("past_text")
        item.pastAtReview = try row.bool("past_at_review") ?? false
        return item
    }

    private static func timing(_ reader: FieldReader) throws -> Rules.TimingRules {
        try reader.rejectUnknownKeys(["T1", "T2", "T3", "late_after"])
        var latest: [TimingScenario: MonthDay] = [:]
        var earliest: MonthDay?
        for scenario in TimingScenario.allCases {
            guard let row = try reader.mapping(scenario.rawValue) else { throw missing(reader, scenario.rawValue) }
            try row.rejectUnknownKeys(["earliest", "latest"])
            latest[scenario] = try monthDay(row, "latest") ?? { throw missing(row, "latest") }()
            if scenario == .t1 { earliest = try monthDay(row, "earliest") }
        }
        guard let earliest else { throw MatchPlanError(.data, file: reader.file, keyPath: "timing.T1.earliest", "required key is missing") }
        return Rules.TimingRules(t1Earliest: earliest, latest: latest,
                                 lateAfter: try monthDay(reader, "late_after") ?? { throw missing(reader, "late_after") }())
    }

    // MARK: Field helpers

    static func conditions(_ row: FieldReader, _ key: String) throws -> [Condition] {
        try row.list(key) { node, path in
            guard case .scalar(let scalar) = node, let condition = Condition(scalar.string) else {
                var message = "expected a condition such as scenario:low or timing:T2, found \(FieldReader.describe(node))"
                if case .scalar(let scalar) = node, let near = NearestName.suggest(scalar.string, among: Condition.vocabulary) {
                    message += "; did you mean '\(near)'?"
                }
                throw FieldReader.error(file: row.file, node: node, path: path, lineOffset: row.lineOffset, message)
            }
            return condition
        } ?? []
    }

    private static func dateSpec(_ row: FieldReader, _ key: String) throws -> DateSpec? {
        guard let text = try row.string(key) else { return nil }
        guard let spec = DateSpec(text) else {
            throw row.fail(key, row.value(key)!, "expected season:MM-DD, season-1:MM-DD, season-2:MM-DD, match:MM-DD, event:ID, timing:latest, timing:step1_retake or timing:step1_remediation, found '\(text)'")
        }
        return spec
    }

    private static func monthDay(_ row: FieldReader, _ key: String) throws -> MonthDay? {
        guard let text = try row.string(key) else { return nil }
        guard let value = MonthDay(text) else { throw row.fail(key, row.value(key)!, "expected a month and day as MM-DD, found '\(text)'") }
        return value
    }

    private static func countRange(_ row: FieldReader, _ key: String) throws -> Rules.CountRange {
        let values = try row.intList(key, in: 0...999, what: "a count of programs") ?? []
        guard values.count == 2, values[0] <= values[1] else {
            throw MatchPlanError(.data, file: row.file, location: row.location(of: row.value(key)?.mark ?? row.mark),
                                 keyPath: row.join(key), "expected [fewest, most] programs, e.g. [20, 30]")
        }
        return .init(min: values[0], max: values[1])
    }

    static func text(_ row: FieldReader, _ key: String) throws -> String {
        guard let value = try row.string(key), !value.isEmpty else { throw missing(row, key) }
        return value
    }

    private static func required(_ row: FieldReader, _ key: String, _ points: ClosedRange<Int>) throws -> Int {
        try row.int(key, in: points, what: "a score") ?? { throw missing(row, key) }()
    }

    static func missing(_ row: FieldReader, _ key: String) -> MatchPlanError {
        MatchPlanError(.data, file: row.file, location: row.location(of: row.mark), keyPath: row.join(key), "required key is missing")
    }

    private static func requireDescending(_ minimums: [Int], file: String, key: String) throws {
        guard !minimums.isEmpty else { throw MatchPlanError(.data, file: file, keyPath: key, "expected at least one row") }
        guard zip(minimums, minimums.dropFirst()).allSatisfy({ $0 > $1 }) else {
            throw MatchPlanError(.data, file: file, keyPath: key, "rows must be listed from the highest 'min' to the lowest, each lower than the last")
        }
    }
}
