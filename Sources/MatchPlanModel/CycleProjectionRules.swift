/// How MatchPlan projects an application cycle for a match year without a cycle file, or fills
/// the events a cycle file leaves out (rule D14, docs/rules.md). Loaded from `cycle_projection`
/// in `Content/rules.yaml`; every projected figure is marked `projected` with its reason.
public struct CycleProjectionRules: Sendable, Equatable {
    /// Events in dependency order: a relative date may refer only to an event listed before it.
    public var events: [EventRule]
    /// Step 2 CK passing score and reporting time for projected years.
    public var passingScore: Cycle.Sourced<Int>
    public var reportingWeeks: Cycle.Sourced<Int>
    /// Program signals for projected years (counts carried forward).
    public var signals: Cycle.Signals

    /// One projected event: its id and title in the cycle, the date rule and why.
    public struct EventRule: Sendable, Equatable {
        public var id: String
        public var title: String
        public var on: ProjectedDate
        /// The pattern behind the date, shown as the event's source ("third Friday of March, ...").
        public var reason: String

        /// Memberwise (public: the loaders are another target).
        public init(id: String, title: String, on: ProjectedDate, reason: String) {
            self.id = id
            self.title = title
            self.on = on
            self.reason = reason
        }
    }

    /// Memberwise (public: the loaders are another target).
    public init(events: [EventRule], passingScore: Cycle.Sourced<Int>, reportingWeeks: Cycle.Sourced<Int>, signals: Cycle.Signals) {
        self.events = events
        self.passingScore = passingScore
        self.reportingWeeks = reportingWeeks
        self.signals = signals
    }
}

/// A date rule of the projection, written in `rules.yaml` as:
/// - `season:MM-DD` / `match:MM-DD`: a fixed day in the season's year or Match Day's year;
/// - `season:MM:wed:N` / `match:MM:fri:N`: the N-th weekday of that month (mon … sun);
/// - `EVENT+N` / `EVENT-N`: N days after or before an event projected earlier.
public enum ProjectedDate: Sendable, Equatable {
    /// `inMatchYear` false = the season's year.
    case fixed(inMatchYear: Bool, MonthDay)
    /// weekday: 1 = Monday … 7 = Sunday.
    case nthWeekday(inMatchYear: Bool, month: Int, weekday: Int, nth: Int)
    case relative(event: String, days: Int)

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Parses the notation; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            guard let sign = text.lastIndex(where: { $0 == "+" || $0 == "-" }), sign != text.startIndex,
                  let days = Int(text[sign...]) else { return nil }
            self = .relative(event: String(text[..<sign]), days: days)
            return
        }
        guard ["season", "match"].contains(parts[0]) else { return nil }
        let inMatchYear = parts[0] == "match"
        if parts.count == 2, let monthDay = MonthDay(parts[1]) {
            self = .fixed(inMatchYear: inMatchYear, monthDay)
        } else if parts.count == 4, let month = Int(parts[1]), (1...12).contains(month),
                  let weekday = Self.weekdays.firstIndex(of: parts[2]), let nth = Int(parts[3]), (1...4).contains(nth) {
            self = .nthWeekday(inMatchYear: inMatchYear, month: month, weekday: weekday + 1, nth: nth)
        } else {
            return nil
        }
    }
}
