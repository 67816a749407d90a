import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// Loads and validates an applicant profile from YAML or JSON (same keys in both).
///
/// The format is documented in the README ("Profile format") and in the commented example
/// `Content/profiles/example.yaml`. Unknown keys are errors with a "did you mean" hint.
public struct ProfileLoader: Sendable {
    /// Valid reported Step 2 CK and Step 1 scores, in points (rule D8: 1 to 300).
    public var scoreScale: ClosedRange<Int>
    /// Checklist item ids a profile may list under `completed`.
    public var checklistIDs: [String]
    /// Valid match years.
    public var matchYears: ClosedRange<Int> = 2015...2060

    public init(scoreScale: ClosedRange<Int>, checklistIDs: [String]) {
        self.scoreScale = scoreScale
        self.checklistIDs = checklistIDs
    }

    /// Years a Step 2 CK date may fall in: a few years before the earliest match year to the
    /// latest (year 1 or 9999 is a typo, never a plan).
    public static let step2ckYears = 2009...2060

    /// Keys accepted at the top level of a profile (``ProfileSchema``).
    public static let topLevelKeys = ProfileSchema.topLevelKeys
    /// ``topLevelKeys`` as a set, and each section's keys as a list and a set (made once).
    static let topLevelKeySet = Set(topLevelKeys)
    static let sectionKeys: [String: (list: [String], set: Set<String>)] = Dictionary(
        fieldOrder.filter { $0.field == nil }.map { entry in (entry.key, (entry.inner.map(\.key), Set(entry.inner.map(\.key)))) },
        uniquingKeysWith: { first, _ in first })

    /// Reads and validates the profile at `path`.
    /// - Throws: ``MatchPlanError`` `.noInput` for a missing file; `.data` for anything malformed,
    ///   with file, line, column and key path.
    /// - Parameter folder: when given (a roster folder), the file must stay inside it through every link.
    /// - Parameter io: how the file is read (``FileIO/disk``, or in memory for tests).
    public func load(_ path: String, inside folder: String? = nil, io: FileIO = .disk) throws -> Profile {
        try parse(io.readText(path, inside: folder))
    }

    /// Validates a profile already in memory: JSON when the path ends in `.json` (``JSONSource``),
    /// YAML otherwise.
    /// - Throws: ``MatchPlanError`` `.data`.
    public func parse(_ source: SourceText) throws -> Profile {
        var problems: [MatchPlanError] = []
        let profile = try parse(source, problems: &problems)
        if let first = problems.first { throw first }
        return profile
    }

    /// The same, listing every problem in the profile's fields (for `check`) instead of
    /// stopping at the first; the profile is only meaningful when `problems` stayed empty.
    /// - Throws: ``MatchPlanError`` for a file that cannot be parsed at all (syntax, empty, not a mapping).
    public func parse(_ source: SourceText, problems: inout [MatchPlanError]) throws -> Profile {
        if source.path.lowercased().hasSuffix(".json") {
            // A real JSON parser decides validity (JSONSource); errors keep line and column.
            let (node, map) = try JSONSource.compose(source)
            guard let node else { throw MatchPlanError(.data, file: source.path, "is empty; expected a profile with at least 'match_year'") }
            do {
                var found: [MatchPlanError] = []
                let profile = profile(from: try FieldReader(node, file: source.path), problems: &found)
                problems += found.map(map.remap)
                return profile
            } catch let error as MatchPlanError {
                throw map.remap(error)
            }
        }
        guard let root = try YAMLTree.compose(source) else {
            throw MatchPlanError(.data, file: source.path, "is empty; expected a profile with at least 'match_year'")
        }
        return profile(from: try FieldReader(root, file: source.path), problems: &problems)
    }

    func profile(from root: FieldReader) throws -> Profile {
        var problems: [MatchPlanError] = []
        let profile = profile(from: root, problems: &problems)
        if let first = problems.first { throw first }
        return profile
    }

    /// Reads every field of ``ProfileSchema`` (``fieldOrder``), collecting each problem and
    /// going on with the next field, so `check` can list them all (a bad `stage`, a bad `degree`
    /// and an unknown key in one run). Within a section (`step2ck:`, `ir:`, …) the fields are
    /// independent too. The cross-field check (D4, COMLEX only) runs when the fields themselves
    /// are fine.
    func profile(from root: FieldReader, problems: inout [MatchPlanError]) -> Profile {
        func collect(_ body: () throws -> Void) {
            do { try body() } catch let error as MatchPlanError { problems.append(error) } catch {
                problems.append(MatchPlanError(.internalError, "\(error)"))
            }
        }
        collect { try root.rejectUnknownKeys(Self.topLevelKeys, lookup: Self.topLevelKeySet) }
        var profile = Profile(matchYear: matchYears.lowerBound)
        for entry in Self.fieldOrder {
            if let field = entry.field {
                collect { try read(field, entry.key, in: root, into: &profile) }
                continue
            }
            collect {
                guard let section = try root.mapping(entry.key) else { return }
                let keys = Self.sectionKeys[entry.key]
                collect { try section.rejectUnknownKeys(keys?.list ?? entry.inner.map(\.key), lookup: keys?.set) }
                for inner in entry.inner { collect { try read(inner.field, inner.key, in: section, into: &profile) } }
            }
        }
        if problems.isEmpty { collect { try checkCOMLEXOnly(profile, root) } }
        return profile
    }

    /// D4: a COMLEX-only applicant has no USMLE results and is a DO; anything else contradicts it.
    private func checkCOMLEXOnly(_ profile: Profile, _ root: FieldReader) throws {
        guard profile.comlexOnly else { return }
        let step2 = try root.mapping("step2ck")
        let contradictions: [(FieldReader?, String, String)] = [
            (step2, "score", "a Step 2 CK score"), (step2, "practice", "NBME practice scores"), (root, "step1", "a Step 1 result"), (root, "step1_date", "a Step 1 date"),
        ]
        for (reader, key, what) in contradictions {
            if let reader, let node = reader.value(key), !(key == "practice" && profile.step2ck.practice.isEmpty) {
                throw reader.fail(key, node, "comlex_only is true, so \(what) is not expected (COMLEX-only applicants have no USMLE results); remove one of them")
            }
        }
        if profile.degree == .md, let node = root.value("degree") {
            throw root.fail("degree", node, "comlex_only is for DO applicants without USMLE scores; expected degree DO")
        }
    }

    /// True for ids that are safe as a single folder name: `[A-Za-z0-9._-]`, 1–64 characters,
    /// not starting with '.', no `..`.
    public static func isSafeID(_ id: String) -> Bool {
        guard (1...64).contains(id.count), !id.hasPrefix("."), !id.contains("..") else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
    }
}
