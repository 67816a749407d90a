/// One student's line in a class overview (`index.html` and `summary.csv` of `report --roster`):
/// what the pipeline learned from their plan, or why their row could not be read.
///
/// Small on purpose: a roster keeps one per student until the overview is written (a few
/// hundred bytes each; 100,000 students stay within tens of megabytes).
public struct RosterSummary: Sendable, Equatable {
    /// The report name (`<slug>.html`, `<slug>.md`); nil for a failed row whose id gives none.
    public var slug: String?
    /// The student's id as given (CSV `id` cell, profile `id`, or the profile's file name).
    public var id: String?
    /// The student's name, else their id, else the slug, else the row (`students.csv:5`).
    public var name: String
    /// The name the overview sorts by (``familyName(name:given:)``).
    public var familyName: String
    /// The CSV row (`students.csv:5`) or profile file the student came from (never shown in
    /// `summary.csv`, which names students by id).
    public var source: String
    /// What the plan says; nil when the row failed.
    public var plan: PlanFacts?
    /// Why the row failed (`file:row:column: key: message`); nil when it was planned.
    public var failure: MatchPlanError?
    /// The report kept from an earlier run for a failed row (`<slug>.html`), if any.
    public var keptReport: String?

    /// A planned student.
    public init(slug: String, id: String?, name: String, familyName: String, source: String, plan: PlanFacts) {
        self.slug = slug
        self.id = id
        self.name = name
        self.familyName = familyName
        self.source = source
        self.plan = plan
    }

    /// A student whose row or file failed (loading, the id, the cycle).
    public init(failedRow failure: MatchPlanError, slug: String?, id: String?, name: String?, source: String) {
        self.slug = slug
        self.id = id
        self.name = name ?? id ?? slug ?? source
        self.familyName = Self.familyName(name: name, given: nil) ?? self.name
        self.source = source
        self.failure = failure
    }

    /// The plan's numbers the overview shows, in its units (points, counts, dates).
    public struct PlanFacts: Sendable, Equatable {
        public var matchYear: Int
        public var stage: Profile.Stage?
        /// Reported Step 2 CK score (points), when there is one.
        public var step2ckReported: Int?
        /// The NBME practice range (points) the band is predicted from while no score is reported (D3).
        public var practiceLow: Int?
        public var practiceHigh: Int?
        /// The score the band is computed from (points), for sorting.
        public var scoreUsed: Int?
        public var band: Band
        /// The band whose strategy applies (D2, D8).
        public var scenario: Band
        /// How many red flags the plan raised.
        public var redFlags: Int
        /// How many checklist items are overdue at the plan's today.
        public var overdue: Int
        /// The soonest action of the plan's `actions[]` dated today or later (N2–N5), if any.
        public var nextAction: PlanAction?
        /// The student's own program list, when the profile names one (PL1–PL8).
        public var programList: ListFacts?

        /// The facts of `plan` (computed, not stored, so that a roster keeps no plan in memory).
        public init(_ plan: StrategyPlan) {
            matchYear = plan.matchYear
            stage = plan.stage
            step2ckReported = plan.step2ck.reported
            practiceLow = plan.step2ck.basis == .predicted ? plan.step2ck.practiceLow : nil
            practiceHigh = plan.step2ck.basis == .predicted ? plan.step2ck.practiceHigh : nil
            scoreUsed = plan.step2ck.scoreUsed
            band = plan.band
            scenario = plan.scenario
            redFlags = plan.redFlags.count
            overdue = plan.checklist.filter { $0.status == .overdue }.count
            programList = plan.programList.map(ListFacts.init)
            // The first of the soonest: actions keep the planner's order among equal dates.
            nextAction = plan.actions.reduce(nil) { best, action in
                guard let due = action.due, due >= plan.today else { return best }
                guard let bestDue = best?.due else { return action }
                return due < bestDue ? action : best
            }
        }
    }

    /// A failed row as the overview and standard error list it: `file:row:column: key: message
    /// [id: s2]` (control characters escaped); nil for a planned student.
    public var failureLine: String? {
        guard let failure else { return nil }
        guard let id else { return failure.description }
        return failure.description + " [id: " + PrintableText.escaping(id) + "]"
    }

    /// Where the student stands, for the overview's counts and filter.
    public enum Status: String, CaseIterable, Sendable {
        case onTrack = "On track"
        case overdue = "Overdue items"
        case keptEarlierReport = "Not read; earlier report kept"
        case notRead = "Not read"
    }

    public var status: Status {
        guard let plan else { return keptReport == nil ? .notRead : .keptEarlierReport }
        return plan.overdue > 0 ? .overdue : .onTrack
    }

    /// The family name a class overview sorts by: `given` (the profile's `family_name`) when
    /// set; else the part before a comma ("Lee, Jordan" → "Lee"); else the last word of the name
    /// ("Jordan Lee" → "Lee"); nil without a name.
    public static func familyName(name: String?, given: String?) -> String? {
        if let given, let family = trimmed(given[...]) { return String(family) }
        guard let name, let whole = trimmed(name[...]) else { return nil }
        // Scans Unicode scalars (a roster computes this once per student; Character-wise
        // trimming cost more than the rest of the summary).
        let scalars = whole.unicodeScalars
        if let comma = scalars.firstIndex(of: ","), let before = trimmed(Substring(scalars[..<comma])) { return String(before) }
        guard let space = scalars.lastIndex(where: isSpace) else { return String(whole) }
        return String(Substring(scalars[scalars.index(after: space)...]))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    /// `text` without leading and trailing white space; nil when nothing is left.
    private static func trimmed(_ text: Substring) -> Substring? {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return nil }
        return Substring(scalars[first...last])
    }

    /// Overview order: family name, then the whole name, then id and source (so equal names
    /// keep one order whatever order the rows came in), case-insensitive.
    public static func sortedByFamilyName(_ students: [RosterSummary]) -> [RosterSummary] {
        students.map { (key: [$0.familyName.lowercased(), $0.name.lowercased(), $0.id ?? "", $0.source], student: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.student)
    }
}
