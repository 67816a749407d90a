import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// `ProfileLoader`: syntax and type errors point at line, column and key path; D8's score scale;
/// encodings; JSON; duplicate keys; unsafe ids.
@Suite("Profile loader")
struct ProfileLoaderTests {
    private static let checklistIDs = ["pass-step1", "personal-statement", "send-program-signals"]
    private let loader = ProfileLoader(scoreScale: 1...300, checklistIDs: checklistIDs)

    private func parse(_ text: String, path: String = "student.yaml") throws -> Profile {
        try loader.parse(SourceText(path: path, text: text))
    }

    /// The `MatchPlanError` `text` raises; fails the test when it loads or throws something else.
    private func error(_ text: String, path: String = "student.yaml") throws -> MatchPlanError {
        do {
            let profile = try parse(text, path: path)
            Issue.record("expected an error, loaded \(profile)")
        } catch let error as MatchPlanError {
            return error
        }
        throw MatchPlanError(.internalError, "no MatchPlanError")
    }

    // MARK: Valid input

    @Test func test_loadsAFullProfile() throws {
        let profile = try parse("""
            id: ann-01
            name: Ann
            match_year: 2027
            stage: MS3
            degree: DO
            step1: pass
            step1_attempts: 2
            step2ck: { score: 251, date: 2026-07-01, practice: [240, 248], extra_prep: true }
            clerkships: { internal_medicine: honors, surgery: high_pass }
            letters: { ir: 1, dr: 1 }
            rotations: { home_ir: planned, away_ir: 1 }
            pathway: both
            concerns: [leave_of_absence]
            completed: [personal-statement]
            """)
        #expect(profile.id == "ann-01")
        #expect(profile.matchYear == 2027)
        #expect(profile.stage == .ms3)
        #expect(profile.degree == .d0)
        #expect(profile.step1 == .pass)
        #expect(profile.step1Attempts == 2)
        #expect(profile.step2ck.score == 251)
        #expect(profile.step2ck.date == Fixtures.date("2026-07-01"))
        #expect(profile.step2ck.practice == [240, 248])
        #expect(profile.step2ck.extraPrep == true)
        #expect(profile.clerkships.surgery == .highPass)
        #expect(profile.letters.ir == 1)
        #expect(profile.rotations.homeIR == .planned)
        #expect(profile.pathway == .both)
        #expect(profile.concerns == [.leaveOfAbsence])
        #expect(profile.completed == ["personal-statement"])
    }

    @Test func test_numericStep1() throws {
        #expect(try parse("match_year: 2027\nstep1: 231\n").step1 == .score(231))
    }

    @Test func test_JSONWithTheSameKeysLoads() throws {
        let json = #"{"match_year": 2027, "stage": "MS4", "step1": "fail", "step2ck": {"score": 248, "practice": [240, 250]}, "pathway": "dr_esir"}"#
        let profile = try parse(json, path: "student.json")
        #expect(profile.matchYear == 2027)
        #expect(profile.stage == .ms4)
        #expect(profile.step1 == .fail)
        #expect(profile.step2ck.score == 248)
        #expect(profile.step2ck.practice == [240, 250])
        #expect(profile.pathway == .drESIR)
    }

