import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// Decisions revisited after the second IR advisor review (docs/rules.md): each test names the
/// rule it checks. Match 2027, so the season is 2026.
struct AdvisorReview2Tests {
    // A1 / D12: no cliff at the solid/borderline line for a DR-only applicant.

    @Test func test_D12_drOnlyListHasNoCliffAtTheSolidLine() throws {
        func dr(_ score: Int) throws -> Rules.CountRange? {
            var profile = Fixtures.profile(step2ck: score, date: "2026-07-01")
            profile.pathway = .drESIR
            return try Fixtures.plan(profile, today: Fixtures.date("2026-09-20")).list.diagnosticRadiology
        }
        #expect(try dr(244) == dr(245), "one point at the solid/borderline line must not change the DR count")
        let floor = try #require(try Fixtures.rules().drOnlyFloor)
        let mean = try #require(floor.belowScore)
        #expect(try dr(mean - 1) == floor.diagnosticRadiology, "below DR's matched average: the floor")
        #expect(try dr(mean)!.min < floor.diagnosticRadiology.min, "at DR's matched average: the row")
    }

    // A3 / D8: the Step 2 CK retake target is anchored to the result date.

    @Test func test_D8_retakeTargetIsAnchoredToTheResultAndThenOverdue() throws {
        var profile = Fixtures.profile(step2ck: 209, date: "2026-06-25")
        profile.pathway = .integratedIR
        let rules = try Fixtures.rules(), cycle = try Fixtures.cycle()
        let expected = Fixtures.date("2026-06-25").adding(days: 7 * (cycle.reportingWeeks.value + rules.retakeWeeks))
        let early = try Fixtures.plan(profile, today: Fixtures.date("2026-08-01"))
        let later = try Fixtures.plan(profile, today: Fixtures.date("2026-10-15"))
        #expect(early.timing.retakeEarliest == expected)
        #expect(later.timing.retakeEarliest == expected, "the target does not move from run to run")
        #expect(early.checklistItem("retake-step2ck")?.status == .todo)
        #expect(later.checklistItem("retake-step2ck")?.status == .overdue)
        let flag = try #require(later.redFlags.first { $0.id == "step2ck-below-passing" })
        #expect(flag.message.contains("was due around \(expected.longForm)"))
        #expect(later.timing.reason.contains("booked"))
    }

    // A4 / P3 / D19: the remediation plan comes before the Step 1 retake it prepares.

    @Test func test_P3_D19_remediationPlanIsDueBeforeTheStep1Retake() throws {
        var profile = Fixtures.profile(step1: .fail)
        profile.step1Date = Fixtures.date("2025-10-20")
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2025-12-01"))
        let remediation = try #require(plan.checklistItem("step1-remediation-plan"))
        let retake = try #require(plan.checklistItem("retake-step1"))
        #expect(try #require(remediation.due) < #require(retake.due))
        #expect(remediation.due == Fixtures.date("2025-10-20").adding(days: 7 * (try Fixtures.cycle().reportingWeeks.value)))
        #expect(remediation.status == .overdue)
        #expect(plan.checklistItem("remediation-plan") == nil, "one remediation item, not two")
    }

