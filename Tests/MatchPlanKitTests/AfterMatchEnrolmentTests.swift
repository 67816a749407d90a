import Testing
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// D16 / D9 (A7): an unmatched applicant's next-season note about away rotations. Visiting
/// rotations through VSLO take enrolled students: a graduate is not told the window is open, a
/// student is told that a rotation after graduation needs extended enrollment.
struct AfterMatchEnrolmentTests {
    /// Unmatched in Match 2027, a week after Match Day; next season's VSLO window (Match 2028) runs
    /// March 1 to April 30, 2027.
    static func unmatched(_ stage: Profile.Stage, today: String = "2027-03-25") throws -> String {
        var profile = Fixtures.profile(step2ck: 239, date: "2026-07-01")
        profile.stage = stage
        profile.pathway = .integratedIR
        profile.matchResult = .unmatched
        let plan = try Fixtures.plan(profile, today: Fixtures.date(today))
        return try #require(plan.redFlags.first { $0.id == "did-not-match" }).message
    }

    @Test func test_D16_D9_graduateIsNotToldVSLOIsOpen() throws {
        let message = try Self.unmatched(.graduate)
        #expect(!message.contains("open now"), "\(message)")
        #expect(!message.contains("applications open around"), "\(message)")
        #expect(message.contains("Away rotations through VSLO generally require being an enrolled medical student"), "\(message)")
        #expect(message.contains("a research year or an observership with IR faculty"), "\(message)")
        #expect(message.contains("Match Day around March 17, 2028"), "the rest of the calendar stays: \(message)")
    }

    @Test func test_D16_D9_studentIsToldTheWindowAndTheEnrolmentCondition() throws {
        let message = try Self.unmatched(.ms4)
        #expect(message.contains("away-rotation (VSLO) applications are open now, at most programs until around April 30, 2027"), "\(message)")
        #expect(message.contains("requires being an enrolled student on its dates"), "\(message)")
        #expect(message.contains("extended enrollment (delaying graduation)"), "\(message)")
    }

    @Test func test_D16_D9_noVSLONoteOnceTheWindowHasClosed() throws {
        for stage in [Profile.Stage.ms4, .graduate] {
            let message = try Self.unmatched(stage, today: "2027-05-15")
            #expect(!message.contains("VSLO") && !message.contains("enrolled"), "\(stage): \(message)")
        }
    }
}
