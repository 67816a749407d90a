import MatchPlanModel
import Yams

/// How ``ProfileLoader`` reads one field of ``ProfileSchema``: the value's kind decides the
/// check (and its message), the row's ``ProfileSchema/Field/set`` where it goes.
extension ProfileLoader {
    /// A top-level key of the schema: a field, or a section (`step2ck`) with its fields.
    struct FieldEntry: Sendable {
        var key: String
        var field: ProfileSchema.Field?
        var inner: [(key: String, field: ProfileSchema.Field)]
    }

    /// The schema's fields as a profile nests them, in the order they are read and their
    /// problems listed: `match_year` (the one required field) first, then the schema's order.
    static let fieldOrder: [FieldEntry] = {
        var entries: [FieldEntry] = []
        for field in ProfileSchema.fields {
            let parts = field.path.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 1 {
                entries.append(FieldEntry(key: field.path, field: field, inner: []))
            } else if entries.last?.key == parts[0] {
                entries[entries.count - 1].inner.append((parts[1], field))
            } else {
                entries.append(FieldEntry(key: parts[0], field: nil, inner: [(parts[1], field)]))
            }
        }
        return entries.filter { $0.field?.isRequired == true } + entries.filter { $0.field?.isRequired != true }
    }()

    /// Reads `key` of `reader` as `field` says and puts it into `profile`; an absent or null
    /// value leaves the profile's default.
    /// - Throws: ``MatchPlanError`` `.data` with the key path and what was expected.
    func read(_ field: ProfileSchema.Field, _ key: String, in reader: FieldReader, into profile: inout Profile) throws {
        if field.isRequired { _ = try reader.require(key) }
        guard let value = try value(field.kind, key, in: reader) else { return }
        try checkBeyondKind(field.path, value, key, in: reader)
        field.set(&profile, value)
    }

    private func value(_ kind: ProfileSchema.Kind, _ key: String, in reader: FieldReader) throws -> ProfileSchema.Value? {
        switch kind {
        case .text: try reader.string(key).map { .text($0) }
        case .year: try reader.int(key, in: matchYears, what: "a year").map { .number($0) }
        case .bool: try reader.bool(key).map { .bool($0) }
        case .count: try reader.int(key, in: 0...999, what: "a count").map { .number($0) }
        case .number(let range): try reader.int(key, in: range, what: "a count").map { .number($0) }
        case .score: try reader.int(key, in: scoreScale, what: "a reported score").map { .number($0) }
        case .date: try reader.date(key).map { .date($0) }
        case .step1: try step1(key, in: reader).map { .step1($0) }
        case .choice(let values): try reader.choice(key, among: values).map { .text($0) }
        case .choiceList(let values): try reader.choiceList(key, among: values).map { .texts($0) }
        case .scoreList: try reader.intList(key, in: scoreScale, what: "a practice score").map { .numbers($0) }
        case .textList: try reader.stringList(key).map { .texts($0) }
        case .checklistIDs: try checklistIDs(key, in: reader).map { .texts($0) }
        }
    }

    /// What a field's kind does not say: `id` is safe as a file name; a Step 2 CK date is in a
    /// plausible year.
    private func checkBeyondKind(_ path: String, _ value: ProfileSchema.Value, _ key: String, in reader: FieldReader) throws {
        switch (path, value) {
        case ("id", .text(let id)) where !Self.isSafeID(id):
            throw reader.fail(key, reader.value(key)!, "expected letters, digits, '.', '-' or '_' (1 to 64, not starting with '.', no '..' and no '/'), found '\(FieldReader.printable(id))'")
        case ("step2ck.date", .date(let date)) where !Self.step2ckYears.contains(date.year):
            throw reader.fail(key, reader.value(key)!,
                              "expected a date from \(Self.step2ckYears.lowerBound)-01-01 to \(Self.step2ckYears.upperBound)-12-31 (a real Step 2 CK date), found '\(date)'")
        default:
            break
        }
    }

    /// `step1: pass | fail | <score>`.
    private func step1(_ key: String, in reader: FieldReader) throws -> Profile.Step1Result? {
        guard let node = reader.value(key) else { return nil }
        let expected = "expected pass, fail or a numeric score from \(scoreScale.lowerBound) to \(scoreScale.upperBound)"
        guard case .scalar(let scalar) = node else {
            throw reader.fail(key, node, "\(expected), found \(FieldReader.describe(node))")
        }
        switch scalar.string.lowercased() {
        case "pass": return .pass
        case "fail": return .fail
        default:
            guard let score = Int(scalar.string), scoreScale.contains(score) else {
                throw reader.fail(key, node, "\(expected), found \(FieldReader.describe(node))")
            }
            return .score(score)
        }
    }

    /// Checklist item ids of `rules.yaml`, with the nearest id for a typo.
    private func checklistIDs(_ key: String, in reader: FieldReader) throws -> [String]? {
        try reader.list(key) { node, path in
            guard case .scalar(let scalar) = node, checklistIDs.contains(scalar.string) else {
                var message = "expected a checklist item id, found \(FieldReader.describe(node))"
                if case .scalar(let scalar) = node, let near = NearestName.suggest(scalar.string, among: checklistIDs) {
                    message += "; did you mean '\(near)'?"
                }
                throw FieldReader.error(file: reader.file, node: node, path: path, lineOffset: reader.lineOffset, message)
            }
            return scalar.string
        }
    }
}
