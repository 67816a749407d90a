import MatchPlanModel

/// WI1: how the plan moves at other Step 2 CK scores (the plan's `what_if[]`). Each row re-runs
/// the planner's own band, scenario, list and timing decisions (``ScoreAssessment``,
/// ``ListStrategy``, ``Step2CKTiming``) at one score, so a row says exactly what the plan would
/// say with that score. Which scores, as an advisor would pick them (docs/rules.md, WI1):
///
/// - practice scores only: both ends of the range, every boundary inside it, the nearest
///   boundary above it and one point under the nearest boundary at or below its low end;
/// - a reported passing score: the score, the nearest boundary above it and one point under
///   the nearest boundary at or below it (the passing score is no boundary here);
/// - a failed Step 2 CK (D8): the score, the passing score and the next boundary above it, as
///   retake outcomes; the failed attempt stays on record, so every row keeps the low scenario;
/// - no score (from MS3 on, and COMLEX-only): the lowest score of each band and list row, and
///   one point under the lowest band boundary;
/// - MS1 and MS2 with no score, or once the Match is over: no rows.
///
/// After a Step 1 fail every row keeps the low scenario (D2) and says so.
enum WhatIf {
    /// A score where the plan changes: the lowest score of a band, of a list row or the passing score.
    struct Boundary: Equatable {
        var score: Int
        /// What starts at ``score``, as a reader would name it ("the solid band (B2)").
        var what: String
    }

    /// The boundaries of the rules, highest first: band minimums and list-row minimums (one
    /// entry where they coincide), and with `passing` the passing score (D8).
    static func boundaries(rules: Rules, passing: Int?) -> [Boundary] {
        var found: [Int: [String]] = [:]
        for band in rules.bands.dropLast() { found[band.minimum, default: []].append("the \(band.band.name.lowercased()) band (\(band.rule))") }
        for row in rules.listSizes.dropLast() { found[row.minimum, default: []].append("the \(row.rule) list row") }
        if let passing { found[passing, default: []].append("the passing score (D8)") }
        return found.keys.sorted(by: >).map { Boundary(score: $0, what: found[$0]!.joined(separator: " and ")) }
    }

    /// WI1: which scores get a row and why, highest first (scores only; no plan is computed).
    static func candidates(summary: StrategyPlan.Step2CKSummary, early: Bool, matchOver: Bool, rules: Rules) -> [(score: Int, why: String)] {
        if matchOver { return [] }
        var rows: [(score: Int, why: String)] = []
        func add(_ score: Int, _ why: String) {
            guard rules.scoreScale.contains(score) else { return }
            if let index = rows.firstIndex(where: { $0.score == score }) { rows[index].why += "; " + why } else { rows.append((score, why)) }
        }
        func atOrUnder(_ boundary: Boundary?) {
            guard let boundary else { return }
            add(boundary.score - 1, "one point under \(boundary.what), which starts at \(boundary.score)")
        }
        let passing = summary.passingScore
        switch summary.basis {
        case .reported where summary.state == .failed:
            let own = summary.reported!
            add(own, "your score: below the passing score, a fail (D8)")
            add(passing, "a retake at the passing score")
            if let next = boundaries(rules: rules, passing: nil).last(where: { $0.score > passing }) {
                add(next.score, "a retake at the lowest score of \(next.what)")
            }
        case .reported:
            let own = summary.reported!
            let all = boundaries(rules: rules, passing: nil)
            add(own, "your score")
            if let above = all.last(where: { $0.score > own }) { add(above.score, "lowest score of \(above.what)") }
            atOrUnder(all.first { $0.score <= own })
        case .predicted:
            let low = summary.practiceLow!, high = summary.practiceHigh!
            let all = boundaries(rules: rules, passing: passing)
            add(low, "low end of your practice scores: this plan uses it (D3)")
            if high > low { add(high, "top of your practice scores") }
            for inside in all where inside.score > low && inside.score <= high { add(inside.score, "lowest score of \(inside.what)") }
            if let above = all.last(where: { $0.score > high }) { add(above.score, "lowest score of \(above.what), above your practice scores") }
            atOrUnder(all.first { $0.score <= low })
        case .none:
            if early { return [] }
            let all = boundaries(rules: rules, passing: nil)
            for boundary in all { add(boundary.score, "lowest score of \(boundary.what)") }
            atOrUnder(all.last)
        }
        return rows.sorted { $0.score > $1.score }
    }

    /// WI1: the rows for a student, each planned at its score.
    /// - Parameters:
    ///   - profile: the profile as planned.
    ///   - scores: the student's own assessment (its state and D8 fail decide which rows).
    ///   - signals: what the timing decision reads (D10).
    ///   - early: MS1 or MS2: with no score, no rows (nothing to decide yet, TL1).
    static func rows(profile: Profile, scores: ScoreAssessment, planner: Planner, concerns: [Profile.Concern],
                     signals: Step2CKTiming.Signals, early: Bool, matchOver: Bool) -> [WhatIfRow] {
        let rules = planner.rules
        let passing = scores.summary.passingScore
        return candidates(summary: scores.summary, early: early, matchOver: matchOver, rules: rules).map { candidate in
            var hypothetical = profile
            hypothetical.step2ck.score = candidate.score
            hypothetical.step2ck.practice = []
            var at = ScoreAssessment(profile: hypothetical, rules: rules, passingScore: passing)
            var why = candidate.why
            if scores.step2ckFail {
                // D8: a retake does not erase the failed attempt: the low scenario stays.
                at.scenario = .low
                at.scenarioRule = "D8"
                if at.band != .low { why += "; the failed attempt stays on record, so the low-score strategy still applies (D8)" }
            } else if at.scenarioRule == "D2", at.band != .low {
                why += "; the low-score strategy still applies after a Step 1 fail (D2)"
            }
            let pathway = planner.pathwayPlan(profile: hypothetical, scores: at, concerns: concerns)
            let irOnly = Planner.irOnly(profile: hypothetical, scenario: at.scenario, pathway: pathway, cautious: rules.cautiousScenarios)
            let list = ListStrategy.plan(scores: at, rules: rules, pathway: profile.pathway, comlexOnly: profile.comlexOnly, irOnly: irOnly,
                                         reapplicant: profile.matchResult == .unmatched)
            // T1–T3 / D10: only while a sitting is ahead; a score below passing means a retake (D8).
            var timing: TimingScenario?
            if scores.summary.state.sittingAhead {
                var rowSignals = signals
                rowSignals.step2ckFail = signals.step2ckFail || candidate.score < passing
                timing = Step2CKTiming.scenario(profile: profile, rules: rules, signals: rowSignals).0
            }
            return WhatIfRow(score: candidate.score, why: why, band: at.band, bandRule: at.bandRule, scenario: at.scenario,
                             list: list, timing: timing)
        }
    }
}
