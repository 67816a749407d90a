import MatchPlanModel

/// Reads `cycle_projection` from `Content/rules.yaml` (D14, docs/rules.md): the date pattern
/// of earlier seasons, and the Step 2 CK and signal figures carried forward to projected years.
enum RulesProjectionLoader {
    /// - Throws: ``MatchPlanError`` `.data` for a malformed date rule, a relative date naming an
    ///   event not listed before it, or a projection that lacks an event every cycle needs.
    static func projection(_ root: FieldReader) throws -> CycleProjectionRules {
        guard let reader = try root.mapping("cycle_projection") else { throw RulesLoader.missing(root, "cycle_projection") }
        try reader.rejectUnknownKeys(["events", "step2ck", "signals"])
        var seen: Set<String> = []
        let events = try reader.list("events") { node, path -> CycleProjectionRules.EventRule in
            let row = try FieldReader(node, file: root.file, path: path)
            try row.rejectUnknownKeys(["id", "title", "on", "reason"])
            let onText = try RulesLoader.text(row, "on")
            guard let on = ProjectedDate(onText) else {
                throw row.fail("on", row.value("on")!, "expected season:MM-DD, match:MM-DD, season:MM:wed:N, match:MM:fri:N or EVENT+N / EVENT-N, found '\(onText)'")
            }
            if case .relative(let event, _) = on, !seen.contains(event) {
                throw row.fail("on", row.value("on")!, "'\(event)' must be an event listed before this one")
            }
            let id = try RulesLoader.text(row, "id")
            seen.insert(id)
            return .init(id: id, title: try RulesLoader.text(row, "title"), on: on, reason: try RulesLoader.text(row, "reason"))
        } ?? []
        for id in Cycle.requiredEvents where !seen.contains(id) {
            throw MatchPlanError(.data, file: root.file, keyPath: "cycle_projection.events",
                                 "missing the event '\(id)'; a projected cycle needs \(Cycle.requiredEvents.joined(separator: ", "))")
        }
        guard let step2 = try reader.mapping("step2ck") else { throw RulesLoader.missing(reader, "step2ck") }
        try step2.rejectUnknownKeys(["passing_score", "reporting_weeks"])
        guard let signals = try reader.mapping("signals") else { throw RulesLoader.missing(reader, "signals") }
        return CycleProjectionRules(
            events: events,
            passingScore: try CycleLoader.sourcedInt(step2, "passing_score", 1...300, what: "a score"),
            reportingWeeks: try CycleLoader.sourcedInt(step2, "reporting_weeks", 1...26, what: "a number of weeks"),
            signals: try CycleLoader.signals(signals))
    }
}
