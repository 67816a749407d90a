/// The checklist's rules (`checklist:` in `rules.yaml`): one item each, and how its status is
/// read from the profile. See `ChecklistBuilder` in the plan stage.
extension Rules {
    public struct ChecklistRule: Sendable, Equatable {
        public var id: String
        public var rule: String
        public var text: String
        public var statusSource: StatusSource
        /// Count at which a count-based item is done.
        public var target: Int
        public var due: DateSpec?
        /// Applies when any holds; empty = always.
        public var when: [Condition]
        /// Left out when any holds (D4: no USMLE items for COMLEX-only applicants).
        public var unless: [Condition]
        /// D4: advice to consider, never flagged overdue.
        public var advisory: Bool
        /// D16: an item for after Match Day (not closed when the Match is over).
        public var afterMatch: Bool
        /// D16: a window (SOAP): once its due date has passed it is closed, never overdue.
        public var window: Bool = false
        /// B9 / D15: application work that cannot be done once its date (programs start review)
        /// has passed: an open item is then closed, not overdue, and reads this text ("confirm …").
        public var pastText: String? = nil
        /// TL6 / D9: rotations, research, IR exposure: once programs begin reviewing, an open item is
        /// closed as past for this season, never overdue (letters are not: they can still be uploaded).
        public var pastAtReview: Bool = false

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(id: String, rule: String, text: String, statusSource: StatusSource, target: Int, due: DateSpec? = nil,
                    when: [Condition], unless: [Condition] = [], advisory: Bool = false, afterMatch: Bool = false) {
            self.id = id
            self.rule = rule
            self.text = text
            self.statusSource = statusSource
            self.target = target
            self.due = due
            self.when = when
            self.unless = unless
            self.advisory = advisory
            self.afterMatch = afterMatch
        }
    }

    /// How a checklist item's status is derived from the profile.
    public enum StatusSource: Sendable, Equatable {
        /// One or more profile fields (counts are summed; a single flag or progress field is read as is).
        case fields([ProfileField])
        case step1, step2ck, pathwayBoth, pathwayESIR
        /// Only the profile's `completed:` list decides.
        case manual
    }
}
