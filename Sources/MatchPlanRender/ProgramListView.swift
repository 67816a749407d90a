import MatchPlanModel
import MatchPlanPlan

/// `partials/program-list`: the "Your program list" section (PL1–PL8) from the plan's
/// ``ProgramListResult``: counts against the ranges (a bar picture with its text), the ERAS fee,
/// the signals, the shares, each finding with what to change, and the programs by specialty and
/// signal. Every value is pre-formatted plain text, text from the student's CSV as it is: the
/// templates' content type escapes it (HTML, or `MARKDOWN` in the `.md` partial).
struct ProgramListView: Encodable, Sendable {
    var file: String
    var total: String
    var countsText: String
    var hasRanges: Bool
    var bars: [Bar]
    var feeTotal: String
    /// One line per specialty on the list: "Integrated IR: $132 for 12".
    var feeLines: [String]
    var feeSchedule: String
    var feeProjected: Bool
    var hasSavings: Bool
    var savings: String
    var signalsText: String
    var poolText: String
    var signalsVerify: Bool
    var shares: [String]
    var hasFindings: Bool
    var findings: [FindingRow]
    var groups: [Group]

    /// PL1: one specialty's count against its range, as text and as bar geometry (percent of the width).
    struct Bar: Encodable, Sendable {
        var label: String
        var text: String
        var standing: String
        var standingKey: String
        var rangeX: String
        var rangeWidth: String
        var countWidth: String
        var hasRange: Bool
    }

    struct FindingRow: Encodable, Sendable {
        var label: String
        var kind: String
        var message: String
        var change: String
        var hasChange: Bool
        var rule: String
    }

    /// One specialty's programs, in the audit's order (signal, then name).
    struct Group: Encodable, Sendable {
        var specialty: String
        var count: String
        var rows: [Row]
    }

    struct Row: Encodable, Sendable {
        var name: String
        /// "gold, home tie", "away tie", or "".
        var signalAndTie: String
        /// "Chicago, IL; academic, ESIR".
        var placeAndSetting: String
        var notes: String
        var hasNotes: Bool
        /// The Markdown list's line: the non-empty fields joined.
        var summary: String
        var hasSummary: Bool
    }
}

