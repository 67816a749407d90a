/// The starting profile `matchplan init` writes: the few answers that decide the plan, and the
/// commented YAML template around them (every other field present with a neutral value and a
/// comment naming its allowed values, taken from ``ProfileSchema``). The text always passes
/// `matchplan check`.
public enum ProfileStarter {
    /// The answers that decide the plan (match year, stage, degree, Step 1, Step 2 CK, pathway).
    public struct Answers: Sendable, Equatable {
        public var name: String?
        public var matchYear: Int
        public var stage: Profile.Stage?
        public var degree: Profile.Degree?
        public var comlexOnly = false
        /// `pass`, `fail` or a numeric score as written in the profile; nil: not taken yet.
        public var step1: String?
        public var step1Attempts: Int?
        public var step1Date: CalendarDate?
        public var step2ckScore: Int?
        public var step2ckDate: CalendarDate?
        public var practice: [Int] = []
        public var pathway: Profile.Pathway?

        /// Memberwise with only the match year required.
        public init(matchYear: Int, stage: Profile.Stage? = nil) {
            self.matchYear = matchYear
            self.stage = stage
        }

        /// The answers a student who says nothing gets on `today`: the next Match and the stage
        /// that usually goes with it (MS4), an MD with Step 1 passed, applying to both (W3).
        public static func defaults(today: CalendarDate) -> Answers {
            let matchYear = ProfileStarter.nextMatchYear(today: today)
            var answers = Answers(matchYear: matchYear, stage: ProfileStarter.usualStage(matchYear: matchYear, today: today))
            answers.degree = .md
            answers.step1 = "pass"
            answers.step1Attempts = 1
            answers.pathway = .both
            return answers
        }
    }

    /// The Match a student starting now most likely plans for: this year's until April (Match
    /// Day is in March), next year's from April on.
    public static func nextMatchYear(today: CalendarDate) -> Int {
        today.month >= 4 ? today.year + 1 : today.year
    }

    /// D9's reading: the academic year starts July 1 and the season's academic year is MS4.
    public static func usualStage(matchYear: Int, today: CalendarDate) -> Profile.Stage {
        let july = { (year: Int) in CalendarDate(year: year, month: 7, day: 1)! }
        if today >= july(matchYear) { return .graduate }
        if today >= july(matchYear - 1) { return .ms4 }
        if today >= july(matchYear - 2) { return .ms3 }
        if today >= july(matchYear - 3) { return .ms2 }
        return .ms1
    }

    /// The allowed values of a ``ProfileSchema`` choice field, joined with " | ".
    static func choices(_ path: String) -> String {
        guard case .choice(let values)? = ProfileSchema.field(at: path)?.kind else { return "" }
        return values.joined(separator: " | ")
    }

    /// A YAML double-quoted string (the name is the only free text the starter writes).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `key: value` padded so the comments line up, with `# comment`; without a value, the line
    /// is commented out and shows `example`.
    static func line(_ indent: String, _ key: String, _ value: String?, _ comment: String, example: String = "") -> String {
        let body = value.map { "\(indent)\(key): \($0)" } ?? "\(indent)# \(key): \(example)"
        let padded = body.count < 32 ? body + String(repeating: " ", count: 32 - body.count) : body + " "
        return padded + "# " + comment
    }

    /// The commented profile for `answers`, written on `today` to `fileName`.
    public static func yaml(_ answers: Answers, today: CalendarDate, fileName: String) -> String {
        var lines = [
            "# MatchPlan profile, started by `matchplan init` on \(today.description).",
            "# Fill in what you know and leave out what you do not: the plan says what it cannot decide.",
            "# Every field is described in the README (\"Profile format\"). Then:",
            "#   matchplan check \(fileName)",
            "#   matchplan report \(fileName) --out my-report/",
            "",
            line("", "name", answers.name.map(quoted), "optional; shown at the top of your report", example: "Jordan Lee"),
            line("", "match_year", "\(answers.matchYear)", "the year of Match Day (the season is the year before)"),
            line("", "stage", answers.stage?.rawValue, choices("stage"), example: "MS3"),
            line("", "degree", answers.degree?.rawValue, choices("degree"), example: "MD"),
            line("", "comlex_only", answers.comlexOnly ? "true" : "false", "true: a DO applicant without USMLE scores (rule D4)"),
        ]
        if answers.comlexOnly {
            lines.append("# step1, step1_attempts, step1_date and step2ck scores: none for a COMLEX-only applicant")
        } else {
            lines += [
                line("", "step1", answers.step1, "pass | fail | a numeric score (older takers); leave out until taken", example: "pass"),
                line("", "step1_attempts", answers.step1Attempts.map(String.init), "more than one means a fail is on record, even if passed later", example: "1"),
                line("", "step1_date", answers.step1Date?.description, "YYYY-MM-DD; decides a numeric score's passing standard (D11)", example: "2020-03-10"),
            ]
        }
        lines += [
            "step2ck:",
            line("  ", "score", answers.comlexOnly ? nil : answers.step2ckScore.map(String.init), "the reported score (1 to 300); leave out until it is back", example: "248"),
            line("  ", "date", answers.step2ckDate?.description, "the date you took or plan to take Step 2 CK (YYYY-MM-DD)", example: "\(answers.matchYear - 1)-06-28"),
            line("  ", "practice", answers.comlexOnly ? "[]" : "[" + answers.practice.map(String.init).joined(separator: ", ") + "]", "NBME practice scores while the real score is not back (D3)"),
            line("  ", "extra_prep", "false", "true: you want extra preparation time (timing T3)"),
            line("", "clerkships", "", choices("clerkships.internal_medicine")),
            line("  ", "internal_medicine", "pending", "grade once known"),
            line("  ", "surgery", "pending", "grade once known"),
            line("  ", "radiology", "pending", "grade once known"),
            "ir:",
            line("  ", "interest_group", "false", "member of the IR interest group"),
            line("  ", "shadowing", "false", "shadowed in the IR suite"),
            line("  ", "mentor", "false", "has an IR faculty mentor"),
            line("  ", "conferences", "0", "IR case conferences, M&M or tumor boards attended"),
            "research:                       # counts",
            "  ir_abstracts: 0",
            "  ir_posters: 0",
            "  case_reports: 0",
            "  qi_projects: 0",
            "  ir_meeting_presentations: 0",
            "letters:                        # letters of recommendation secured or promised (counts)",
            "  ir: 0",
            "  dr: 0",
            "  core_clerkship: 0",
            "rotations:",
            line("  ", "home_ir", "none", choices("rotations.home_ir")),
            line("  ", "away_ir", "0", "away IR rotations done or booked (count)"),
            line("  ", "sub_internship", "none", "medicine or surgery sub-internship: " + choices("rotations.sub_internship")),
            line("", "pathway", answers.pathway?.rawValue, choices("pathway"), example: "both"),
            "geography:",
            line("  ", "flexible", "true", "false: you limit the search to the regions below"),
            "  regions: []",
            line("", "concerns", "[]", "any of: " + (ProfileSchema.field(at: "concerns").flatMap { field -> String? in
                if case .choiceList(let values) = field.kind { return values.joined(separator: " | ") }
                return nil
            } ?? "")),
            line("", "completed", "[]", "checklist item ids you have done, e.g. [personal-statement]"),
            line("", "match_result", nil, "after Match Week: " + choices("match_result"), example: "matched"),
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
