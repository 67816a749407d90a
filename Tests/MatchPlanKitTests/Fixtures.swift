import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Shared helpers: the repo's real `Content/rules.yaml` and `Content/cycles/2027.yaml`, a
/// planner over them, and small builders for profiles and dates. Every plan is computed with
/// an explicit `today`, never the real clock.
enum Fixtures {
    /// `Tests/MatchPlanKitTests/Fixtures.swift` → `../../Content`.
    static let contentDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MatchPlanKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Content").path

    static let matchYear = 2027

    /// Loaded once; a loading failure is reported by every test that needs it instead of crashing the run.
    private static let loaded: Result<(Rules, Cycle), any Error> = Result {
        let rules = try RulesLoader.load((contentDirectory as NSString).appendingPathComponent("rules.yaml"))
        // As the pipeline loads it: the file's dates, and the events it leaves out projected (D14).
        let cycle = try CycleLoader.load(matchYear: matchYear, contentDirectory: contentDirectory, projection: rules.cycleProjection)
        return (rules, cycle)
    }

    static func rules() throws -> Rules { try loaded.get().0 }
    static func cycle() throws -> Cycle { try loaded.get().1 }
    static func planner() throws -> Planner {
        let (rules, cycle) = try loaded.get()
        return Planner(rules: rules, cycle: cycle)
    }

    /// Mid-MS3 for Match 2027: before the Step 2 CK window, after the MS2 deadlines.
    static let today = date("2026-01-15")

    /// The plan for `profile` as of `today`.
    static func plan(_ profile: Profile, today: CalendarDate = today) throws -> StrategyPlan {
        try planner().plan(for: profile, today: today)
    }

    /// A Match 2027 profile with the given scores (nil = not given).
    static func profile(step2ck score: Int? = nil, practice: [Int] = [], step1: Profile.Step1Result? = .pass,
                        step1Attempts: Int? = nil, date: String? = nil) -> Profile {
        var profile = Profile(matchYear: matchYear)
        profile.step1 = step1
        profile.step1Attempts = step1Attempts
        profile.step2ck.score = score
        profile.step2ck.practice = practice
        profile.step2ck.date = date.map(Self.date)
        return profile
    }

    /// The plan for a student with a reported Step 2 CK and a Step 1 pass.
    static func plan(step2ck score: Int, step1: Profile.Step1Result? = .pass, today: CalendarDate = today) throws -> StrategyPlan {
        try plan(profile(step2ck: score, step1: step1), today: today)
    }

    /// `YYYY-MM-DD` → date; a malformed literal is a bug in the test itself.
    static func date(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return date
    }
}

extension StrategyPlan {
    var redFlagIDs: [String] { redFlags.map(\.id) }
    var warningIDs: [String] { warnings.map(\.id) }

    func checklistItem(_ id: String) -> ChecklistItem? { checklist.first { $0.id == id } }
    func timelineEvent(_ id: String) -> TimelineEvent? { timeline.first { $0.id == id } }
}
