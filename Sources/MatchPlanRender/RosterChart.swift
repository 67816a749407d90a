import MatchPlanModel

/// The dashboard's counts per band and per status, each drawn as a small horizontal bar chart
/// (inline SVG, sized in user units; `<title>` is its text alternative, and each bar is
/// labelled with its name and count in the drawing itself).
enum RosterChart {
    struct Chart: Encodable {
        /// The heading and the SVG's title id (`chart-band`).
        var id: String
        var heading: String
        /// The text alternative: "Students per band: High 1, Solid 2, …".
        var alt: String
        var height: String
        var bars: [Bar]
    }

    struct Bar: Encodable {
        var label: String
        var count: String
        /// A CSS class for the bar's colour (`band-high`, `status-overdue`).
        var tone: String
        var y: String
        var textY: String
        var width: String
        var countX: String
    }

    /// Bar geometry, in SVG user units: label column, bar start, longest bar, row height.
    static let labelWidth = 200, maxBar = 140, rowHeight = 24

    static func charts(_ students: [RosterSummary]) -> [Chart] {
        let planned = students.compactMap(\.plan)
        let bands = Band.allCases.map { band in
            (label: band.name, count: planned.filter { $0.band == band }.count, tone: "band-\(band.rawValue)")
        }
        let statuses = RosterSummary.Status.allCases.map { status in
            (label: status.rawValue, count: students.filter { $0.status == status }.count, tone: "status-\(key(status))")
        }.filter { $0.count > 0 || $0.label == RosterSummary.Status.onTrack.rawValue || $0.label == RosterSummary.Status.overdue.rawValue }
        return [chart(id: "chart-band", heading: "Students per band", bands),
                chart(id: "chart-status", heading: "Students per status", statuses)]
    }

    static func key(_ status: RosterSummary.Status) -> String {
        switch status {
        case .onTrack: "on-track"
        case .overdue: "overdue"
        case .keptEarlierReport: "kept"
        case .notRead: "not-read"
        }
    }

    static func chart(id: String, heading: String, _ rows: [(label: String, count: Int, tone: String)]) -> Chart {
        let most = max(1, rows.map(\.count).max() ?? 1)
        let bars = rows.enumerated().map { index, row in
            let width = row.count == 0 ? 0 : max(2, row.count * maxBar / most)
            return Bar(label: row.label, count: "\(row.count)", tone: row.tone, y: "\(index * rowHeight + 4)",
                       textY: "\(index * rowHeight + 17)", width: "\(width)", countX: "\(labelWidth + width + 6)")
        }
        let alt = heading + ": " + rows.map { "\($0.label) \($0.count)" }.joined(separator: ", ") + "."
        return Chart(id: id, heading: heading, alt: alt, height: "\(rows.count * rowHeight + 4)", bars: bars)
    }
}
