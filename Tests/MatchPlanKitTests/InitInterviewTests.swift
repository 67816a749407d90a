import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// `matchplan init`'s questions through their seam (answers from a line reader) and the
/// starting profile they write: it loads with the real loader and plans.
@Suite struct InitInterviewTests {
    static let today = Fixtures.date("2026-12-01")

    /// Runs the interview on `answers`; returns the answers, every prompt and every hint said.
    func interview(_ answers: [String]) throws -> (ProfileStarter.Answers, prompts: [String], said: [String]) {
        var queue = answers[...], prompts: [String] = [], said: [String] = []
        let interview = ProfileInterview(today: Self.today, read: { prompt in
            prompts.append(prompt)
            return queue.popFirst()
        }, say: { said.append($0) })
        let result = try interview.run()
        #expect(queue.isEmpty, "every scripted answer was asked for")
        return (result, prompts, said)
    }

    /// The starter's YAML for `answers`, loaded as `matchplan check` loads it, and planned.
    func load(_ answers: ProfileStarter.Answers) throws -> (Profile, StrategyPlan) {
        let rules = try Fixtures.rules()
        let text = ProfileStarter.yaml(answers, today: Self.today, fileName: "profile.yaml")
        let profile = try ProfileLoader(scoreScale: rules.scoreScale, checklistIDs: rules.checklist.map(\.id))
            .parse(SourceText(path: "profile.yaml", text: text))
        let cycle = try CycleLoader.load(matchYear: profile.matchYear, contentDirectory: Fixtures.contentDirectory, projection: rules.cycleProjection)
        return (profile, Planner(rules: rules, cycle: cycle).plan(for: profile, today: Self.today))
    }

    @Test func answersFillTheProfileAndBadAnswersAreAskedAgain() throws {
        let (answers, prompts, said) = try interview(["Ana Ruiz", "abc", "2028", "", "md", "pass", "", "", "240, 300x", "238, 246", "2027-13-01", "2027-06-30", "Both"])
        #expect(answers.name == "Ana Ruiz" && answers.matchYear == 2028 && answers.stage == .ms3 && answers.degree == .md)
        #expect(answers.step1 == "pass" && answers.step1Attempts == 1 && answers.step2ckScore == nil)
        #expect(answers.practice == [238, 246] && answers.step2ckDate == Fixtures.date("2027-06-30") && answers.pathway == .both)
        #expect(prompts.filter { $0.hasPrefix("Match year") }.count == 2 && said.count == 3, "\(said)")
        #expect(prompts.contains("Match year (the March you hope to match) [2027]: "), "defaults shown in brackets")
        #expect(prompts.contains("Stage now (MS1, MS2, MS3, MS4 or graduate) [MS3]: "), "the stage default follows the year answered")
        let (profile, plan) = try load(answers)
        #expect(profile.name == "Ana Ruiz" && profile.step2ck.practice == [238, 246])
        #expect(plan.step2ck.basis == .predicted && plan.band == .borderline)
    }

    @Test func enterEverywhereGivesTheDefaults() throws {
        let (answers, _, _) = try interview(Array(repeating: "", count: 10))
        #expect(answers == {
            var expected = ProfileStarter.Answers.defaults(today: Self.today)
            expected.name = nil
            return expected
        }())
        #expect(answers.matchYear == 2027 && answers.stage == .ms4)
        #expect(try load(answers).0.step1 == .pass)
    }

    @Test func aReportedScoreAsksWhenItWasSatAndRefusesAFutureDate() throws {
        let (answers, prompts, said) = try interview(["", "", "", "", "", "", "251", "2027-01-05", "2026-07-01", "integrated_ir"])
        #expect(answers.step2ckScore == 251 && answers.step2ckDate == Fixtures.date("2026-07-01") && answers.practice.isEmpty)
        #expect(!prompts.contains { $0.hasPrefix("NBME") } && said.count == 1)
        #expect(try load(answers).1.step2ck.state == .reported)
    }

    @Test func comlexOnlyDOSkipsTheUSMLEQuestionsAndStillChecks() throws {
        let (answers, prompts, _) = try interview(["", "", "", "DO", "yes", "dr_esir"])
        #expect(answers.comlexOnly && answers.step1 == nil && answers.degree == .d0)
        #expect(!prompts.contains { $0.hasPrefix("Step 1") || $0.hasPrefix("Step 2") })
        let (profile, plan) = try load(answers)
        #expect(profile.comlexOnly && plan.conditions.contains("comlex_only"))
    }

    @Test func aNumericStep1AsksForItsDate() throws {
        let (answers, _, _) = try interview(["", "", "graduate", "", "218", "", "2020-03-10", "253", "2021-07-15", ""])
        #expect(answers.step1 == "218" && answers.step1Date == Fixtures.date("2020-03-10"))
        #expect(try load(answers).0.step1 == .score(218))
    }

    @Test func endOfInputStopsWithNothingDecided() throws {
        #expect(throws: ProfileInterview.Ended.self) { _ = try interview(["Ana", "2028"]) }
    }

    @Test func theTemplateWithoutAnswersChecksAndQuotesNames() throws {
        var answers = ProfileStarter.Answers.defaults(today: Self.today)
        answers.name = #"Dana "DJ" O'Neil \ co"#
        let (profile, _) = try load(answers)
        #expect(profile.name == answers.name)
        let text = ProfileStarter.yaml(answers, today: Self.today, fileName: "me.yaml")
        #expect(text.contains("#   matchplan report me.yaml --out my-report/"))
        #expect(text.contains("# score: 248") && text.contains("stage: MS4"))
    }
}
