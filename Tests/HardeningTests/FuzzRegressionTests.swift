import Foundation
import Testing
import MatchPlanTestSupport
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Replays `Tests/BadInputs/fuzz/profile/*`, `content/*`, `roster/*` and `template/*` (crashes the fuzzer found,
/// minimised, plus hand-made hostile inputs) through the library with the invariants
/// `Sources/MatchPlanFuzz/FuzzTarget.swift` checks: no crash, and every failure a
/// ``MatchPlanError`` of kind `.data` that names the file, with a position inside it.
@Suite(.timeLimit(.minutes(1))) struct FuzzRegressionTests {
    static let folder = Repository.path("Tests/BadInputs/fuzz")

    static func inputs(_ mode: String) -> [String] {
        let path = (folder as NSString).appendingPathComponent(mode)
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(mode)/\($0)" }
    }

    static let loader: ProfileLoader = {
        let rules = try? RulesLoader.load(Repository.path("Content/rules.yaml"))
        return ProfileLoader(scoreScale: rules?.scoreScale ?? 1...300, checklistIDs: rules?.checklist.map(\.id) ?? [])
    }()

    @Test func thereAreInputsToReplay() {
        #expect(Self.inputs("profile").count >= 5)
        #expect(Self.inputs("content").count >= 3)
        #expect(Self.inputs("roster").count >= 4)
        #expect(Self.inputs("template").count >= 5)
    }

    /// Roster mode: the input as a CSV roster, every row loaded; failures name the roster.
    @Test(arguments: inputs("roster"))
    func rosterInputIsHandled(_ name: String) throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let path = "\(tmp)/roster.csv"
        try FileManager.default.copyItem(atPath: (Self.folder as NSString).appendingPathComponent(name), toPath: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let reader = try RosterReader(path: path, loader: Self.loader)
            while let entry = reader.next() {
                if case .failure(let error) = entry.load() { Self.expectDataError(error, file: path, data: data, name: name) }
            }
        } catch let error as MatchPlanError {
            Self.expectDataError(error, file: path, data: data, name: name)
        }
    }

    /// Template mode: the input as `report.html` over the built-in set (as the fuzzer places it).
    /// Every input kept here is refused at load.
    @Test(arguments: inputs("template"))
    func templateInputIsRefusedAtLoad(_ name: String) throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        try FileManager.default.copyItem(atPath: (Self.folder as NSString).appendingPathComponent(name), toPath: "\(tmp)/report.html.mustache")
        #expect(throws: MatchPlanError.self) {
            try TemplateSet.load(folders: [Repository.path("Templates"), tmp], required: ReportRenderer.requiredTemplates,
                                 include: { !$0.hasPrefix("site") })
        }
    }

    static func expectDataError(_ error: MatchPlanError, file: String, data: Data, name: String) {
        #expect(error.kind == .data, "\(name): \(error)")
        #expect(error.file == file, "\(name): the error does not name the roster: \(error)")
        if let location = error.location {
            let lines = data.reduce(1) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 }
            #expect(location.line >= 1 && location.column >= 1 && location.line <= lines + 1, "\(name): \(error)")
        }
    }

    @Test(arguments: inputs("profile"))
    func profileInputIsHandled(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: (Self.folder as NSString).appendingPathComponent(name)))
        try Self.expectHandled(data, name: name) { source in _ = try Self.loader.parse(source) }
    }

    @Test(arguments: inputs("content"))
    func contentInputIsHandled(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: (Self.folder as NSString).appendingPathComponent(name)))
        try Self.expectHandled(data, name: name) { source in
            let page = try ContentLoader().parse(source)
            #expect(!page.html.lowercased().contains("<script"), "safe mode passed raw HTML: \(page.html.prefix(300))")
        }
    }

    static func expectHandled(_ data: Data, name: String, _ body: (SourceText) throws -> Void) throws {
        do {
            try body(try SourceText.decode(data, path: name))
        } catch let error as MatchPlanError {
            #expect(error.kind == .data, "\(name): \(error)")
            #expect(error.file == name, "\(name): the error does not name the file: \(error)")
            #expect(!error.message.isEmpty)
            if let location = error.location {
                let lines = data.reduce(1) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 }
                #expect(location.line >= 1 && location.column >= 1 && location.line <= lines + 1, "\(name): \(error)")
            }
        }
    }

    /// The expected outcome of a few hand-made inputs, so a regression in what they mean is caught.
    @Test func handMadeInputsGiveTheExpectedAnswers() throws {
        func message(_ name: String) throws -> String {
            let data = try Data(contentsOf: URL(fileURLWithPath: (Self.folder as NSString).appendingPathComponent(name)))
            do { _ = try Self.loader.parse(try SourceText.decode(data, path: name)); return "accepted" }
            catch let error as MatchPlanError { return error.description }
        }
        #expect(try message("profile/deep-nesting.yaml").contains("YAML syntax error"))
        #expect(try message("profile/billion-laughs.yaml").contains("billion-laughs.yaml:4:10: YAML alias '*a0' is not supported"))
        // Found by the fuzzer (profile mode, 137 419 runs): nested aliases used as a mapping key
        // made Yams hash 10^8 nodes; 414 bytes hung the loader for minutes.
        #expect(try message("profile/timeout-alias-as-key.yaml").contains("timeout-alias-as-key.yaml:4:9: YAML alias '*a' is not supported"))
        #expect(try message("profile/nul-byte.yaml").contains("nul-byte.yaml:2:9: cannot be read as YAML: control characters are not allowed"))
        #expect(try message("profile/multi-document.yaml").contains("profile/multi-document.yaml:2:1: YAML syntax error"))
        #expect(try message("profile/tag-and-binary.yaml").contains("match_year: expected a year"))
    }
}
