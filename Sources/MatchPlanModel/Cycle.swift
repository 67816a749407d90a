/// One application cycle's dated events and figures, from `Content/cycles/<match year>.yaml`.
///
/// Every figure carries its source and a ``Confidence``; the report marks anything that is not
/// official as "verify" (S0.4). A match year without a file, and any event a file leaves out,
/// is projected from the rules (D14, docs/rules.md).
public struct Cycle: Sendable {
    /// Year of Match Day.
    public var matchYear: Int
    /// The application season's year: the year before Match Day.
    public var seasonYear: Int { matchYear - 1 }
    /// Dated events, in file order.
    public var events: [Event]
    /// D8: Step 2 CK passing score, points, for exams from ``passingScoreFrom``.
    public var passingScore: Sourced<Int>
    /// The date the current passing score took effect, and the score before it (points), so an
    /// exam sat earlier is judged by the standard of its day.
    public var passingScoreFrom: CalendarDate?
    public var earlierPassingScore: Int?
    /// T5: weeks from the exam to the reported score.
    public var reportingWeeks: Sourced<Int>
    /// SG1: program signals for DR and IR.
    public var signals: Signals

    /// Event ids the plan needs from every cycle file.
    public static let requiredEvents = ["eras_opens", "applicants_submit", "programs_review", "rank_order_list_deadline", "match_day"]

    public struct Event: Sendable, Equatable {
        public var id: String
        public var title: String
        public var date: CalendarDate
        public var confidence: Confidence
        public var source: String

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(id: String, title: String, date: CalendarDate, confidence: Confidence, source: String) {
            self.id = id
            self.title = title
            self.date = date
            self.confidence = confidence
            self.source = source
        }
    }

    public struct Sourced<Value: Sendable & Equatable>: Sendable, Equatable {
        public var value: Value
        public var confidence: Confidence
        public var source: String

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(value: Value, confidence: Confidence, source: String) {
            self.value = value
            self.confidence = confidence
            self.source = source
        }
    }

    public struct Signals: Sendable, Equatable {
        /// Counts of gold and silver signals.
        public var gold: Int
        public var silver: Int
        public var confidence: Confidence
        public var source: String
        /// What the evidence shows, one or two sentences.
        public var evidence: String
        /// SG1 / SG2: whether DR and IR draw on one pool of signals this cycle, with its confidence.
        public var sharedPool: Sourced<Bool>?

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(gold: Int, silver: Int, confidence: Confidence, source: String, evidence: String,
                    sharedPool: Sourced<Bool>? = nil) {
            self.gold = gold
            self.silver = silver
            self.confidence = confidence
            self.source = source
            self.evidence = evidence
            self.sharedPool = sharedPool
        }
    }

    /// How sure a figure is: official (AAMC, NRMP, USMLE), press, secondary (a secondary copy),
    /// projected (MatchPlan's estimate from earlier seasons).
    public enum Confidence: String, CaseIterable, Sendable, Codable {
        case official, press, secondary, projected

        /// Anything but official is shown with "verify".
        public var needsVerification: Bool { self != .official }
    }

    /// D8: the passing score that applied to an exam sat on `date` (the current one when unknown).
    public func passingScore(on date: CalendarDate?) -> Int {
        if let date, let from = passingScoreFrom, let earlier = earlierPassingScore, date < from { return earlier }
        return passingScore.value
    }

    /// The event with `id`; nil when the file does not have it.
    public func event(_ id: String) -> Event? {
        events.first { $0.id == id }
    }

    /// Memberwise (public: the loaders and the planner are other targets).
    public init(matchYear: Int, events: [Event], passingScore: Sourced<Int>, passingScoreFrom: CalendarDate? = nil, earlierPassingScore: Int? = nil, reportingWeeks: Sourced<Int>, signals: Signals) {
        self.matchYear = matchYear
        self.events = events
        self.passingScore = passingScore
        self.passingScoreFrom = passingScoreFrom
        self.earlierPassingScore = earlierPassingScore
        self.reportingWeeks = reportingWeeks
        self.signals = signals
    }
}
