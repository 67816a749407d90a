import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// `matchplan plan` output: the plan as pretty-printed JSON with sorted keys (stable bytes).
public enum PlanJSON {
    public static func encode(_ plan: StrategyPlan) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(plan), as: UTF8.self) + "\n"
    }
}
