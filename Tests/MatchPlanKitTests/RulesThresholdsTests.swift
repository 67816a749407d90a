import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// Thresholds about the specialty are data in `Content/rules.yaml`, read by the loader: a
/// school (or another specialty's content) changes them without changing Swift.
@Suite struct RulesThresholdsTests {
    /// The bundled rules with `key: value` in place of the bundled line (or without it).
    static func rules(replacing key: String, with line: String?) throws -> Rules {
        let path = Fixtures.contentDirectory + "/rules.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { row -> String? in
            row.hasPrefix(key + ":") ? line : String(row)
        }
        return try RulesLoader.parse(SourceText(path: path, text: lines.joined(separator: "\n")))
    }

    @Test func test_D21_cautiousScenariosComeFromRules() throws {
        #expect(try Fixtures.rules().cautiousScenarios == [.borderline, .low])
        let onlyLow = try Self.rules(replacing: "cautious_scenarios", with: "cautious_scenarios: [low]")
        #expect(onlyLow.cautiousScenarios == [.low])
        var profile = Fixtures.profile(step2ck: 240, date: "2026-07-08")
        profile.pathway = .integratedIR
        let pathway = StrategyPlan.PathwayPlan(chosen: .integratedIR, bothStronglyAdvised: false, rule: "W3")
        #expect(Planner.irOnly(profile: profile, scenario: .borderline, pathway: pathway, cautious: try Fixtures.rules().cautiousScenarios) == .drAdvised)
        #expect(Planner.irOnly(profile: profile, scenario: .borderline, pathway: pathway, cautious: onlyLow.cautiousScenarios) == .byChoice)
        #expect(throws: MatchPlanError.self) { try Self.rules(replacing: "cautious_scenarios", with: nil) }
        #expect(throws: MatchPlanError.self) { try Self.rules(replacing: "cautious_scenarios", with: "cautious_scenarios: [middling]") }
    }

    @Test func test_D9_schoolYearStartComesFromRules() throws {
        #expect(try Fixtures.rules().schoolYearStart == MonthDay(month: 7, day: 1))
        let august = try Self.rules(replacing: "school_year_start", with: "school_year_start: \"08-01\"")
        let mid = Fixtures.date("2026-07-15")
        #expect(Findings.expectedStage(matchYear: 2027, today: mid, yearStart: try Fixtures.rules().schoolYearStart) == .ms4)
        #expect(Findings.expectedStage(matchYear: 2027, today: mid, yearStart: august.schoolYearStart) == .ms3)
        #expect(Findings.usualMatchYear(.ms4, today: mid, yearStart: august.schoolYearStart) == 2026)
        #expect(throws: MatchPlanError.self) { try Self.rules(replacing: "school_year_start", with: nil) }
        #expect(throws: MatchPlanError.self) { try Self.rules(replacing: "school_year_start", with: "school_year_start: \"13-01\"") }
    }
}
