import Foundation
import MatchPlanModel
import MatchPlanPlan

/// The site's tables, built from the rules and the cycle (no student: no status, no personal dates).
extension SiteRenderer {
    // MARK: Tables from the rules

    /// B1–B4 score range as words, e.g. "245 to 254".
    func bandRange(_ band: Band) -> String {
        guard let index = rules.bands.firstIndex(where: { $0.band == band }) else { return "" }
        let row = rules.bands[index]
        if index == 0 { return "\(row.minimum) and above" }
        if index == rules.bands.count - 1 { return "\(rules.bands[index - 1].minimum - 1) and below" }
        return "\(row.minimum) to \(rules.bands[index - 1].minimum - 1)"
    }

    func bandRows() -> [BandRowView] {
        rules.bands.map(\.band).compactMap { band in
            guard let row = rules.bands.first(where: { $0.band == band }) else { return nil }
            let lists = listRows(for: band)
            // A band that spans two list rows (B3: L3 below 240, L2 from 240) names the scores of each.
            func cell(_ value: (ListRowView) -> String) -> String {
                lists.count == 1 ? value(lists[0]) : lists.reversed().map { "\(value($0)) (\($0.scores))" }.joined(separator: "; ")
            }
            return BandRowView(rule: row.rule, name: band.name, label: band.label, scores: bandRange(band),
                               integratedIR: cell(\.integratedIR), diagnosticRadiology: cell(\.diagnosticRadiology),
                               href: "band-\(band.rawValue).html")
        }
    }

    /// L1–L3 rows; for a band, the rows its score range overlaps (D6: the low band uses L3 only).
    func listRows(for band: Band?) -> [ListRowView] {
        let rows = rules.listSizes
        return rows.enumerated().compactMap { index, row in
            let upper = index == 0 ? rules.scoreScale.upperBound : rows[index - 1].minimum - 1
            if let band {
                if band == .low && index != rows.count - 1 { return nil }
                guard let bandIndex = rules.bands.firstIndex(where: { $0.band == band }) else { return nil }
                let bandLow = rules.bands[bandIndex].minimum
                let bandHigh = bandIndex == 0 ? rules.scoreScale.upperBound : rules.bands[bandIndex - 1].minimum - 1
                guard row.minimum <= bandHigh && upper >= bandLow else { return nil }
            }
            let scores = index == 0 ? "\(row.minimum) and above" : index == rows.count - 1 ? "under \(rows[index - 1].minimum)" : "\(row.minimum) to \(upper)"
            return ListRowView(rule: row.rule, scores: scores, integratedIR: "\(row.integratedIR.min) to \(row.integratedIR.max)",
                               diagnosticRadiology: "\(row.diagnosticRadiology.min) to \(row.diagnosticRadiology.max)",
                               isCurrent: false, interpolated: row.interpolated)
        }
    }

    func timingRows() -> [TimingRowView] {
        return TimingScenario.allCases.map { scenario in
            let date = rules.timing.latest[scenario]!.inYear(cycle.seasonYear)
            return TimingRowView(rule: scenario.rawValue, when: copy.timingScenarios[scenario] ?? "", latest: date.longForm, latestISO: date.description)
        }
    }

    /// The generic timeline (no student: no status, no personal Step 2 CK date).
    func timeline() -> [TimelineView] {
        return GenericCalendar(rules: rules, cycle: cycle).timeline().map { event in
            TimelineView(id: event.id, title: event.title, rule: event.rule, dateISO: event.date.description, date: event.date.longForm,
                         hasEnd: event.end != nil, endISO: event.end?.description ?? "", end: event.end?.longForm ?? "",
                         status: "", statusLabel: "", isCurrent: false,
                         verify: event.verify, confidence: event.confidence.rawValue)
        }
    }

