/// The thresholds, counts and date rules the plan is computed from, loaded from
/// `Content/rules.yaml` so a school can change them without code.
///
/// Each field names the rule id it carries; docs/rules.md lists every id and where it is implemented.
public struct Rules: Sendable {
    /// Every rule id in docs/rules.md; what pages and checklist items may cite.
    public var ruleIDs: Set<String>
    /// D8: valid reported scores, points (1…300).
    public var scoreScale: ClosedRange<Int>
    /// B1–B4, highest minimum first.
    public var bands: [BandRule]
    /// D1: points from a boundary that count as near it.
    public var nearBoundaryPoints: Int
    /// D2 / S1.2: Step 2 CK (points) at or above which a post-fail score is framed as recovery.
    public var recoveryScore: Int
    /// W3: below this Step 2 CK (points), applying to both IR and DR is strongly advised.
    public var bothPathwaysStronglyBelow: Int
    /// D10 / S0.1: a numeric Step 1 below this (points) counts as having struggled.
    public var step1StruggleBelow: Int
    /// L1–L3, highest minimum first.
    public var listSizes: [ListSizeRule]
    /// T1–T4 with D7's calendar reading.
    public var timing: TimingRules
    /// TL1–TL7 phases and dated events.
    public var timeline: [TimelineRule]
    /// Checklist items (H, B, W, TL, S, P, SG rules).
    public var checklist: [ChecklistRule]
    /// D11: historical numeric Step 1 passing standards, oldest first.
    public var step1PassingStandards: [Step1Standard]
    /// D8 / D10: weeks of targeted remediation before a sensible Step 2 CK retake.
    public var retakeWeeks: Int
    /// D5 / T4: days needed to book a Step 2 CK sitting (the least bad date is today plus this).
    public var bookingLeadDays: Int
    /// SG2: percent of the gold and silver signals to spend on integrated IR, by scenario, when
    /// IR and DR share one pool and the student applies to both (MatchPlan's advice).
    public var signalSplitIRPercent: [Band: Int]
    /// D14: how to project a cycle the content has no file for.
    public var cycleProjection: CycleProjectionRules
    /// D12: the DR count floor for a DR-only applicant in some scenarios (nil: none).
    public var drOnlyFloor: DROnlyFloor? = nil
    /// D9: from this month-day of the year before the usual July 1 start, a stage one ahead
    /// is accepted too (schools that start the next year in May or June).
    public var stageEarlyStart: MonthDay? = nil
    /// D3 / T1: days before the latest recommended date from which a student with no Step 2 CK
    /// date is told to book one now (nil: never).
    public var bookReminderDays: Int? = nil
    /// D9: the day the academic year, and each stage with it, starts (`school_year_start`;
    /// the loader requires it, the value here only serves rules built in code).
    public var schoolYearStart = MonthDay(month: 7, day: 1)
    /// D21: the cautious scenarios (`cautious_scenarios`; required by the loader): DR stays in
    /// an IR-only applicant's list (D18), geography weighs (G1, G2) and some signals go to DR
    /// with ESIR (SG2).
    public var cautiousScenarios: [Band] = [.borderline, .low]

    /// D12: DR-only applicants in `scenarios` apply to at least `diagnosticRadiology` DR programs.
    public struct DROnlyFloor: Sendable, Equatable {
        public var scenarios: [Band]
        public var diagnosticRadiology: CountRange
        public var source: String
        /// D12: the floor also applies to a Step 2 CK below this (DR's matched applicants'
        /// average), whatever the scenario (nil: by scenario only).
        public var belowScore: Int? = nil

        /// Memberwise (public: the loaders are another target).
        public init(scenarios: [Band], diagnosticRadiology: CountRange, source: String, belowScore: Int? = nil) {
            self.scenarios = scenarios
            self.belowScore = belowScore
            self.diagnosticRadiology = diagnosticRadiology
            self.source = source
        }
    }

    /// One band row: scores at or above `minimum` (points) fall in `band` unless a higher row matches.
    public struct BandRule: Sendable, Equatable {
        public var rule: String
        public var band: Band
        public var minimum: Int

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(rule: String, band: Band, minimum: Int) {
            self.rule = rule
            self.band = band
            self.minimum = minimum
        }
    }

    /// One list-size row (L1–L3): program counts for scores at or above `minimum` (points).
    public struct ListSizeRule: Sendable, Equatable {
        public var rule: String
        public var minimum: Int
        public var integratedIR: CountRange
        public var diagnosticRadiology: CountRange
        /// True for L2, this project's own interpolation between the source's two rows.
        public var interpolated: Bool

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(rule: String, minimum: Int, integratedIR: CountRange, diagnosticRadiology: CountRange, interpolated: Bool) {
            self.rule = rule
            self.minimum = minimum
            self.integratedIR = integratedIR
            self.diagnosticRadiology = diagnosticRadiology
            self.interpolated = interpolated
        }
    }

    /// An inclusive range of program counts.
    public struct CountRange: Sendable, Equatable, Codable {
        public var min: Int
        public var max: Int

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(min: Int, max: Int) {
            self.min = min
            self.max = max
        }
    }

    /// Step 2 CK timing windows, as month-days in the season's year (D7).
    public struct TimingRules: Sendable, Equatable {
        /// T1 window opens ("late June").
        public var t1Earliest: MonthDay
        /// Latest recommended sitting date per scenario: T1, T2, T3.
        public var latest: [TimingScenario: MonthDay]
        /// T4: a sitting after this date is "late September or later".
        public var lateAfter: MonthDay

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(t1Earliest: MonthDay, latest: [TimingScenario: MonthDay], lateAfter: MonthDay) {
            self.t1Earliest = t1Earliest
            self.latest = latest
            self.lateAfter = lateAfter
        }
    }