extension ReportViewBuilder {
    static func programListView(_ result: ProgramListResult, plan: StrategyPlan) -> ProgramListView {
        let dollars = ProgramListAudit.dollars
        let counts = result.counts
        let fees = result.fees
        let scale = max(10, result.ranges.map { max($0.count, $0.max) }.max() ?? 10)
        let width = { (value: Int) in Self.decimal(Double(value) * 100 / Double(scale) * 0.95) }
        let bars = result.ranges.enumerated().map { index, check in
            let label = check.specialty == .integratedIR ? "Integrated IR" : "DR"
            let range = check.max == 0 ? "none in your plan" : "your plan \(check.min) to \(check.max)"
            return ProgramListView.Bar(
                label: label, text: "\(check.count) program\(check.count == 1 ? "" : "s"); \(range)",
                standing: standingWords(check.standing), standingKey: check.standing.rawValue,
                rangeX: width(check.min), rangeWidth: width(check.max - check.min), countWidth: width(check.count), hasRange: check.max > 0)
        }
        let onList = ProgramList.Specialty.allCases.filter { counts[$0] > 0 }
        let feeLines = onList.map { "\($0.label): \(dollars(fee(fees, $0))) for \(counts[$0])" }
        let signals = result.signals
        let pool = signals.sharedPool.map { $0 ? "IR and DR share one pool of \(signals.goldAvailable) gold and \(signals.silverAvailable) silver" : "IR and DR each have \(signals.goldAvailable) gold and \(signals.silverAvailable) silver" }
            ?? "Whether IR and DR share one pool is not known for this season; MatchPlan counts them together"
        let geo = result.geography, esir = result.esir
        var shares = ["\(geo.inOversubscribedMetros) of \(geo.programs) IR and DR programs (\(geo.oversubscribedSharePercent)%) are in oversubscribed metro areas (G1)"]
        if geo.withSetting > 0 { shares.append("\(geo.communityOrHybrid) of the \(geo.withSetting) with a setting (\(geo.communitySharePercent)%) are community or hybrid (G2)") }
        if esir.drPrograms > 0 { shares.append("\(esir.withESIR) of \(esir.drPrograms) DR programs (\(esir.sharePercent)%) offer ESIR (L1.1, B3.3)") }
        if let inside = geo.inProfileRegions { shares.append("\(inside) of \(geo.programs) are in the regions your profile names") }
        let groups = ProgramList.Specialty.allCases.compactMap { specialty -> ProgramListView.Group? in
            let rows = result.programs.filter { $0.specialty == specialty }
            guard !rows.isEmpty else { return nil }
            return .init(specialty: specialty.label, count: "\(rows.count)", rows: rows.map { row(for: $0) })
        }
        return ProgramListView(
            file: result.file, total: "\(counts.total)",
            countsText: ProgramList.Specialty.allCases.map { "\(counts[$0]) \(shortLabel($0))" }.joined(separator: ", "),
            hasRanges: !bars.isEmpty, bars: bars,
            feeTotal: dollars(fees.totalUSD), feeLines: feeLines,
            feeSchedule: fees.projected ? "AAMC's Match \(fees.scheduleMatchYear) fees carried forward to Match \(plan.matchYear)" : "AAMC's Match \(fees.scheduleMatchYear) fees", feeProjected: fees.projected,
            hasSavings: fees.savingsIfTrimmedUSD > 0, savings: dollars(fees.savingsIfTrimmedUSD),
            signalsText: "\(signals.goldUsed) of \(signals.goldAvailable) gold (IR \(signals.irGold), DR \(signals.drGold)) and \(signals.silverUsed) of \(signals.silverAvailable) silver (IR \(signals.irSilver), DR \(signals.drSilver))",
            poolText: pool, signalsVerify: plan.signals.confidence.needsVerification,
 shares: shares.map { $0 + "." },
            hasFindings: !result.findings.isEmpty,
            findings: result.findings.map { finding in
                .init(label: finding.level == .redFlag ? "Red flag" : finding.level == .warning ? "Warning" : "Note",
                      kind: finding.level == .redFlag ? "red-flag" : finding.level == .warning ? "warning" : "note",
                      message: finding.message, change: finding.change, hasChange: !finding.change.isEmpty, rule: finding.rule)
            },
            groups: groups)
    }

    static func row(for program: ProgramList.Program) -> ProgramListView.Row {
        let place = [program.city, program.state].compactMap { $0 }.joined(separator: ", ")
        let esir = program.esir.map { $0 ? "ESIR" : "no ESIR" }
        let signal = program.signal == .none ? nil : program.signal.rawValue
        let tie = program.tie == .none ? nil : "\(program.tie.rawValue) tie"
        let notes = program.notes ?? ""
        let setting = [program.setting?.rawValue, esir].compactMap { $0 }.joined(separator: ", ")
        let summary = [signal.map { "\($0) signal" }, tie, program.setting?.rawValue, esir, place, notes.isEmpty ? nil : "notes: \(notes)"]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
        return .init(name: program.name, signalAndTie: [signal, tie].compactMap { $0 }.joined(separator: ", "),
                     placeAndSetting: [place, setting].filter { !$0.isEmpty }.joined(separator: "; "),
                     notes: notes, hasNotes: !notes.isEmpty, summary: summary, hasSummary: !summary.isEmpty)
    }

    static func fee(_ fees: ProgramListResult.Fees, _ specialty: ProgramList.Specialty) -> Int {
        switch specialty {
        case .integratedIR: fees.perSpecialty.integratedIR
        case .diagnosticRadiology: fees.perSpecialty.diagnosticRadiology
        case .preliminary: fees.perSpecialty.preliminary
        case .transitional: fees.perSpecialty.transitional
        }
    }

    /// Short names for running text: integrated IR, DR, preliminary, transitional-year.
    static func shortLabel(_ specialty: ProgramList.Specialty) -> String {
        switch specialty {
        case .integratedIR: "integrated IR"
        case .diagnosticRadiology: "DR"
        case .preliminary: "preliminary"
        case .transitional: "transitional-year"
        }
    }

    static func standingWords(_ standing: ProgramListResult.Standing) -> String {
        switch standing {
        case .farBelow: "far below the range"
        case .below: "below the range"
        case .within: "within the range"
        case .above: "above the range"
        }
    }

    /// One decimal place, without a trailing `.0` (stable text for SVG coordinates).
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