    func checklist() -> [SiteChecklistView] {
        let resolver = GenericCalendar(rules: rules, cycle: cycle)
        // In date order (an item due by scenario at its earliest date); undated items last, in the rules' order.
        let rows = rules.checklist.enumerated().map { index, item -> (CalendarDate?, Int, SiteChecklistView) in
            var due = "", sortDate: CalendarDate?
            if let spec = item.due {
                if case .timingLatest = spec {
                    let dates = TimingScenario.allCases.map { ($0, rules.timing.latest[$0]!.inYear(cycle.seasonYear)) }
                    due = dates.map { "\($0.0.rawValue): \($0.1.monthAndDay)" }.joined(separator: ", ")
                    sortDate = dates.map(\.1).min()
                } else if let date = resolver.resolve(spec) {
                    due = date.longForm
                    sortDate = date
                }
            }
            let applies = item.when.map { Self.describe($0) }.joined(separator: "; ")
            return (sortDate, index, SiteChecklistView(id: item.id, text: item.text, rule: item.rule, due: due, hasDue: !due.isEmpty,
                                                       appliesTo: applies, hasAppliesTo: !applies.isEmpty))
        }
        return rows.sorted { a, b in
            switch (a.0, b.0) {
            case let (x?, y?): return x != y ? x < y : a.1 < b.1
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.1 < b.1
            }
        }.map(\.2)
    }

    /// A condition in words, for the generic checklist.
    static func describe(_ condition: Condition) -> String {
        let parts = condition.text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return condition.text == "comlex_only" ? "COMLEX-only applicants" : condition.text }
        switch parts[0] {
        case "scenario", "band": return "\(Band(rawValue: parts[1])?.name ?? parts[1]) band"
        case "timing": return "timing scenario \(parts[1])"
        case "step1": return ["fail": "after a Step 1 fail", "not_passed": "while Step 1 is not yet passed"][parts[1]] ?? "with a numeric Step 1"
        case "step2ck": return "after a Step 2 CK fail"
        case "clerkship": return "after a clerkship graded fail"
        case "list": return "list row \(parts[1])"
        case "score": return "score \(parts[1])"
        case "pathway": return "pathway \(parts[1])"
        case "ir_only": return "applying to integrated IR only"
        case "match": return parts[1] == "unmatched" ? "after going unmatched" : "match \(parts[1])"
        default: return condition.text
        }
    }

    func cycleNotes() -> [String] {
        cycle.events.filter { $0.confidence.needsVerification }.map {
            "\($0.title): \($0.date.longForm) is \($0.confidence.rawValue) (\($0.source)); verify."
        }
    }

    /// The rules the band-lookup widget computes with, as JSON (also written to `assets/rules.json`).
    /// JSONEncoder escapes `/`, so the text can sit inside a `<script>` element safely.
    func widgetJSON() throws -> String {
        struct BandJSON: Encodable { var rule: String; var band: String; var name: String; var label: String; var min: Int; var href: String }
        struct ListJSON: Encodable {
            var rule: String; var min: Int; var integrated_ir: [Int]; var diagnostic_radiology: [Int]; var interpolated: Bool
        }
        struct RulesJSON: Encodable {
            var score_scale: [Int]; var near_boundary_points: Int; var passing_score: Int; var bands: [BandJSON]; var lists: [ListJSON]
        }
        let value = RulesJSON(
            score_scale: [rules.scoreScale.lowerBound, rules.scoreScale.upperBound],
            near_boundary_points: rules.nearBoundaryPoints,
            passing_score: cycle.passingScore.value,
            bands: rules.bands.map { BandJSON(rule: $0.rule, band: $0.band.rawValue, name: $0.band.name, label: $0.band.label,
                                              min: $0.minimum, href: "band-\($0.band.rawValue).html") },
            lists: rules.listSizes.map { ListJSON(rule: $0.rule, min: $0.minimum, integrated_ir: [$0.integratedIR.min, $0.integratedIR.max],
                                                  diagnostic_radiology: [$0.diagnosticRadiology.min, $0.diagnosticRadiology.max],
                                                  interpolated: $0.interpolated) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
    }
}
