import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// Loads `Content/program-list.yaml` into ``ProgramListRules`` (PL1–PL8): the ERAS fee
/// schedules, the oversubscribed metro areas, the Census regions and the audit's thresholds.
public enum ProgramListRulesLoader {
    /// The file's name inside the content folder.
    public static let fileName = "program-list.yaml"

    /// Reads the file from `contentDirectory` (a regular file inside it).
    /// - Throws: ``MatchPlanError`` `.noInput` when missing; `.data` for a malformed field, with
    ///   file, line, column and key path.
    public static func load(contentDirectory: String, io: FileIO = .disk) throws -> ProgramListRules {
        let path = (contentDirectory as NSString).appendingPathComponent(fileName)
        return try parse(io.readText(path, inside: contentDirectory))
    }

    /// - Throws: ``MatchPlanError`` `.data`.
    public static func parse(_ source: SourceText) throws -> ProgramListRules {
        guard let node = try YAMLTree.compose(source) else {
            throw MatchPlanError(.data, file: source.path, "is empty; expected eras_fees, oversubscribed_metros, regions and the thresholds")
        }
        let root = try FieldReader(node, file: source.path)
        try root.rejectUnknownKeys(["eras_fees", "count_red_flag_below_percent", "oversubscribed_metros", "regions", "other_states",
                                    "oversubscribed_share_max_percent", "community_share_min_percent", "esir_share_min_percent",
                                    "trim_savings_min_usd", "pgy1_min_programs", "gold_metro_share_max_percent"])
        let schedules = try root.list("eras_fees") { node, path in try feeSchedule(FieldReader(node, file: source.path, path: path)) } ?? []
        guard !schedules.isEmpty else { throw RulesLoader.missing(root, "eras_fees") }
        guard let metrosReader = try root.mapping("oversubscribed_metros") else { throw RulesLoader.missing(root, "oversubscribed_metros") }
        try metrosReader.rejectUnknownKeys(["confidence", "source", "metros"])
        let metros = try metrosReader.list("metros") { node, path -> ProgramListRules.Metro in
            let row = try FieldReader(node, file: source.path, path: path)
            try row.rejectUnknownKeys(["name", "places"])
            return .init(name: try RulesLoader.text(row, "name"), places: try row.stringList("places") ?? [])
        } ?? []
        guard let regionsReader = try root.mapping("regions") else { throw RulesLoader.missing(root, "regions") }
        let regions = try regionsReader.keys.map { name in
            ProgramListRules.Region(name: name, states: try stateCodes(regionsReader, name))
        }
        var esir = try percents(root, "esir_share_min_percent", extraKeys: ["dr_only"])
        guard let drOnly = esir.extra["dr_only"] else { throw RulesLoader.missing(root, "esir_share_min_percent.dr_only") }
        esir.extra = [:]
        return ProgramListRules(
            feeSchedules: schedules.sorted { $0.matchYear < $1.matchYear },
            countRedFlagBelowPercent: try root.int("count_red_flag_below_percent", in: 0...100, what: "a percent")
                ?? { throw RulesLoader.missing(root, "count_red_flag_below_percent") }(),
            metros: metros,
            metrosSource: try RulesLoader.text(metrosReader, "source"),
            metrosConfidence: try CycleLoader.confidence(metrosReader),
            regions: regions,
            otherStates: try stateCodes(root, "other_states"),
            oversubscribedShareMaxPercent: try percents(root, "oversubscribed_share_max_percent").bands,
            communityShareMinPercent: try percents(root, "community_share_min_percent").bands,
            esirShareMinPercent: esir.bands,
            esirShareMinPercentDROnly: drOnly,
            trimSavingsMinUSD: try root.int("trim_savings_min_usd", in: 0...10_000, what: "whole US dollars")
                ?? { throw RulesLoader.missing(root, "trim_savings_min_usd") }(),
            pgy1MinPrograms: try root.int("pgy1_min_programs", in: 1...100, what: "a number of programs")
                ?? { throw RulesLoader.missing(root, "pgy1_min_programs") }(),
            goldMetroShareMaxPercent: try root.int("gold_metro_share_max_percent", in: 0...100, what: "a percent")
                ?? { throw RulesLoader.missing(root, "gold_metro_share_max_percent") }())
    }

    /// PL2: `{ match_year, tiers: [{ from, to, usd }], confidence, source }`; tiers must follow on from each other.
    static func feeSchedule(_ row: FieldReader) throws -> ProgramListRules.FeeSchedule {
        try row.rejectUnknownKeys(["match_year", "tiers", "confidence", "source"])
        let tiers = try row.list("tiers") { node, path -> ProgramListRules.FeeSchedule.Tier in
            let tier = try FieldReader(node, file: row.file, path: path)
            try tier.rejectUnknownKeys(["from", "to", "usd"])
            return .init(from: try tier.int("from", in: 1...10_000, what: "a program number") ?? { throw RulesLoader.missing(tier, "from") }(),
                         to: try tier.int("to", in: 1...10_000, what: "a program number"),
                         usd: try tier.int("usd", in: 0...10_000, what: "whole US dollars") ?? { throw RulesLoader.missing(tier, "usd") }())
        } ?? []
        var next = 1
        for (index, tier) in tiers.enumerated() {
            guard tier.from == next, (tier.to ?? Int.max) >= tier.from, tier.to != nil || index == tiers.count - 1 else {
                throw MatchPlanError(.data, file: row.file, location: row.location(of: row.mark), keyPath: row.join("tiers[\(index)]"),
                                     "expected tiers that follow on from program 1 without gaps (from \(next)), only the last without 'to'")
            }
            next = (tier.to ?? 0) + 1
        }
        guard !tiers.isEmpty else { throw RulesLoader.missing(row, "tiers") }
        return .init(matchYear: try row.int("match_year", in: 2015...2060, what: "a year") ?? { throw RulesLoader.missing(row, "match_year") }(),
                     tiers: tiers, confidence: try CycleLoader.confidence(row), source: try RulesLoader.text(row, "source"))
    }

    /// A list of two-letter upper-case codes.
    static func stateCodes(_ reader: FieldReader, _ key: String) throws -> [String] {
        let codes = try reader.stringList(key) ?? []
        if let bad = codes.first(where: { $0.count != 2 || $0.uppercased() != $0 }) {
            throw reader.fail(key, reader.value(key)!, "expected two-letter upper-case state codes, found '\(FieldReader.printable(bad))'")
        }
        return codes
    }

    /// `{ high: 50, … }`: percents by scenario (bands may be left out), plus named extras.
    static func percents(_ root: FieldReader, _ key: String, extraKeys: [String] = []) throws -> (bands: [Band: Int], extra: [String: Int]) {
        guard let reader = try root.mapping(key) else { throw RulesLoader.missing(root, key) }
        try reader.rejectUnknownKeys(Band.allCases.map(\.rawValue) + extraKeys)
        var bands: [Band: Int] = [:], extra: [String: Int] = [:]
        for band in Band.allCases { bands[band] = try reader.int(band.rawValue, in: 0...100, what: "a percent") }
        for name in extraKeys { extra[name] = try reader.int(name, in: 0...100, what: "a percent") }
        return (bands, extra)
    }
}
