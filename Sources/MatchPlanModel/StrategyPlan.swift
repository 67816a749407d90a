/// The computed strategy for one student: everything the report shows that depends on the
/// profile. Produced by ``Planner`` (pure), encoded as JSON by `matchplan plan` with
/// snake_case keys in sorted order.
public struct StrategyPlan: Sendable, Equatable, Codable {
    public var name: String?
    /// Year of Match Day.
    public var matchYear: Int
    /// The application season's year (Match Day's year minus one).
    public var seasonYear: Int
    /// The date that decided past, current, due and overdue.
    public var today: CalendarDate
    public var stage: Profile.Stage?
    /// Step 2 CK band from the score used (B1–B4), or unknown (D3).
    public var band: Band
    /// Rule id of ``band`` (B1–B4), or D3/D4 when unknown.
    public var bandRule: String
    /// The band whose strategy applies: ``band`` except after a Step 1 fail (D2) or a Step 2 CK fail (D8), which apply `low`.
    public var scenario: Band
    public var scenarioRule: String
    public var step2ck: Step2CKSummary
    /// Conditions that hold for this student; they select content pages and checklist items.
    public var conditions: [String]
    public var redFlags: [Finding]
    public var warnings: [Finding]
    public var list: ListPlan
    public var pathway: PathwayPlan
    public var timing: TimingPlan
    public var checklist: [ChecklistItem]
    public var timeline: [TimelineEvent]
    public var signals: SignalsPlan
    /// What to do now (N1–N5), computed last from the rest of the plan.
    public var actions: [PlanAction] = []
    /// How the plan moves at other Step 2 CK scores (WI1), computed from the rest of the plan.
    public var whatIf: [WhatIfRow] = []
    /// PL1–PL8: the audit of the student's own program list, when one was given.
    public var programList: ProgramListResult? = nil

    enum CodingKeys: String, CodingKey {
        case name, matchYear = "match_year", seasonYear = "season_year", today, stage, band, bandRule = "band_rule"
        case scenario, scenarioRule = "scenario_rule", step2ck, conditions, redFlags = "red_flags", warnings, list
        case pathway, timing, checklist, timeline, signals, actions, whatIf = "what_if", programList = "program_list"
    }

    /// The Step 2 CK numbers behind the band (points; dates as YYYY-MM-DD).
    public struct Step2CKSummary: Sendable, Equatable, Codable {
        /// The score the band is computed from: the reported score, or the low end of the practice range (D3).
        public var scoreUsed: Int?
        public var basis: ScoreBasis
        public var reported: Int?
        public var practiceLow: Int?
        public var practiceHigh: Int?
        public var date: CalendarDate?
        /// D8: the cycle's passing score.
        public var passingScore: Int
        /// D1: set when ``scoreUsed`` is within the rules' distance of a band boundary.
        public var nearBoundary: NearBoundary?
        /// D2: a Step 2 CK at or above the recovery score after a Step 1 fail.
        public var recovery: Bool
        /// D20: sat, awaiting a score, score overdue, reported, failed: the one source of truth.
        public var state: Step2CKState = .notPlanned

        enum CodingKeys: String, CodingKey {
            case scoreUsed = "score_used", basis, reported, practiceLow = "practice_low", practiceHigh = "practice_high"
            case date, passingScore = "passing_score", nearBoundary = "near_boundary", recovery, state
        }

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(scoreUsed: Int? = nil, basis: ScoreBasis, reported: Int? = nil, practiceLow: Int? = nil, practiceHigh: Int? = nil, date: CalendarDate? = nil, passingScore: Int, nearBoundary: NearBoundary? = nil, recovery: Bool) {
            self.scoreUsed = scoreUsed
            self.basis = basis
            self.reported = reported
            self.practiceLow = practiceLow
            self.practiceHigh = practiceHigh
            self.date = date
            self.passingScore = passingScore
            self.nearBoundary = nearBoundary
            self.recovery = recovery
        }
    }

