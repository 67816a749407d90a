/// The rows of ``ProfileSchema/fields``: each helper pairs a key path in the profile file with
/// the ``Profile`` property its value goes to, so the kind, the allowed values and the
/// conversion come from the property's type and cannot drift apart.
extension ProfileSchema {
    /// A value the loader read and checked for a field, before it goes into a ``Profile``.
    public enum Value: Sendable, Equatable {
        /// Text, or a choice's value as spelled in ``Kind/choice(_:)`` (`MS3`, `high_pass`).
        case text(String)
        /// A year, count, number or score.
        case number(Int)
        case bool(Bool)
        case date(CalendarDate)
        case step1(Profile.Step1Result)
        /// A list of text, choices or checklist ids.
        case texts([String])
        /// A list of scores.
        case numbers([Int])
    }

    typealias Path<T> = WritableKeyPath<Profile, T> & Sendable

    static func row(_ path: String, _ kind: Kind, required: Bool = false,
                    _ set: @escaping @Sendable (inout Profile, Value) -> Void) -> Field {
        Field(path: path, kind: kind, isRequired: required, set: set)
    }

    static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> [String] where E.RawValue == String {
        type.allCases.map(\.rawValue)
    }

    static func text(_ path: String, _ keyPath: Path<String?>) -> Field {
        row(path, .text) { profile, value in if case .text(let text) = value { profile[keyPath: keyPath] = text } }
    }

    /// The match year: the one field every profile needs.
    static func year(_ path: String, _ keyPath: Path<Int>) -> Field {
        row(path, .year, required: true) { profile, value in if case .number(let year) = value { profile[keyPath: keyPath] = year } }
    }

    static func bool(_ path: String, _ keyPath: Path<Bool>) -> Field {
        row(path, .bool) { profile, value in if case .bool(let flag) = value { profile[keyPath: keyPath] = flag } }
    }

    /// A yes/no that may stay unknown (`geography.flexible`).
    static func bool(_ path: String, _ keyPath: Path<Bool?>) -> Field {
        row(path, .bool) { profile, value in if case .bool(let flag) = value { profile[keyPath: keyPath] = flag } }
    }

    static func count(_ path: String, _ keyPath: Path<Int>) -> Field {
        row(path, .count) { profile, value in if case .number(let count) = value { profile[keyPath: keyPath] = count } }
    }

    static func number(_ path: String, _ range: ClosedRange<Int>, _ keyPath: Path<Int?>) -> Field {
        row(path, .number(range)) { profile, value in if case .number(let number) = value { profile[keyPath: keyPath] = number } }
    }

    static func score(_ path: String, _ keyPath: Path<Int?>) -> Field {
        row(path, .score) { profile, value in if case .number(let score) = value { profile[keyPath: keyPath] = score } }
    }

    static func scores(_ path: String, _ keyPath: Path<[Int]>) -> Field {
        row(path, .scoreList) { profile, value in if case .numbers(let scores) = value { profile[keyPath: keyPath] = scores } }
    }

    static func date(_ path: String, _ keyPath: Path<CalendarDate?>) -> Field {
        row(path, .date) { profile, value in if case .date(let date) = value { profile[keyPath: keyPath] = date } }
    }

    static func step1(_ path: String, _ keyPath: Path<Profile.Step1Result?>) -> Field {
        row(path, .step1) { profile, value in if case .step1(let result) = value { profile[keyPath: keyPath] = result } }
    }

    /// One of an enum's raw values.
    static func choice<E: CaseIterable & RawRepresentable>(_ path: String, _ keyPath: Path<E?>) -> Field where E.RawValue == String {
        row(path, .choice(values(E.self))) { profile, value in
            if case .text(let raw) = value { profile[keyPath: keyPath] = E(rawValue: raw) }
        }
    }

    /// A list of an enum's raw values.
    static func choices<E: CaseIterable & RawRepresentable>(_ path: String, _ keyPath: Path<[E]>) -> Field where E.RawValue == String {
        row(path, .choiceList(values(E.self))) { profile, value in
            if case .texts(let raws) = value { profile[keyPath: keyPath] = raws.compactMap(E.init(rawValue:)) }
        }
    }

    static func texts(_ path: String, _ keyPath: Path<[String]>) -> Field {
        row(path, .textList) { profile, value in if case .texts(let texts) = value { profile[keyPath: keyPath] = texts } }
    }

    /// Checklist item ids of `rules.yaml`.
    static func checklistIDs(_ path: String, _ keyPath: Path<[String]>) -> Field {
        row(path, .checklistIDs) { profile, value in if case .texts(let ids) = value { profile[keyPath: keyPath] = ids } }
    }
}
