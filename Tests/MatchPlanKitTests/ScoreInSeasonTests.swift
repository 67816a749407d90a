import Testing
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// C2 / D15 / TL6: once a passing Step 2 CK score is in, the timing text says what matters now,
/// and "now" depends on the date: the application before programs review, interviews and the
/// rank order list after, nothing more once the Match is over.
struct ScoreInSeasonTests {
    static func reason(_ today: String) throws -> String {
        var profile = Fixtures.profile(step2ck: 250, date: "2026-07-01")
        profile.pathway = .both
        return try Fixtures.plan(profile, today: Fixtures.date(today)).timing.reason
    }

    @Test func test_T1_TL6_beforeProgramsReviewTheApplicationMatters() throws {
        let reason = try Self.reason("2026-08-15")
        #expect(reason.hasSuffix("what matters now is the program list, letters, signals and the personal statement (A1, A2)."), "\(reason)")
    }

    @Test func test_T1_TL6_inInterviewSeasonInterviewsAndTheRankListMatter() throws {
        let reason = try Self.reason("2026-12-01")
        #expect(!reason.contains("program list"), "the list went in with the application: \(reason)")
        #expect(reason.hasSuffix("with applications in, what matters now is interviews and your rank order list (TL6)."), "\(reason)")
    }

    @Test func test_T1_TL6_afterTheMatchNothingIsSaidToMatterNow() throws {
        let reason = try Self.reason("2027-04-01")
        #expect(reason.hasSuffix("so the sitting date no longer matters."), "\(reason)")
        #expect(!reason.contains("now"), "\(reason)")
    }
}