    /// D1: the boundary a score is near and the two bands on either side.
    public struct NearBoundary: Sendable, Equatable, Codable {
        public var rule: String
        /// The boundary score (lowest score of the upper band), points.
        public var boundary: Int
        /// Lower band first, then upper band.
        public var neighbours: [Band]

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(rule: String, boundary: Int, neighbours: [Band]) {
            self.rule = rule
            self.boundary = boundary
            self.neighbours = neighbours
        }
    }

    /// How many programs to apply to (L1–L3, D6), and which picks advice applies.
    public struct ListPlan: Sendable, Equatable, Codable {
        /// L1, L2 or L3; nil while the band is unknown.
        public var rule: String?
        public var integratedIR: Rules.CountRange?
        public var diagnosticRadiology: Rules.CountRange?
        /// True for L2 (this project's interpolation).
        public var interpolated: Bool
        /// Rule ids of the picks advice that applies (L1.1, L3.1, G1, G2).
        public var adviceRules: [String]

        enum CodingKeys: String, CodingKey {
            case rule, integratedIR = "integrated_ir", diagnosticRadiology = "diagnostic_radiology", interpolated, adviceRules = "advice_rules"
        }

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(rule: String? = nil, integratedIR: Rules.CountRange? = nil, diagnosticRadiology: Rules.CountRange? = nil, interpolated: Bool, adviceRules: [String]) {
            self.rule = rule
            self.integratedIR = integratedIR
            self.diagnosticRadiology = diagnosticRadiology
            self.interpolated = interpolated
            self.adviceRules = adviceRules
        }
    }

    /// W1–W3: the chosen pathway and whether applying to both is advised.
    public struct PathwayPlan: Sendable, Equatable, Codable {
        public var chosen: Profile.Pathway?
        /// W3: both is sensible for everyone; strongly advised below 240 or with other concerns.
        public var bothStronglyAdvised: Bool
        public var rule: String

        enum CodingKeys: String, CodingKey {
            case chosen, bothStronglyAdvised = "both_strongly_advised", rule
        }

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(chosen: Profile.Pathway? = nil, bothStronglyAdvised: Bool, rule: String) {
            self.chosen = chosen
            self.bothStronglyAdvised = bothStronglyAdvised
            self.rule = rule
        }
    }

    /// Step 2 CK timing (T1–T4, D5, D7, D10).
    public struct TimingPlan: Sendable, Equatable, Codable {
        public var scenario: TimingScenario
        /// Why this scenario applies (D10), one sentence.
        public var reason: String
        /// T1 only: the window opens (late June).
        public var windowStart: CalendarDate?
        /// D7: the latest recommended sitting date.
        public var latestDate: CalendarDate
        /// T4: sitting after this date is late.
        public var lateAfter: CalendarDate
        /// The profile's Step 2 CK date, taken or planned.
        public var sittingDate: CalendarDate?
        /// T5: sitting date plus the cycle's reporting weeks.
        public var expectedScoreDate: CalendarDate?
        /// The cycle's date when programs may start reviewing applications.
        public var programsReview: CalendarDate
        public var reportingWeeks: Int
        /// D8 / D10: after a failed Step 2 CK, the earliest sensible retake date (after targeted remediation).
        public var retakeEarliest: CalendarDate?
        /// S1.1 / D19: Step 1 not yet passed: the date to aim to have sat the retake by.
        public var step1RetakeTarget: CalendarDate? = nil

        enum CodingKeys: String, CodingKey {
            case scenario, reason, windowStart = "window_start", latestDate = "latest_date", lateAfter = "late_after"
            case sittingDate = "sitting_date", expectedScoreDate = "expected_score_date", programsReview = "programs_review"
            case reportingWeeks = "reporting_weeks", retakeEarliest = "retake_earliest"
            case step1RetakeTarget = "step1_retake_target"
        }

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(scenario: TimingScenario, reason: String, windowStart: CalendarDate? = nil, latestDate: CalendarDate, lateAfter: CalendarDate, sittingDate: CalendarDate? = nil, expectedScoreDate: CalendarDate? = nil, programsReview: CalendarDate, reportingWeeks: Int,
                    retakeEarliest: CalendarDate? = nil, step1RetakeTarget: CalendarDate? = nil) {
            self.step1RetakeTarget = step1RetakeTarget
            self.scenario = scenario
            self.reason = reason
            self.windowStart = windowStart
            self.latestDate = latestDate
            self.lateAfter = lateAfter
            self.sittingDate = sittingDate
            self.expectedScoreDate = expectedScoreDate
            self.programsReview = programsReview
            self.reportingWeeks = reportingWeeks
            self.retakeEarliest = retakeEarliest
        }
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case done, inProgress = "in_progress", todo, overdue
        /// D16: left unfinished when the Match closed it; nothing more to do.
        case closed