    public struct TimelineRule: Sendable, Equatable {
        public var id: String
        public var rule: String
        public var title: String
        public var start: DateSpec
        public var end: DateSpec?

        /// Memberwise (public: the loaders and the planner are other targets).
        public init(id: String, rule: String, title: String, start: DateSpec, end: DateSpec? = nil) {
            self.id = id
            self.rule = rule
            self.title = title
            self.start = start
            self.end = end
        }
    }

    /// Memberwise (public: the loaders and the planner are other targets).
    public init(ruleIDs: Set<String>, scoreScale: ClosedRange<Int>, bands: [BandRule], nearBoundaryPoints: Int, recoveryScore: Int, bothPathwaysStronglyBelow: Int, step1StruggleBelow: Int, listSizes: [ListSizeRule], timing: TimingRules, timeline: [TimelineRule], checklist: [ChecklistRule],
                step1PassingStandards: [Step1Standard], retakeWeeks: Int, bookingLeadDays: Int,
                signalSplitIRPercent: [Band: Int], cycleProjection: CycleProjectionRules) {
        self.ruleIDs = ruleIDs
        self.scoreScale = scoreScale
        self.bands = bands
        self.nearBoundaryPoints = nearBoundaryPoints
        self.recoveryScore = recoveryScore
        self.bothPathwaysStronglyBelow = bothPathwaysStronglyBelow
        self.step1StruggleBelow = step1StruggleBelow
        self.listSizes = listSizes
        self.timing = timing
        self.timeline = timeline
        self.checklist = checklist
        self.step1PassingStandards = step1PassingStandards
        self.retakeWeeks = retakeWeeks
        self.bookingLeadDays = bookingLeadDays
        self.signalSplitIRPercent = signalSplitIRPercent
        self.cycleProjection = cycleProjection
    }
}

/// T1, T2 or T3 (D10).
public enum TimingScenario: String, CaseIterable, Sendable, Codable {
    case t1 = "T1", t2 = "T2", t3 = "T3"
}

/// A month and day with no year (`MM-DD`), placed in a year by the plan.
public struct MonthDay: Sendable, Equatable, Hashable {
    public var month: Int
    public var day: Int

    /// A month-day known to exist (the defaults of ``Rules``).
    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`; nil when malformed or impossible in a leap year.
    public init?(_ text: String) {
        guard let date = CalendarDate(iso: "2024-\(text)") else { return nil }
        month = date.month
        day = date.day
    }

    /// This month-day in `year` (February 29 falls back to February 28 in common years).
    public func inYear(_ year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day) ?? CalendarDate(year: year, month: month, day: day - 1)!
    }
}

/// A date written relative to the cycle in `rules.yaml`: `season:MM-DD`, `season-1:MM-DD`,
/// `match:MM-DD`, `event:ID`, `timing:latest`, `timing:step1_retake` or `timing:step1_remediation`.
public enum DateSpec: Sendable, Equatable {
    /// `yearsBefore` years before the season's year (0 = the season's year).
    case season(yearsBefore: Int, MonthDay)
    case match(MonthDay)
    case event(String)
    /// The latest recommended Step 2 CK date for the student's timing scenario (D7).
    case timingLatest
    /// S1.1 / D19: the target date for a Step 1 retake not yet passed (`timing:step1_retake`).
    case step1Retake
    /// P3 / D19: when the remediation plan for a Step 1 retake is due (`timing:step1_remediation`):
    /// the failing result's date, never after the retake.
    case step1Remediation

    /// Parses the notation; nil when malformed.
    public init?(_ text: String) {
        if text == "timing:latest" { self = .timingLatest; return }
        if text == "timing:step1_retake" { self = .step1Retake; return }
        if text == "timing:step1_remediation" { self = .step1Remediation; return }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let head = text[..<colon], tail = String(text[text.index(after: colon)...])
        if head == "event" {
            guard !tail.isEmpty else { return nil }
            self = .event(tail)
            return
        }
        guard let monthDay = MonthDay(tail) else { return nil }
        switch head {
        case "match": self = .match(monthDay)
        case "season": self = .season(yearsBefore: 0, monthDay)
        case "season-1": self = .season(yearsBefore: 1, monthDay)
        case "season-2": self = .season(yearsBefore: 2, monthDay)
        case "season-3": self = .season(yearsBefore: 3, monthDay)
        default: return nil
        }
    }
}

/// Profile fields a checklist item may read its status from.
public enum ProfileField: String, CaseIterable, Sendable {
    case irInterestGroup = "ir.interest_group", irShadowing = "ir.shadowing", irMentor = "ir.mentor"
    case irConferences = "ir.conferences"
    case researchIRAbstracts = "research.ir_abstracts", researchIRPosters = "research.ir_posters"
    case researchCaseReports = "research.case_reports", researchQIProjects = "research.qi_projects"
    case researchIRMeetingPresentations = "research.ir_meeting_presentations"
    case lettersIR = "letters.ir", lettersDR = "letters.dr", lettersCoreClerkship = "letters.core_clerkship"
    case rotationsHomeIR = "rotations.home_ir", rotationsAwayIR = "rotations.away_ir"
    case rotationsSubInternship = "rotations.sub_internship"
}
