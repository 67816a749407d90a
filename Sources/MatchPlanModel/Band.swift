/// A Step 2 CK band (rules B1–B4), or `unknown` when there is no score and no prediction (D3).
public enum Band: String, CaseIterable, Sendable, Codable, Comparable {
    case high, solid, borderline, low, unknown

    /// Words for readers: "high", "solidly competitive", … (B1–B4 table).
    public var label: String {
        switch self {
        case .high: "high"
        case .solid: "solidly competitive"
        case .borderline: "borderline for some programs"
        case .low: "low-score scenario"
        case .unknown: "not known yet"
        }
    }

    /// Short name for headings and cards: "High", "Solid", "Borderline", "Low", "Unknown".
    public var name: String {
        switch self {
        case .high: "High"
        case .solid: "Solid"
        case .borderline: "Borderline"
        case .low: "Low"
        case .unknown: "Unknown"
        }
    }

    /// Order from the strongest band to unknown.
    public static func < (lhs: Band, rhs: Band) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
