extension StrategyPlan {
    /// A red flag or warning: a stable id, the rule it comes from, and one sentence of why.
    public struct Finding: Sendable, Equatable, Codable {
        public var id: String
        public var rule: String
        public var message: String

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(id: String, rule: String, message: String) {
            self.id = id
            self.rule = rule
            self.message = message
        }
    }
}
