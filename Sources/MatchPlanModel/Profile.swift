/// One applicant's profile: the facts the plan is computed from.
///
/// Loaded from YAML or JSON by ``ProfileLoader`` (same keys in both; see the README's
/// "Profile format"). Only ``matchYear`` is required; everything else may be unknown, and the
/// plan says what it cannot decide. Scores are USMLE points; counts are whole numbers ≥ 0.
public struct Profile: Equatable, Sendable {
    /// Optional stable identifier (used to name a student's folder in rosters).
    public var id: String?
    /// Display name; escaped wherever it is shown.
    public var name: String?
    /// The family name the class overview sorts by, when the last word of ``name`` is not it
    /// ("de la Cruz", a family name written first); escaped wherever it is shown.
    public var familyName: String?
    /// Calendar year of Match Day (the application season is the year before).
    public var matchYear: Int
    public var stage: Stage?
    public var degree: Degree?
    /// A DO applicant without USMLE scores (rule D4).
    public var comlexOnly: Bool = false
    public var step1: Step1Result?
    /// Number of Step 1 attempts; more than one means a fail is on record (S1.2).
    public var step1Attempts: Int?
    /// Date of the (last) numeric Step 1 sitting; decides which passing standard applied (D11).
    public var step1Date: CalendarDate?
    /// The Match outcome, once known (D16).
    public var matchResult: MatchResult?
    public var step2ck = Step2CK()
    public var clerkships = Clerkships()
    public var ir = IRInvolvement()
    public var research = Research()
    public var letters = Letters()
    public var rotations = Rotations()
    public var pathway: Pathway?
    public var geography = Geography()
    public var concerns: [Concern] = []
    /// Checklist item ids the student marks as done by hand (for items no profile field decides).
    public var completed: [String] = []
    /// PL1–PL8: the student's own program list (CSV), a path relative to the profile (or roster).
    public var programs: String?

    public init(matchYear: Int) {
        self.matchYear = matchYear
    }

    /// Where the student is in school.
    public enum Stage: String, CaseIterable, Sendable, Codable {
        case ms1 = "MS1", ms2 = "MS2", ms3 = "MS3", ms4 = "MS4", graduate
    }

    public enum Degree: String, CaseIterable, Sendable, Codable {
        case md = "MD", d0 = "DO"
    }

    /// Step 1 outcome: pass/fail, or a numeric score for older takers (S1.4).
    public enum Step1Result: Equatable, Sendable {
        case pass
        case fail
        /// Three-digit score, 1…300 points.
        case score(Int)
    }

    /// Step 2 CK: the reported score, or the plan to sit it.
    public struct Step2CK: Equatable, Sendable {
        /// Reported score, 1…300 points; nil when not taken yet.
        public var score: Int?
        /// Date taken or planned.
        public var date: CalendarDate?
        /// NBME practice scores (points), used while no score is reported (D3).
        public var practice: [Int] = []
        /// The student asks for extra preparation time (D10 → T3).
        public var extraPrep: Bool = false
        public init() {}
    }

    /// Core clerkship grades.
    public struct Clerkships: Equatable, Sendable {
        public var internalMedicine: Grade?
        public var surgery: Grade?
        public var radiology: Grade?
        public init() {}
    }

    public enum Grade: String, CaseIterable, Sendable {
        case honors, highPass = "high_pass", pass, fail, pending
    }

    public struct IRInvolvement: Equatable, Sendable {
        public var interestGroup = false
        public var shadowing = false
        public var mentor = false
        /// IR conferences, case conferences or meetings attended (count).
        public var conferences = 0
        public init() {}
    }

    /// Scholarly work, counts of items.
    public struct Research: Equatable, Sendable {
        public var irAbstracts = 0
        public var irPosters = 0
        public var caseReports = 0
        public var qiProjects = 0
        public var irMeetingPresentations = 0
        public init() {}
    }

    /// Letters of recommendation secured or promised (counts).
    public struct Letters: Equatable, Sendable {
        public var ir = 0
        public var dr = 0
        public var coreClerkship = 0
        public init() {}
    }

    public struct Rotations: Equatable, Sendable {
        public var homeIR: Progress?
        /// Away IR rotations done or booked (count).
        public var awayIR = 0
        /// Medicine or surgery sub-internship (H1).
        public var subInternship: Progress?
        public init() {}
    }

    /// done | planned | none.
    public enum Progress: String, CaseIterable, Sendable {
        case done, planned, notPlanned = "none"
    }

    public enum Pathway: String, CaseIterable, Sendable, Codable {
        case integratedIR = "integrated_ir", drESIR = "dr_esir", both
    }

    public struct Geography: Equatable, Sendable {
        public var flexible: Bool?
        public var regions: [String] = []
        public init() {}
    }

    /// matched | unmatched (D16).
    public enum MatchResult: String, CaseIterable, Sendable, Codable {
        case matched, unmatched
    }

    public enum Concern: String, CaseIterable, Sendable, Codable {
        case leaveOfAbsence = "leave_of_absence", courseFailure = "course_failure", professionalism, other
    }
}
