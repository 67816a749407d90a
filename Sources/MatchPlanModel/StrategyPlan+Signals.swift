/// The signals part of a ``StrategyPlan`` (SG1, SG2, D18): the cycle's counts and how to split them.
extension StrategyPlan {
    /// SG1–SG2.
    public struct SignalsPlan: Sendable, Equatable, Codable {
        public var gold: Int
        public var silver: Int
        public var confidence: Cycle.Confidence
        /// SG2: in B3/B4 spend some signals on DR programs with ESIR.
        public var includeESIRPrograms: Bool
        /// SG1: whether DR and IR share one pool of signals this cycle (nil = unknown).
        public var sharedPool: Bool?
        public var sharedPoolConfidence: Cycle.Confidence?
        /// SG2: how to spend the signals between integrated IR and DR (counts of signals).
        public var split: SignalSplit

        enum CodingKeys: String, CodingKey {
            case gold, silver, confidence, includeESIRPrograms = "include_esir_programs"
            case sharedPool = "shared_pool", sharedPoolConfidence = "shared_pool_confidence", split
        }

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(gold: Int, silver: Int, confidence: Cycle.Confidence, includeESIRPrograms: Bool,
                    sharedPool: Bool?, sharedPoolConfidence: Cycle.Confidence?, split: SignalSplit) {
            self.gold = gold
            self.silver = silver
            self.confidence = confidence
            self.includeESIRPrograms = includeESIRPrograms
            self.sharedPool = sharedPool
            self.sharedPoolConfidence = sharedPoolConfidence
            self.split = split
        }
    }

    /// SG2 (MatchPlan's advice): gold and silver signals for integrated IR and for DR programs.
    /// With separate pools, each specialty's counts are its own; with one pool they add up to it.
    public struct SignalSplit: Sendable, Equatable, Codable {
        public var irGold: Int
        public var irSilver: Int
        public var drGold: Int
        public var drSilver: Int
        public var rule: String
        /// One sentence: why this split.
        public var advice: String

        enum CodingKeys: String, CodingKey {
            case irGold = "ir_gold", irSilver = "ir_silver", drGold = "dr_gold", drSilver = "dr_silver", rule, advice
        }

        /// Memberwise (public: the planner is another target).
        public init(irGold: Int, irSilver: Int, drGold: Int, drSilver: Int, rule: String, advice: String) {
            self.irGold = irGold
            self.irSilver = irSilver
            self.drGold = drGold
            self.drSilver = drSilver
            self.rule = rule
            self.advice = advice
        }
    }
}
