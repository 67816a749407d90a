import MatchPlanModel

/// `partials/timeline-chart`: today to Match Day as a horizontal line in inline SVG, with a
/// "today" marker and the next few dated events, each label on a row of its own so labels
/// never overlap (the soonest lowest, so a leader line crosses as few labels as possible). Positions are numbers in SVG units (``ReportViewBuilder/scaleWidth`` wide).
struct TimelineChartView: Encodable, Sendable {
    /// False once Match Day is past or missing (no picture).
    var hasChart: Bool
    var today: String
    var matchDay: String
    var matchDayISO: String
    var daysToMatch: String
    var events: [ChartEventView]
    /// SVG height, units: grows with the number of labels.
    var height: String
    /// The picture in words.
    var summary: String
}

struct ChartEventView: Encodable, Sendable {
    var x: String
    var labelY: String
    var anchor: String
    /// `Sep 22: Programs may start reviewing`.
    var label: String
}

extension ReportViewBuilder {
    /// How many upcoming events the picture names.
    static let chartEvents = 4

    func timelineChartView(_ plan: StrategyPlan) -> TimelineChartView {
        let today = plan.today
        guard let match = plan.timeline.first(where: { $0.id == "match-day" }), today < match.date else {
            return TimelineChartView(hasChart: false, today: "", matchDay: "", matchDayISO: "", daysToMatch: "", events: [], height: "0", summary: "")
        }
        let total = Double(max(today.days(until: match.date), 1))
        let margin = 10.0, span = Self.scaleWidth - 2 * margin
        func x(_ date: CalendarDate) -> Double { margin + Double(today.days(until: date)) / total * span }
        let next = plan.timeline.filter { !(today > $0.date) && $0.date < match.date && $0.id != "match-week" && $0.id != "soap" }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }.prefix(Self.chartEvents)
        let events = next.enumerated().map { index, event in
            let position = x(event.date)
            return ChartEventView(x: Self.oneDecimal(position), labelY: "\(60 + 18 * (next.count - 1 - index))",
                                  anchor: position > Self.scaleWidth / 2 ? "end" : "start",
                                  label: "\(Self.shortMonth(event.date)): \(Self.shortTitle(event.title))")
        }
        let days = today.days(until: match.date)
        return TimelineChartView(
            hasChart: true, today: today.longForm, matchDay: match.date.longForm, matchDayISO: match.date.description,
            daysToMatch: "\(days)", events: events, height: "\(48 + 18 * events.count)",
            summary: "From today, \(today.longForm), to Match Day, \(match.date.longForm): \(days) days. Next: "
                + next.map { "\($0.title), \($0.date.longForm)" }.joined(separator: "; ") + "."
        )
    }

    /// `String(format: "%.1f", value)`, remembered by the value's bits (Foundation's formatting
    /// was most of the picture's cost; positions repeat across students).
    static func oneDecimal(_ value: Double) -> String {
        decimals.value(for: value.bitPattern) { String(format: "%.1f", value) }
    }

    private static let decimals = FragmentCache<UInt64, String>(capacity: 4096)

    /// A title cut for a picture's label: before its first colon, at most about 36 characters
    /// (at a word boundary, with an ellipsis); the full title is in the text beside it.
    static func shortTitle(_ title: String) -> String {
        let head = title.split(separator: ":", maxSplits: 1).first.map(String.init) ?? title
        guard head.count > 36 else { return head }
        var cut = ""
        for word in head.split(separator: " ") {
            guard cut.count + word.count + 1 <= 34 else { break }
            cut += cut.isEmpty ? String(word) : " \(word)"
        }
        return cut + "…"
    }

    /// `Sep 22`.
    static func shortMonth(_ date: CalendarDate) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[date.month - 1]) \(date.day)"
    }
}
