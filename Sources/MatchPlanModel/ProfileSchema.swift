/// The profile's fields, declared once: the YAML/JSON loader's accepted keys, the type check of
/// each value and where it goes in ``Profile`` (each row's ``Field/set``), the roster's CSV
/// columns (a nested key joined with `_`: `step2ck_score`), the `status_from` vocabulary of
/// `rules.yaml`, `matchplan init`'s questions and the README's profile table all come from (or
/// are checked against) this list. A new field is a row here and a property on ``Profile``.
public enum ProfileSchema {
    /// What a field holds.
    public enum Kind: Sendable, Equatable {
        /// Free text.
        case text
        /// A year (`match_year`).
        case year
        /// `true` or `false`.
        case bool
        /// A whole number from 0 (research output, letters, conferences).
        case count
        /// A small whole number in its own range (`step1_attempts`: 1 to 9).
        case number(ClosedRange<Int>)
        /// A reported score on the rules' score scale (D8).
        case score
        /// `YYYY-MM-DD`.
        case date
        /// `pass`, `fail` or a score.
        case step1
        /// One of the values.
        case choice([String])
        /// A list of the values.
        case choiceList([String])
        /// A list of scores.
        case scoreList
        /// A list of free text.
        case textList
        /// A list of checklist item ids from `rules.yaml`.
        case checklistIDs

        /// Whether a CSV cell of this kind holds a list (`a;b;c`).
        public var isList: Bool {
            switch self {
            case .choiceList, .scoreList, .textList, .checklistIDs: true
            default: false
            }
        }
    }

    /// One field: its key path (`step2ck.score`), kind, and where a value read for it goes.
    public struct Field: Sendable {
        public let path: String
        public let kind: Kind
        /// Whether every profile must have it (`match_year`).
        public let isRequired: Bool
        /// Puts a value of this field's kind (``Value``), already checked by the loader, into a
        /// profile. Built by the row helpers (``ProfileSchema/text(_:_:)`` …) from a key path.
        public let set: @Sendable (inout Profile, Value) -> Void

        /// The CSV column: the key path joined with `_`.
        public var column: String { String(path.map { $0 == "." ? "_" : $0 }) }
        /// The top-level key.
        public var topLevelKey: String { String(path.split(separator: ".")[0]) }
    }

    /// Every field, in the order of the README's table and of `Content/profiles/example.yaml`
    /// (the row helpers are in `ProfileSchema+Rows.swift`).
    public static let fields: [Field] = [
        text("id", \.id), text("name", \.name), text("family_name", \.familyName), year("match_year", \.matchYear),
        choice("stage", \.stage), choice("degree", \.degree),
        bool("comlex_only", \.comlexOnly), step1("step1", \.step1), number("step1_attempts", 1...9, \.step1Attempts),
        date("step1_date", \.step1Date),
        score("step2ck.score", \.step2ck.score), date("step2ck.date", \.step2ck.date), scores("step2ck.practice", \.step2ck.practice),
        bool("step2ck.extra_prep", \.step2ck.extraPrep),
        choice("clerkships.internal_medicine", \.clerkships.internalMedicine),
        choice("clerkships.surgery", \.clerkships.surgery),
        choice("clerkships.radiology", \.clerkships.radiology),
        bool("ir.interest_group", \.ir.interestGroup), bool("ir.shadowing", \.ir.shadowing), bool("ir.mentor", \.ir.mentor),
        count("ir.conferences", \.ir.conferences),
        count("research.ir_abstracts", \.research.irAbstracts), count("research.ir_posters", \.research.irPosters),
        count("research.case_reports", \.research.caseReports), count("research.qi_projects", \.research.qiProjects),
        count("research.ir_meeting_presentations", \.research.irMeetingPresentations),
        count("letters.ir", \.letters.ir), count("letters.dr", \.letters.dr), count("letters.core_clerkship", \.letters.coreClerkship),
        choice("rotations.home_ir", \.rotations.homeIR), count("rotations.away_ir", \.rotations.awayIR),
        choice("rotations.sub_internship", \.rotations.subInternship),
        choice("pathway", \.pathway),
        bool("geography.flexible", \.geography.flexible), texts("geography.regions", \.geography.regions),
        choices("concerns", \.concerns), checklistIDs("completed", \.completed),
        choice("match_result", \.matchResult),
        text("programs", \.programs),
    ]

    /// Keys accepted at the top level, in order.
    public static let topLevelKeys: [String] = fields.reduce(into: []) { keys, field in
        if keys.last != field.topLevelKey { keys.append(field.topLevelKey) }
    }

    /// Keys accepted inside the mapping `group` (`step2ck` → `score`, `date`, …), in order;
    /// empty for a key that is not a mapping.
    public static func keys(under group: String) -> [String] {
        nestedKeys[group] ?? []
    }

    private static let nestedKeys: [String: [String]] = fields.reduce(into: [:]) { keys, field in
        let parts = field.path.split(separator: ".", maxSplits: 1)
        if parts.count == 2 { keys[String(parts[0]), default: []].append(String(parts[1])) }
    }

    /// Top-level keys that are mappings, longest first (so a column's group is found by prefix).
    public static let groups: [String] = topLevelKeys.filter { !keys(under: $0).isEmpty }.sorted { $0.count > $1.count }

    /// Every roster column, in order.
    public static let columns: [String] = fields.map(\.column)

    /// Roster columns whose cell holds a list.
    public static let listColumns: Set<String> = Set(fields.filter(\.kind.isList).map(\.column))

    /// The field at `path`, if any.
    public static func field(at path: String) -> Field? {
        fields.first { $0.path == path }
    }
}
