/// The data the program-list audit judges by (PL1–PL8, docs/rules.md), from
/// `Content/program-list.yaml`: ERAS fee schedules, the oversubscribed metro areas (G1), the
/// Census regions of each state and the audit's thresholds. The code holds none of these figures.
public struct ProgramListRules: Sendable, Equatable {
    /// PL2: one schedule per match year, oldest first.
    public var feeSchedules: [FeeSchedule]
    /// PL1: a count below this percent of the range's minimum is a red flag, not a warning.
    public var countRedFlagBelowPercent: Int
    /// PL5 (G1): the oversubscribed metro areas and where the list came from.
    public var metros: [Metro]
    public var metrosSource: String
    public var metrosConfidence: Cycle.Confidence
    /// PL6: Census region name → its states' two-letter codes.
    public var regions: [Region]
    /// Codes accepted in the `state` column that belong to no Census region (territories).
    public var otherStates: [String]
    /// PL5 (G1): the largest share (percent) of IR and DR programs in oversubscribed metros, by scenario; a scenario not listed is not judged.
    public var oversubscribedShareMaxPercent: [Band: Int]
    /// PL5 (G2, L3.1): the smallest share (percent) of community or hybrid programs, by scenario.
    public var communityShareMinPercent: [Band: Int]
    /// PL7 (L1.1, B3.3): the smallest share (percent) of DR programs with ESIR, by scenario.
    public var esirShareMinPercent: [Band: Int]
    /// PL7 (D12): the same for a DR-only applicant, whatever the scenario.
    public var esirShareMinPercentDROnly: Int
    /// PL2 (MatchPlan's decision): a saving from trimming below this many US dollars is not worth
    /// a line (it is under a tenth of a typical radiology applicant's ERAS fees).
    public var trimSavingsMinUSD: Int
    /// PL8 (D17): fewer preliminary and transitional-year programs than this on a list whose IR or
    /// DR programs start at PGY-2 is a warning.
    public var pgy1MinPrograms: Int
    /// PL4 (SG2, G1): in the borderline and low scenarios, more than this percent of the gold
    /// signals on academic programs in oversubscribed metros is a warning.
    public var goldMetroShareMaxPercent: Int

    /// Memberwise (public: the loader is another target).
    public init(feeSchedules: [FeeSchedule], countRedFlagBelowPercent: Int, metros: [Metro], metrosSource: String,
                metrosConfidence: Cycle.Confidence, regions: [Region], otherStates: [String],
                oversubscribedShareMaxPercent: [Band: Int], communityShareMinPercent: [Band: Int],
                esirShareMinPercent: [Band: Int], esirShareMinPercentDROnly: Int,
                trimSavingsMinUSD: Int = 100, pgy1MinPrograms: Int = 5, goldMetroShareMaxPercent: Int = 50) {
        self.feeSchedules = feeSchedules
        self.countRedFlagBelowPercent = countRedFlagBelowPercent
        self.metros = metros
        self.metrosSource = metrosSource
        self.metrosConfidence = metrosConfidence
        self.regions = regions
        self.otherStates = otherStates
        self.oversubscribedShareMaxPercent = oversubscribedShareMaxPercent
        self.communityShareMinPercent = communityShareMinPercent
        self.esirShareMinPercent = esirShareMinPercent
        self.esirShareMinPercentDROnly = esirShareMinPercentDROnly
        self.trimSavingsMinUSD = trimSavingsMinUSD
        self.pgy1MinPrograms = pgy1MinPrograms
        self.goldMetroShareMaxPercent = goldMetroShareMaxPercent
    }

    /// PL2: what ERAS charges per program for one match year, counted per specialty.
    public struct FeeSchedule: Sendable, Equatable {
        public var matchYear: Int
        /// Price tiers in order: programs `from`…`to` (1-based; `to` nil = no end) cost `usd` each.
        public var tiers: [Tier]
        public var confidence: Cycle.Confidence
        public var source: String

        /// Memberwise (public: the loader is another target).
        public init(matchYear: Int, tiers: [Tier], confidence: Cycle.Confidence, source: String) {
            self.matchYear = matchYear
            self.tiers = tiers
            self.confidence = confidence
            self.source = source
        }

        /// One price band of a schedule; whole US dollars per program.
        public struct Tier: Sendable, Equatable {
            public var from: Int
            public var to: Int?
            public var usd: Int

            /// Memberwise (public: the loader is another target).
            public init(from: Int, to: Int?, usd: Int) {
                self.from = from
                self.to = to
                self.usd = usd
            }
        }

        /// PL2: the fee in US dollars for `count` programs of one specialty (0 for none).
        public func fee(programs count: Int) -> Int {
            tiers.reduce(0) { total, tier in
                let last = min(count, tier.to ?? Int.max)
                return total + max(0, last - tier.from + 1) * tier.usd
            }
        }
    }

    /// An oversubscribed metro area (G1) and the places ("City, ST") that count as inside it.
    public struct Metro: Sendable, Equatable {
        public var name: String
        public var places: [String]

        /// Memberwise (public: the loader is another target).
        public init(name: String, places: [String]) {
            self.name = name
            self.places = places
        }
    }

    /// A US Census region and its states' two-letter codes.
    public struct Region: Sendable, Equatable {
        public var name: String
        public var states: [String]

        /// Memberwise (public: the loader is another target).
        public init(name: String, states: [String]) {
            self.name = name
            self.states = states
        }
    }

    /// Every code the `state` column accepts, sorted.
    public var stateCodes: [String] { (regions.flatMap(\.states) + otherStates).sorted() }

    /// The metro area a program in `city`, `state` is in, if any (case and spacing ignored).
    public func metro(city: String?, state: String?) -> Metro? {
        guard let city, let state else { return nil }
        let place = Self.placeKey("\(city), \(state)")
        return metros.first { $0.places.contains { Self.placeKey($0) == place } }
    }

    /// The Census region of a two-letter state code, if any.
    public func region(ofState state: String?) -> Region? {
        guard let state else { return nil }
        return regions.first { $0.states.contains(state.uppercased()) }
    }

    /// The Census region named `name` (case ignored).
    public func region(named name: String) -> Region? {
        regions.first { $0.name.lowercased() == name.lowercased() }
    }

    /// PL2: the schedule for `matchYear`: its own, else the latest earlier one carried forward
    /// (projected), else the earliest (projected); nil only when there is none at all.
    public func feeSchedule(matchYear: Int) -> (schedule: FeeSchedule, projected: Bool)? {
        if let own = feeSchedules.first(where: { $0.matchYear == matchYear }) { return (own, false) }
        if let earlier = feeSchedules.filter({ $0.matchYear < matchYear }).max(by: { $0.matchYear < $1.matchYear }) { return (earlier, true) }
        return feeSchedules.min { $0.matchYear < $1.matchYear }.map { ($0, true) }
    }

    static func placeKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).joined(separator: " ")
    }
}