    @Test func test_BOMAndCRLFFileLoads() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("match_year: 2027\r\nstep2ck:\r\n  score: 244\r\nname: Bo\r\n".utf8)
        let source = try SourceText.decode(data, path: "bom.yaml")
        #expect(!source.text.contains("\r"))
        #expect(source.text.unicodeScalars.first == "m")
        let profile = try loader.parse(source)
        #expect(profile.step2ck.score == 244)
        #expect(profile.name == "Bo")
    }

    @Test func test_CRLFKeepsLineNumbersInErrors() throws {
        let data = Data("match_year: 2027\r\nstep2ck:\r\n  score: high\r\n".utf8)
        let source = try SourceText.decode(data, path: "crlf.yaml")
        #expect(throws: MatchPlanError.self) { try loader.parse(source) }
        do { _ = try loader.parse(source) } catch let error as MatchPlanError {
            #expect(error.location?.line == 3)
            #expect(error.keyPath == "step2ck.score")
        }
    }

    @Test("Invalid UTF-8 names the line, column and file byte offset", arguments: [
        ([UInt8](), 19), ([0xEF, 0xBB, 0xBF], 22),
    ])
    func test_invalidUTF8IsDataErrorWithLocation(bom: [UInt8], byteOffset: Int) throws {
        let bytes = bom + Array("match_year: 2027\nna".utf8) + [0xFF] + Array("me: x\n".utf8)
        do {
            _ = try SourceText.decode(Data(bytes), path: "bad.yaml")
            Issue.record("expected invalid UTF-8 to be rejected")
        } catch let error as MatchPlanError {
            #expect(error.kind == .data)
            #expect(error.location == .init(line: 2, column: 3))
            #expect(error.message.contains("offset \(byteOffset)"))
            #expect(error.message.contains("UTF-8"))
        }
    }

    // MARK: Errors with location, key path and what was expected

    @Test func test_YAMLSyntaxErrorHasLineAndColumn() throws {
        let error = try error("match_year: 2027\nname: a: b\n")
        #expect(error.kind == .data)
        #expect(error.file == "student.yaml")
        #expect(error.location == .init(line: 2, column: 8))
        #expect(error.message.contains("YAML syntax error"))
    }

    @Test func test_tabIndentSyntaxErrorMentionsTab() throws {
        let error = try error("match_year: 2027\nstep2ck:\n\tscore: 250\n")
        #expect(error.kind == .data)
        #expect(error.location?.line == 3)
        #expect(error.message.contains("tab"))
    }

    @Test func test_wrongTypeNamesKeyPathAndExpectedType() throws {
        let error = try error("match_year: 2027\nstep2ck:\n  score: high\n")
        #expect(error.kind == .data)
        #expect(error.keyPath == "step2ck.score")
        #expect(error.location == .init(line: 3, column: 10))
        #expect(error.message.contains("expected a reported score from 1 to 300"))
        #expect(error.message.contains("'high'"))
        #expect(error.description.hasPrefix("student.yaml:3:10: step2ck.score: "))
    }

    @Test func test_wrongTypeForBoolAndChoice() throws {
        let bool = try error("match_year: 2027\ncomlex_only: maybe\n")
        #expect(bool.keyPath == "comlex_only")
        #expect(bool.message.contains("expected true or false"))
        let choice = try error("match_year: 2027\nstage: MS5\n")
        #expect(choice.keyPath == "stage")
        #expect(choice.message.contains("MS1 | MS2 | MS3 | MS4 | graduate"))
    }

    @Test func test_unknownKeySuggestsNearestName() throws {
        let error = try error("match_year: 2027\nstep2_ck:\n  score: 250\n")
        #expect(error.kind == .data)
        #expect(error.location?.line == 2)
        #expect(error.message.contains("unknown key 'step2_ck'"))
        #expect(error.message.contains("did you mean 'step2ck'?"))
    }

    @Test func test_unknownNestedKeyNamesItsMapping() throws {
        let error = try error("match_year: 2027\nstep2ck:\n  scroe: 250\n")
        #expect(error.keyPath == "step2ck")
        #expect(error.message.contains("did you mean 'score'?"))
    }

    @Test func test_missingMatchYearIsError() throws {
        let error = try error("name: Ann\nstep2ck: { score: 250 }\n")
        #expect(error.kind == .data)
        #expect(error.keyPath == "match_year")
        #expect(error.message.contains("required"))
    }

    @Test func test_matchYearWithoutValueIsError() throws {
        let error = try error("match_year:\nname: Ann\n")
        #expect(error.kind == .data)
        #expect(error.keyPath == "match_year")
        #expect(error.location?.line == 1)
    }

    @Test func test_matchYearWrongTypeNamesExpectedYear() throws {
        let error = try error("match_year: next\n")
        #expect(error.keyPath == "match_year")
        #expect(error.message.contains("expected a year from 2015 to 2060"))
    }

    @Test func test_emptyProfileIsError() throws {
        let error = try error("")
        #expect(error.kind == .data)
        #expect(error.message.contains("match_year"))
    }

    @Test("D8: reported Step 2 CK outside 1–300 is rejected", arguments: [0, 301, -5, 999])
    func test_D8_step2ckOutsideScaleRejected(score: Int) throws {
        let error = try error("match_year: 2027\nstep2ck:\n  score: \(score)\n")
        #expect(error.kind == .data)
        #expect(error.keyPath == "step2ck.score")
        #expect(error.location?.line == 3)
        #expect(error.message.contains("from 1 to 300"))
        #expect(error.message.contains("found \(score)"))
    }

    @Test("D8: the ends of the scale are accepted", arguments: [1, 300])
    func test_D8_step2ckScaleEndsAccepted(score: Int) throws {
        #expect(try parse("match_year: 2027\nstep2ck: { score: \(score) }\n").step2ck.score == score)
    }

    @Test func test_D8_practiceScoreOutsideScaleNamesIndex() throws {
        let error = try error("match_year: 2027\nstep2ck:\n  practice: [240, 0]\n")
        #expect(error.keyPath == "step2ck.practice[1]")
    }

    @Test("D8: numeric Step 1 outside the scale is rejected", arguments: ["0", "301", "passed"])
    func test_D8_step1OutsideScaleRejected(value: String) throws {
        let error = try error("match_year: 2027\nstep1: \(value)\n")
        #expect(error.keyPath == "step1")
        #expect(error.message.contains("expected pass, fail or a numeric score from 1 to 300"))
    }

    @Test func test_duplicateKeysRejected() throws {
        let error = try error("match_year: 2027\nstep2ck:\n  score: 240\n  score: 250\n")
        #expect(error.kind == .data)
        #expect(error.message.contains("duplicate key"))
        #expect(error.message.contains("'score'"))
        // Points at the second `score:` (line 4), the one to remove.
        #expect(error.location == .init(line: 4, column: 3))
    }

    @Test func test_duplicateTopLevelKeyPointsAtTheDuplicate() throws {
        let error = try error("match_year: 2027\nir: { interest_group: true }\nletters: { ir: 1, dr: 0 }\nir: { mentor: true }\n")
        #expect(error.kind == .data)
        #expect(error.message.contains("'ir'"))
        // Not the ` ir:` inside `letters: { ir: 1 }` on line 3: found from the parser's events, not the text.
        #expect(error.location == .init(line: 4, column: 1))
        #expect(error.keyPath == "ir")
    }

    @Test func test_duplicateKeyInsideAListNamesTheListIndex() throws {
        let error = try error("match_year: 2027\nconcerns: [other]\ngeography: { regions: [a], regions: [b] }\n")
        #expect(error.keyPath == "geography.regions")
        #expect(error.location == .init(line: 3, column: 28))
    }

    @Test func test_duplicateKeyInFlowMappingPointsAtSecond() throws {
        let error = try error("match_year: 2027\nletters: { ir: 1, ir: 2 }\n")
        #expect(error.message.contains("'ir'"))
        #expect(error.location == .init(line: 2, column: 19))
    }

    @Test func test_duplicateNestedKeyHasFullKeyPath() throws {
        let error = try error("match_year: 2027\nstep2ck:\n  score: 240\n  score: 250\n")
        #expect(error.keyPath == "step2ck.score")
        #expect(error.location == .init(line: 4, column: 3))
    }

    @Test func test_JSONStringWhereScoreExpectedIsWrongType() throws {
        let error = try error(#"{"match_year": 2027, "step2ck": {"score": "250"}}"#, path: "s.json")
        #expect(error.kind == .data)
        #expect(error.keyPath == "step2ck.score")
        #expect(error.location == .init(line: 1, column: 43))
        #expect(error.message.contains("expected a reported score from 1 to 300"))
        #expect(error.message.contains("quotes"))
    }

    @Test("Unsafe ids are rejected", arguments: ["../../x", "a/b", ".hidden", "x..y", ""])
    func test_pathTraversalIdRejected(id: String) throws {
        let error = try error("match_year: 2027\nid: \"\(id)\"\n")
        #expect(error.kind == .data)
        #expect(error.keyPath == "id")
        #expect(error.location?.line == 2)
    }

    @Test func test_unknownCompletedIdSuggestsNearest() throws {
        let error = try error("match_year: 2027\ncompleted: [personal-statment]\n")
        #expect(error.keyPath == "completed[0]")
        #expect(error.message.contains("did you mean 'personal-statement'?"))
    }
}
