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

    /// Reads every field, collecting each problem and going on with the next field, so `check`
    /// can list them all (a bad `stage`, a bad `degree` and an unknown key in one run). Within a
    /// section (`step2ck:`, `ir:`, …) the fields are independent too. The cross-field check
    /// (D4, COMLEX only) runs when the fields themselves are fine.
    func profile(from root: FieldReader, problems: inout [MatchPlanError]) -> Profile {
        func collect(_ body: () throws -> Void) {
            do { try body() } catch let error as MatchPlanError { problems.append(error) } catch {
                problems.append(MatchPlanError(.internalError, "\(error)"))
            }
        }
        collect { try root.rejectUnknownKeys(Self.topLevelKeys) }
        var profile = Profile(matchYear: matchYears.lowerBound)
        collect {
            let matchYearNode = try root.require("match_year")
            profile.matchYear = try FieldReader.int(matchYearNode, in: matchYears, what: "a year",
                                                   file: root.file, path: "match_year", lineOffset: root.lineOffset)
        }
        collect {
            if let id = try root.string("id") {
                guard Self.isSafeID(id) else {
                    throw root.fail("id", root.value("id")!, "expected letters, digits, '.', '-' or '_' (1 to 64, not starting with '.', no '..' and no '/'), found '\(FieldReader.printable(id))'")
                }
                profile.id = id
            }
        }
        collect { profile.name = try root.string("name") }
        collect { profile.familyName = try root.string("family_name") }
        collect { profile.programs = try root.string("programs") }
        collect { profile.stage = try root.choice("stage", Profile.Stage.self) }
        collect { profile.degree = try root.choice("degree", Profile.Degree.self) }
        collect { profile.comlexOnly = try root.bool("comlex_only") ?? false }
        collect { profile.step1 = try step1(root) }
        collect { profile.step1Attempts = try root.int("step1_attempts", in: 1...9, what: "a count") }
        collect { profile.step1Date = try root.date("step1_date") }
        collect { profile.matchResult = try root.choice("match_result", Profile.MatchResult.self) }
        collect {
            if let step2 = try root.mapping("step2ck") {
                collect { try step2.rejectUnknownKeys(ProfileSchema.keys(under: "step2ck")) }
                collect { profile.step2ck.score = try step2.int("score", in: scoreScale, what: "a reported score") }
                collect { profile.step2ck.date = try step2.date("date") }
                collect {
                    if let date = profile.step2ck.date, !Self.step2ckYears.contains(date.year) {
                        throw step2.fail("date", step2.value("date")!,
                                         "expected a date from \(Self.step2ckYears.lowerBound)-01-01 to \(Self.step2ckYears.upperBound)-12-31 (a real Step 2 CK date), found '\(date)'")
                    }
                }
                collect { profile.step2ck.practice = try step2.intList("practice", in: scoreScale, what: "a practice score") ?? [] }
                collect { profile.step2ck.extraPrep = try step2.bool("extra_prep") ?? false }
            }
        }
        collect {
            if let grades = try root.mapping("clerkships") {
                collect { try grades.rejectUnknownKeys(ProfileSchema.keys(under: "clerkships")) }
                collect { profile.clerkships.internalMedicine = try grades.choice("internal_medicine", Profile.Grade.self) }
                collect { profile.clerkships.surgery = try grades.choice("surgery", Profile.Grade.self) }
                collect { profile.clerkships.radiology = try grades.choice("radiology", Profile.Grade.self) }
            }
        }
        collect {
            if let ir = try root.mapping("ir") {
                collect { try ir.rejectUnknownKeys(ProfileSchema.keys(under: "ir")) }
                collect { profile.ir.interestGroup = try ir.bool("interest_group") ?? false }
                collect { profile.ir.shadowing = try ir.bool("shadowing") ?? false }
                collect { profile.ir.mentor = try ir.bool("mentor") ?? false }
                collect { profile.ir.conferences = try count(ir, "conferences") }
            }
        }
        collect {
            if let research = try root.mapping("research") {
                collect { try research.rejectUnknownKeys(ProfileSchema.keys(under: "research")) }
                collect { profile.research.irAbstracts = try count(research, "ir_abstracts") }
                collect { profile.research.irPosters = try count(research, "ir_posters") }
                collect { profile.research.caseReports = try count(research, "case_reports") }
                collect { profile.research.qiProjects = try count(research, "qi_projects") }
                collect { profile.research.irMeetingPresentations = try count(research, "ir_meeting_presentations") }
            }
        }
        collect {
            if let letters = try root.mapping("letters") {
                collect { try letters.rejectUnknownKeys(ProfileSchema.keys(under: "letters")) }
                collect { profile.letters.ir = try count(letters, "ir") }
                collect { profile.letters.dr = try count(letters, "dr") }
                collect { profile.letters.coreClerkship = try count(letters, "core_clerkship") }
            }
        }
        collect {
            if let rotations = try root.mapping("rotations") {
                collect { try rotations.rejectUnknownKeys(ProfileSchema.keys(under: "rotations")) }
                collect { profile.rotations.homeIR = try rotations.choice("home_ir", Profile.Progress.self) }
                collect { profile.rotations.awayIR = try count(rotations, "away_ir") }
                collect { profile.rotations.subInternship = try rotations.choice("sub_internship", Profile.Progress.self) }
            }
        }
        collect { profile.pathway = try root.choice("pathway", Profile.Pathway.self) }
        collect {
            if let geography = try root.mapping("geography") {
                collect { try geography.rejectUnknownKeys(ProfileSchema.keys(under: "geography")) }
                collect { profile.geography.flexible = try geography.bool("flexible") }
                collect { profile.geography.regions = try geography.stringList("regions") ?? [] }
            }
        }
        collect { profile.concerns = try root.choiceList("concerns", Profile.Concern.self) ?? [] }
        collect { profile.completed = try completed(root) }
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

    /// `step1: pass | fail | <score>`.
    private func step1(_ root: FieldReader) throws -> Profile.Step1Result? {
        guard let node = root.value("step1") else { return nil }
        let expected = "expected pass, fail or a numeric score from \(scoreScale.lowerBound) to \(scoreScale.upperBound)"
        guard case .scalar(let scalar) = node else {
            throw root.fail("step1", node, "\(expected), found \(FieldReader.describe(node))")
        }
        switch scalar.string.lowercased() {
        case "pass": return .pass
        case "fail": return .fail
        default:
            guard let score = Int(scalar.string), scoreScale.contains(score) else {
                throw root.fail("step1", node, "\(expected), found \(FieldReader.describe(node))")
            }
            return .score(score)
        }
    }

    private func completed(_ root: FieldReader) throws -> [String] {
        try root.list("completed") { node, path in
            guard case .scalar(let scalar) = node, checklistIDs.contains(scalar.string) else {
                var message = "expected a checklist item id, found \(FieldReader.describe(node))"
                if case .scalar(let scalar) = node, let near = NearestName.suggest(scalar.string, among: checklistIDs) {
                    message += "; did you mean '\(near)'?"
                }
                throw FieldReader.error(file: root.file, node: node, path: path, lineOffset: root.lineOffset, message)
            }
            return scalar.string
        } ?? []
    }

    private func count(_ reader: FieldReader, _ key: String) throws -> Int {
        try reader.int(key, in: 0...999, what: "a count") ?? 0
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
