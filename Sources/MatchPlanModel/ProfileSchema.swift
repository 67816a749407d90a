/// The profile's fields, declared once: the YAML/JSON loader's accepted keys, the roster's CSV
/// columns (a nested key joined with `_`: `step2ck_score`), the `status_from` vocabulary of
/// `rules.yaml` and the README's profile table all come from (or are checked against) this list.
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
        /// A small whole number with its own range (`step1_attempts`).
        case number
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

    /// One field: its key path (`step2ck.score`) and kind.
    public struct Field: Sendable {
        public let path: String
        public let kind: Kind

        /// The CSV column: the key path joined with `_`.
        public var column: String { String(path.map { $0 == "." ? "_" : $0 }) }
        /// The top-level key.
        public var topLevelKey: String { String(path.split(separator: ".")[0]) }
    }

    static func field(_ path: String, _ kind: Kind) -> Field { Field(path: path, kind: kind) }
    static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> [String] where E.RawValue == String {
        type.allCases.map(\.rawValue)
    }

    /// Every field, in the order of the README's table and of `Content/profiles/example.yaml`.
    public static let fields: [Field] = [
        field("id", .text), field("name", .text), field("family_name", .text), field("match_year", .year),
        field("stage", .choice(values(Profile.Stage.self))), field("degree", .choice(values(Profile.Degree.self))),
        field("comlex_only", .bool), field("step1", .step1), field("step1_attempts", .number),
        field("step1_date", .date),
        field("step2ck.score", .score), field("step2ck.date", .date), field("step2ck.practice", .scoreList), field("step2ck.extra_prep", .bool),
        field("clerkships.internal_medicine", .choice(values(Profile.Grade.self))),
        field("clerkships.surgery", .choice(values(Profile.Grade.self))),
        field("clerkships.radiology", .choice(values(Profile.Grade.self))),
        field("ir.interest_group", .bool), field("ir.shadowing", .bool), field("ir.mentor", .bool), field("ir.conferences", .count),
        field("research.ir_abstracts", .count), field("research.ir_posters", .count), field("research.case_reports", .count),
        field("research.qi_projects", .count), field("research.ir_meeting_presentations", .count),
        field("letters.ir", .count), field("letters.dr", .count), field("letters.core_clerkship", .count),
        field("rotations.home_ir", .choice(values(Profile.Progress.self))), field("rotations.away_ir", .count),
        field("rotations.sub_internship", .choice(values(Profile.Progress.self))),
        field("pathway", .choice(values(Profile.Pathway.self))),
        field("geography.flexible", .bool), field("geography.regions", .textList),
        field("concerns", .choiceList(values(Profile.Concern.self))), field("completed", .checklistIDs),
        field("match_result", .choice(values(Profile.MatchResult.self))),
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
