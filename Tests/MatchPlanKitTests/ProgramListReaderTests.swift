import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel

/// Reading a program list (PL1–PL8's input): comments, line numbers, values, errors.
@Suite struct ProgramListReaderTests {
    static let states = ["IL", "MA", "NY", "TX"]

    func parse(_ text: String) throws -> ProgramList {
        try ProgramListReader.parse(SourceText(path: "lists/mine.csv", text: text), states: Self.states)
    }

    func error(_ text: String) -> MatchPlanError? {
        do { _ = try parse(text); return nil } catch { return error as? MatchPlanError }
    }

    @Test func test_PL1_commentsAndBlankLinesKeepLineNumbers() throws {
        let list = try parse("""
        # my list
        program,specialty,city,state,setting,esir,signal,tie,notes

        # IR first
        Lakeshore University,integrated_ir,Chicago,il,Academic,,GOLD,home,"Home, with a comma"
        "Bay, North",diagnostic_radiology,Boston,MA,community,Yes,,,"two
        lines"
        Gulf Coast,transitional,Houston,TX,,,,,
        """)
        #expect(list.fileName == "mine.csv")
        #expect(list.programs.map(\.line) == [5, 6, 8])
        let first = list.programs[0]
        #expect((first.state, first.setting, first.signal, first.tie, first.notes) == ("IL", .academic, .gold, .home, "Home, with a comma"))
        #expect(list.programs[1].name == "Bay, North" && list.programs[1].esir == true)
        #expect(list.programs[2].signal == .none && list.programs[2].tie == .none && list.programs[2].setting == nil)
    }

    @Test func test_PL1_onlyProgramAndSpecialtyAreRequired() throws {
        let list = try parse("specialty,program,,\npreliminary,Anywhere,,\n")
        #expect(list.programs == [.init(name: "Anywhere", specialty: .preliminary, line: 2)])
        #expect(try parse("program,specialty\n").programs.isEmpty)
    }

    @Test func test_PL1_errorsNameRowColumnAndWhatWasExpected() throws {
        let unknown = try #require(error("program,specialty,tie,signals\n"))
        #expect(unknown.description == "lists/mine.csv:1:4: unknown column 'signals'; did you mean 'signal'?")
        let value = try #require(error("program,specialty,tie\nA,integrated_ir,hom\n"))
        #expect(value.description == "lists/mine.csv:2:3: column tie: expected one of home, away, geographic, none, found 'hom'; did you mean 'home'?")
        let esir = try #require(error("program,specialty,esir\nA,diagnostic_radiology,maybe\n"))
        #expect(esir.description == "lists/mine.csv:2:3: column esir: expected yes or no, found 'maybe'")
        let state = try #require(error("program,specialty,state\nA,integrated_ir,NJ\n"))
        #expect(state.description.hasPrefix("lists/mine.csv:2:3: column state: expected a two-letter state code such as NY or TX, found 'NJ'"))
        let control = try #require(error("program,specialty\nA\u{1B}[2J,integrated_ir\n"))
        #expect(control.description.contains("lists/mine.csv:2:1: column program: control characters are not allowed"))
        let twice = try #require(error("program,specialty,program\n"))
        #expect(twice.description == "lists/mine.csv:1:3: column program: appears twice in the header; keep one")
        #expect(error("# only a comment\n")?.description.contains("has no header row") == true)
    }

    @Test func test_PL1_duplicateIsSameNameInTheSameSpecialty() throws {
        // The same program in two specialties (IR and DR at one institution) is two applications.
        let list = try parse("program,specialty\nLakeshore,integrated_ir\nLakeshore,diagnostic_radiology\n")
        #expect(list.programs.count == 2)
        let duplicate = try #require(error("program,specialty\nLakeshore,integrated_ir\n  LAKESHORE ,integrated_ir\n"))
        #expect(duplicate.description.hasPrefix("lists/mine.csv:3:1: column program: 'LAKESHORE' (integrated_ir) is already on row 2"))
    }

    @Test func test_PL2_bundledRulesLoadWithSourcesAndConfidence() throws {
        let rules = try ProgramListRulesLoader.load(contentDirectory: Fixtures.contentDirectory)
        #expect(rules.feeSchedules.map(\.matchYear) == [2026])
        #expect(rules.metros.map(\.name) == ["New York", "San Francisco Bay Area", "Boston", "Los Angeles"])
        #expect(rules.metro(city: "new  york", state: "ny")?.name == "New York")
        #expect(rules.metro(city: "Peoria", state: "IL") == nil)
        #expect(Set(rules.regions.flatMap(\.states)).count == 51, "50 states and DC, each in one region")
        #expect(rules.region(ofState: "tx")?.name == "South")
        #expect(!rules.metrosSource.isEmpty && rules.metrosConfidence == .secondary)
    }

    @Test func test_PL2_feeTiersMustFollowOn() throws {
        let yaml = try String(contentsOfFile: Fixtures.contentDirectory + "/program-list.yaml", encoding: .utf8)
            .replacingOccurrences(of: "{ from: 31, usd: 30 }", with: "{ from: 32, usd: 30 }")
        #expect(throws: MatchPlanError.self) { try ProgramListRulesLoader.parse(SourceText(path: "program-list.yaml", text: yaml)) }
    }
}

/// Seeded mutations of the bundled example list: the reader never crashes, and every refusal is
/// a MatchPlanError naming the file (a small, deterministic fuzz pass beside .ci/fuzz-smoke).
@Suite struct ProgramListReaderMutationTests {
    @Test func test_PL1_mutatedListsFailCleanly() throws {
        let example = try String(contentsOfFile: Fixtures.contentDirectory + "/profiles/example-programs.csv", encoding: .utf8)
        let pieces: [String] = ["\"", ",", "\n", "#", "\u{1B}", "\u{202E}", "gold", "integrated_ir", "  ", "\"\"", ";", "\t", "é", ""]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var accepted = 0, refused = 0
        for _ in 0..<400 {
            var scalars = Array(example.unicodeScalars)
            for _ in 0..<(1 + next(4)) {
                let at = next(scalars.count + 1)
                switch next(3) {
                case 0: scalars.insert(contentsOf: pieces[next(pieces.count)].unicodeScalars, at: at)
                case 1: if at < scalars.count { scalars.removeSubrange(at..<min(scalars.count, at + 1 + next(20))) }
                default: scalars = Array(scalars.prefix(at))
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            do {
                let list = try ProgramListReader.parse(SourceText(path: "m.csv", text: String(text)), states: ["IL", "IA", "AL", "OH", "TX", "KY", "MA", "NY", "NC", "MI", "TN", "MO", "IN", "MN", "WI", "OK", "LA", "SC"])
                #expect(list.programs.allSatisfy { !$0.name.isEmpty })
                accepted += 1
            } catch let error as MatchPlanError {
                #expect(error.file == "m.csv" && error.kind == .data, "\(error)")
                refused += 1
            }
        }
        #expect(accepted > 0 && refused > 0, "the mutations should both keep and break lists: \(accepted) kept, \(refused) refused")
    }
}