        /// The status as a class name or anchor: the raw value with hyphens (`in-progress`).
        public var slug: String {
            switch self {
            case .done: "done"
            case .inProgress: "in-progress"
            case .todo: "todo"
            case .overdue: "overdue"
            case .closed: "closed"
            }
        }

        /// Words shown next to the item (status is never shown by colour alone).
        public var label: String {
            switch self {
            case .done: "Done"
            case .inProgress: "In progress"
            case .todo: "To do"
            case .overdue: "Overdue"
            case .closed: "Closed"
            }
        }
    }

    public struct ChecklistItem: Sendable, Equatable, Codable {
        public var id: String
        public var rule: String
        public var text: String
        public var status: Status
        public var due: CalendarDate?
        /// How sure ``due`` is when it is a date of the cycle's calendar (`event:`), or the
        /// student's own sitting (official); nil for MatchPlan's own recommended dates. Absent in
        /// the JSON when nil.
        public var dueConfidence: Cycle.Confidence?

        enum CodingKeys: String, CodingKey {
            case id, rule, text, status, due, dueConfidence = "due_confidence"
        }

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(id: String, rule: String, text: String, status: Status, due: CalendarDate? = nil, dueConfidence: Cycle.Confidence? = nil) {
            self.id = id
            self.rule = rule
            self.text = text
            self.status = status
            self.due = due
            self.dueConfidence = dueConfidence
        }
    }

    public enum TimelineStatus: String, Sendable, Codable {
        case past, current, upcoming
    }

    public struct TimelineEvent: Sendable, Equatable, Codable {
        public var id: String
        public var rule: String
        public var title: String
        /// Start date (the only date of a one-day event).
        public var date: CalendarDate
        /// Last day of a phase; nil for a one-day event.
        public var end: CalendarDate?
        public var status: TimelineStatus
        /// How sure the date is: a cycle event's own confidence; `projected` for the rules'
        /// phases (MatchPlan's reading of the calendar); `official` for the student's own date.
        public var confidence: Cycle.Confidence
        /// S0.4 / D14: a cycle date that is not official and still ahead, so the report says
        /// "verify"; once past, no longer marked.
        public var verify: Bool

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(id: String, rule: String, title: String, date: CalendarDate, end: CalendarDate? = nil, status: TimelineStatus,
                    confidence: Cycle.Confidence, verify: Bool) {
            self.id = id
            self.rule = rule
            self.title = title
            self.date = date
            self.end = end
            self.status = status
            self.confidence = confidence
            self.verify = verify
        }
    }

    /// Memberwise (public: the loaders and the planner are other targets).
    public init(name: String? = nil, matchYear: Int, seasonYear: Int, today: CalendarDate, stage: Profile.Stage? = nil, band: Band, bandRule: String, scenario: Band, scenarioRule: String, step2ck: Step2CKSummary, conditions: [String], redFlags: [Finding], warnings: [Finding], list: ListPlan, pathway: PathwayPlan, timing: TimingPlan, checklist: [ChecklistItem], timeline: [TimelineEvent], signals: SignalsPlan) {
        self.name = name
        self.matchYear = matchYear
        self.seasonYear = seasonYear
        self.today = today
        self.stage = stage
        self.band = band
        self.bandRule = bandRule
        self.scenario = scenario
        self.scenarioRule = scenarioRule
        self.step2ck = step2ck
        self.conditions = conditions
        self.redFlags = redFlags
        self.warnings = warnings
        self.list = list
        self.pathway = pathway
        self.timing = timing
        self.checklist = checklist
        self.timeline = timeline
        self.signals = signals
    }
}
