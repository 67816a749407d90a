import MatchPlanModel

/// `partials/score-scale`: the Step 2 CK bands (B1–B4) as a horizontal scale, drawn as inline
/// SVG, with the student's score or practice range marked. Positions are numbers in the SVG's
/// own units (``width`` wide); boundaries come from the rules, never from the template.
struct ScoreScaleView: Encodable, Sendable {
    /// Whether there is a score or practice range to mark (no picture without one).
    var hasScore: Bool
    var segments: [ScaleSegmentView]
    var boundaries: [ScaleBoundaryView]
    /// The score used (reported, or the low end of the practice range, D3).
    var markerX: String
    var hasRange: Bool
    var rangeX: String
    var rangeWidth: String
    var labelX: String
    /// `start`, `middle` or `end`: keeps the label inside the picture.
    var labelAnchor: String
    /// `Your score: 241` or `Practice 241 to 246 (plan uses 241)`.
    var label: String
    /// The same picture in words (the SVG's description and the Markdown report's text).
    var summary: String
}

/// One band's stretch of the scale.
struct ScaleSegmentView: Encodable, Sendable {
    var bandKey: String
    var name: String
    var x: String
    var width: String
    var centerX: String
    var isYours: Bool
}

/// A band boundary (the lowest score of the band above it).
struct ScaleBoundaryView: Encodable, Sendable {
    var score: String
    var x: String
}

extension ReportViewBuilder {
    /// SVG units across the scale.
    static let scaleWidth = 400.0

    /// The scale from the rules' bands (B1–B4), widened to show the student's scores.
    func scoreScaleView(_ plan: StrategyPlan) -> ScoreScaleView {
        let summary = plan.step2ck
        let low = summary.reported ?? summary.practiceLow, high = summary.reported ?? summary.practiceHigh
        // Bands highest first; the lowest band has no lower boundary worth drawing.
        let boundaries = rules.bands.dropLast().map(\.minimum)
        guard let score = summary.scoreUsed, let low, let high, let top = boundaries.first, let bottom = boundaries.last else {
            return ScoreScaleView(hasScore: false, segments: [], boundaries: [], markerX: "", hasRange: false, rangeX: "", rangeWidth: "",
                                  labelX: "", labelAnchor: "middle", label: "", summary: "")
        }
        let from = max(rules.scoreScale.lowerBound, min(bottom - 15, low - 5))
        let to = min(rules.scoreScale.upperBound, max(top + 15, high + 5))
        let margin = 10.0, span = Self.scaleWidth - 2 * margin
        func x(_ value: Int) -> Double { margin + Double(value - from) / Double(max(to - from, 1)) * span }
        func text(_ value: Double) -> String { String(format: "%.1f", value) }
        var segments: [ScaleSegmentView] = []
        var words: [String] = []
        for (index, row) in rules.bands.enumerated() {
            let start = index == rules.bands.count - 1 ? from : max(row.minimum, from)
            let end = index == 0 ? to : min(rules.bands[index - 1].minimum, to)
            guard end > start else { continue }
            segments.insert(ScaleSegmentView(bandKey: row.band.rawValue, name: row.band.name, x: text(x(start)), width: text(x(end) - x(start)),
                                             centerX: text((x(start) + x(end)) / 2), isYours: row.band == plan.band), at: 0)
            let range = index == 0 ? "\(row.minimum) and above"
                : index == rules.bands.count - 1 ? "below \(rules.bands[index - 1].minimum)"
                : "\(row.minimum) to \(rules.bands[index - 1].minimum - 1)"
            words.insert("\(row.band.name) \(range) (\(row.rule))", at: 0)
        }
        let label = summary.reported != nil ? "Your score: \(score)"
            : low == high ? "Practice \(low)" : "Practice \(low) to \(high) (plan uses \(score))"
        let markerX = x(score)
        // Centred under the marker unless that would run off an edge (about 7.5 units a
        // character at the largest font the stylesheet uses, on a phone).
        let half = Double(label.count) * 7.5 / 2
        let anchor = markerX - half < 2 ? "start" : markerX + half > Self.scaleWidth - 2 ? "end" : "middle"
        let yours = summary.reported != nil ? "your reported score \(score)" : "your NBME practice scores \(low == high ? "\(low)" : "\(low) to \(high)"), planned from \(score)"
        return ScoreScaleView(
            hasScore: true, segments: segments,
            boundaries: boundaries.filter { $0 > from && $0 < to }.map { ScaleBoundaryView(score: "\($0)", x: text(x($0))) },
            markerX: text(markerX), hasRange: low != high, rangeX: text(x(low)), rangeWidth: text(x(high) - x(low)),
            labelX: text(anchor == "start" ? 2 : anchor == "end" ? Self.scaleWidth - 2 : markerX), labelAnchor: anchor, label: label,
            summary: "Step 2 CK bands: \(words.joined(separator: "; ")). Marked: \(yours), in the \(plan.band.name) band."
        )
    }
}