    @Test func test_P3_passedAfterFailKeepsTheSeasonItem() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250, step1: .pass, step1Attempts: 2))
        #expect(plan.checklistItem("remediation-plan") != nil)
        #expect(plan.checklistItem("step1-remediation-plan") == nil)
    }

    // A6 / D5 / T4: a late planned date: the student's own limit, and "move it".

    @Test func test_D5_lateDateNamesOwnLimitAndSaysMoveIt() throws {
        var profile = Fixtures.profile(date: "2026-09-28")
        profile.clerkships.internalMedicine = .pass
        profile.step2ck.practice = [230, 236]
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-06-15"))
        #expect(plan.timing.scenario == .t2)
        let limit = plan.timing.latestDate
        let flag = try #require(plan.redFlags.first { $0.id == "step2ck-date-too-late" })
        #expect(flag.message.contains("\(limit.longForm), your latest recommended date (T2)"))
        #expect(flag.message.contains("Move your sitting to \(limit.longForm) or earlier now"))
        let action = try #require(plan.actions.first { $0.id == "move-step2ck-sitting" })
        #expect(action.due == limit)
        #expect(action.rule == "D5")
    }

    @Test func test_D5_noMoveActionWhenTheDateIsWithinTheLimit() throws {
        let plan = try Fixtures.plan(Fixtures.profile(date: "2026-07-01"), today: Fixtures.date("2026-06-15"))
        #expect(!plan.actions.contains { $0.id == "move-step2ck-sitting" })
    }

    // C16 / TL1: MS1 and MS2 see the early-years page, not pages that contradict it (practice
    // exams now, "no score yet") nor the rank order list page.

    @Test("TL1 / TL7: early-years pages do not contradict each other", arguments: [Profile.Stage.ms1, .ms2])
    func test_TL1_TL7_earlyYearsSeeNoScoreOrRankListPages(stage: Profile.Stage) throws {
        let pages = try ContentLoader().load(contentDirectory: Fixtures.contentDirectory)
        var profile = Profile(matchYear: 2029)
        profile.stage = stage
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2027-02-15"))
        let shown = Set(pages.filter { $0.applies(to: Set(plan.conditions)) }.map(\.id))
        #expect(shown.contains("early-years"))
        for hidden in ["band-unknown", "interviews-and-ranking", "preparing-for-step2ck", "after-the-score"] {
            #expect(!shown.contains(hidden), "\(hidden) is not for \(stage.rawValue)")
        }
        var ms3 = profile
        ms3.stage = .ms3
        let later = try Fixtures.plan(ms3, today: Fixtures.date("2027-02-15"))
        #expect(pages.first { $0.id == "interviews-and-ranking" }!.applies(to: Set(later.conditions)))
    }

    // A5 / D3 / D4: no practice score near the window: the practice exam first, then the date,
    // with the later scenarios as the fallback.

    @Test func test_D3_noPracticeScoreNearTheWindowTakesAnNBMEFirst() throws {
        let plan = try Fixtures.plan(Fixtures.profile(), today: Fixtures.date("2026-06-15"))
        let warning = try #require(plan.warnings.first { $0.id == "step2ck-book-now" })
        #expect(warning.message.contains("take an NBME practice exam this week"))
        #expect(warning.message.contains("only if that practice score is on target"))
        #expect(warning.message.contains("August 31, 2026 (T2)") && warning.message.contains("September 10, 2026 (T3)"))
        let action = try #require(plan.actions.first { $0.id == "choose-step2ck-date" })
        #expect(action.text.hasPrefix("No Step 2 CK date or practice score yet: take an NBME practice exam first"))
        // With a practice score the warning says to book.
        let practised = try Fixtures.plan(Fixtures.profile(practice: [248]), today: Fixtures.date("2026-06-15"))
        #expect(practised.warnings.first { $0.id == "step2ck-book-now" }?.message.contains("book a sitting now") == true)
    }

    @Test func test_D4_comlexOnlySitsUSMLEOnlyIfPracticePredictsACompetitiveScore() throws {
        var profile = Fixtures.profile(step1: nil)
        profile.comlexOnly = true
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-06-15"))
        let warning = try #require(plan.warnings.first { $0.id == "comlex-only" })
        #expect(warning.message.contains("only if a USMLE-style practice exam (an NBME) predicts a competitive score"))
        #expect(warning.message.contains("if it does not, apply on COMLEX"))
    }

    // B9 / D15 / TL7: after programs begin reviewing, application work is past, not overdue;
    // the NRMP steps are dated items.

    @Test func test_D15_applicationWorkIsPastNotOverdueAfterReviewBegins() throws {
        var profile = Fixtures.profile(step2ck: 255, date: "2026-07-01")
        profile.pathway = .both
        let before = try Fixtures.plan(profile, today: Fixtures.date("2026-09-01"))
        #expect(before.checklistItem("personal-statement")?.status == .todo)
        let december = try Fixtures.plan(profile, today: Fixtures.date("2026-12-01"))
        for id in ["personal-statement", "program-list", "send-program-signals", "pgy1-applications", "apply-ir-and-dr"] {
            let item = try #require(december.checklistItem(id))
            #expect(item.status == .closed, "\(id) is past, not overdue")
            #expect(item.text.contains("confirm"))
        }
        #expect(december.checklistItem("ir-dr-letters")?.status == .overdue, "letters can still be uploaded")
        #expect(!december.actions.contains { $0.id == "overdue" && $0.text.hasPrefix("5") })
    }

    @Test func test_TL7_nrmpRegistrationAndRankListAreDatedItems() throws {
        let cycle = try Fixtures.cycle()
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 255, date: "2026-07-01"), today: Fixtures.date("2026-12-01"))
        let register = try #require(plan.checklistItem("register-nrmp"))
        #expect(register.due == cycle.event("nrmp_registration_deadline")?.date && register.status == .todo)
        let certify = try #require(plan.checklistItem("certify-rank-order-list"))
        #expect(certify.due == cycle.event("rank_order_list_deadline")?.date && certify.status == .todo)
        #expect(plan.actions.contains { $0.id == "next-register-nrmp" })
    }

    // A7 / D9: a graduate gets no student-only items, and hears about graduation-year cut-offs.

    @Test func test_D9_graduateGetsNoStudentOnlyItemsAndACutOffWarning() throws {
        var profile = Fixtures.profile(step2ck: 236, date: "2020-07-15")
        profile.stage = .graduate
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-06-15"))
        for id in ["join-ir-interest-group", "apply-vslo", "away-ir-rotation", "sub-internship"] {
            #expect(plan.checklistItem(id) == nil, "\(id) needs enrolment")
        }
        #expect(plan.checklistItem("graduate-ir-experience") != nil)
        #expect(plan.checklistItem("graduate-recent-letters") != nil)
        let warning = try #require(plan.warnings.first { $0.id == "graduation-year-cutoff" })
        #expect(warning.message.contains("2020, 6 years before this season"))
        var student = profile
        student.stage = .ms4
        let ms4 = try Fixtures.plan(student, today: Fixtures.date("2026-06-15"))
        #expect(ms4.checklistItem("apply-vslo") != nil && ms4.checklistItem("graduate-ir-experience") == nil)
        #expect(!ms4.warnings.contains { $0.id == "graduation-year-cutoff" })
    }

    // B13 / D16 / W3: an unmatched reapplicant gets a broader, more DR-heavy list and "both".

    @Test func test_D16_W3_unmatchedReapplicantGetsABroaderListWithMoreDR() throws {
        var profile = Fixtures.profile(step2ck: 241, date: "2026-07-25")
        profile.pathway = .integratedIR
        let before = try Fixtures.plan(profile, today: Fixtures.date("2027-03-25"))
        profile.matchResult = .unmatched
        let after = try Fixtures.plan(profile, today: Fixtures.date("2027-03-25"))
        #expect(before.list.rule == "L2")
        #expect(after.list.rule == "L3" && after.list.adviceRules.contains("D16"))
        #expect(try #require(after.list.diagnosticRadiology).min > #require(before.list.diagnosticRadiology).min)
        #expect(after.pathway.bothStronglyAdvised)
        #expect(after.conditions.contains("ir_only:dr_advised"))
    }

    // B12 / D4 / S0.1: a DO who is not COMLEX-only decides about USMLE in MS2.

    @Test func test_D4_S0_1_doStudentDecidesOnUSMLEAlongsideCOMLEX() throws {
        var profile = Profile(matchYear: 2027)  // MS1 from July 2023; MS2 from July 2024
        profile.stage = .ms1
        profile.degree = .d0
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2023-12-01"))
        let item = try #require(plan.checklistItem("decide-usmle-alongside-comlex"))
        #expect(item.due == Fixtures.date("2025-01-31") && item.status == .todo)
        profile.comlexOnly = true
        #expect(try Fixtures.plan(profile, today: Fixtures.date("2023-12-01")).checklistItem("decide-usmle-alongside-comlex") == nil)
        profile.comlexOnly = false
        profile.degree = .md
        #expect(try Fixtures.plan(profile, today: Fixtures.date("2023-12-01")).checklistItem("decide-usmle-alongside-comlex") == nil)
    }
}
