import MatchPlanModel

/// `partials/what-if`: how the plan moves at other Step 2 CK scores (WI1), one row per score.
struct WhatIfSectionView: Encodable, Sendable {
    var hasRows: Bool
    var rows: [WhatIfRowView]
    /// The rows' rule ids (WI1, bands, list rows), once each; the list section prints them.
    var rules: [String]
}

struct WhatIfRowView: Encodable, Sendable {
    var score: String
    var why: String
    var band: String
    var scenario: String
    var scenarioDiffers: Bool
    var integratedIR: String
    var diagnosticRadiology: String
    /// `T1`…`T3`, or empty when timing does not depend on the score.
    var timing: String
    var hasTiming: Bool
}

extension ReportViewBuilder {
    func whatIfView(_ rows: [WhatIfRow]) -> WhatIfSectionView {
        WhatIfSectionView(
            hasRows: !rows.isEmpty,
            rows: rows.map { row in
                WhatIfRowView(score: "\(row.score)", why: row.why, band: row.band.name, scenario: row.scenario.name,
                              scenarioDiffers: row.scenario != row.band,
                              integratedIR: row.list.integratedIR.map(range) ?? "not known",
                              diagnosticRadiology: row.list.diagnosticRadiology.map(range) ?? "not known",
                              timing: row.timing?.rawValue ?? "", hasTiming: row.timing != nil)
            },
            rules: ["WI1"] + rows.flatMap { [$0.bandRule, $0.list.rule ?? ""] }
        )
    }
}
