import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// The checklist: which items apply (`when:`), their status from the profile (H1, H3, H4, S1.1,
/// TL3, W3, B3.3, SG2), and D9's overdue flag. Match 2027: the season is 2026.
@Suite("Checklist")
struct ChecklistTests {
    private func item(_ id: String, _ profile: Profile, today: CalendarDate = Fixtures.today) throws -> StrategyPlan.ChecklistItem {
        try #require(try Fixtures.plan(profile, today: today).checklistItem(id))
    }

    // MARK: H4: at least two IR or DR letters, one core clerkship letter

    @Test("H4: two letters from IR or DR faculty", arguments: [
        (0, 0, StrategyPlan.Status.todo), (1, 0, .inProgress), (0, 1, .inProgress),
        (1, 1, .done), (2, 0, .done), (0, 2, .done), (3, 1, .done),
    ])
    func test_H4_lettersNeedTwoIRorDR(ir: Int, dr: Int, status: StrategyPlan.Status) throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.letters.ir = ir
        profile.letters.dr = dr
        profile.letters.coreClerkship = 5  // does not count toward the IR/DR target
        let letters = try item("ir-dr-letters", profile)
        #expect(letters.status == status)
        #expect(letters.rule == "H4")
        // D15: application work is due when programs may start reviewing.
        #expect(letters.due == Fixtures.date("2026-09-23"))
    }

    @Test("H4: one core clerkship letter", arguments: [(0, StrategyPlan.Status.todo), (1, .done)])
    func test_H4_oneCoreClerkshipLetter(count: Int, status: StrategyPlan.Status) throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.letters.coreClerkship = count
        profile.letters.ir = 2
        #expect(try item("core-clerkship-letter", profile).status == status)
    }

    // MARK: D9: open items past their date are overdue, never dropped

    @Test func test_D9_overdueItemFlagged() throws {
        // join-ir-interest-group is due 2025-12-31; today is 2026-01-15.
        let open = try item("join-ir-interest-group", Fixtures.profile(step2ck: 250))
        #expect(open.due == Fixtures.date("2025-12-31"))
        #expect(open.status == .overdue)

        var joined = Fixtures.profile(step2ck: 250)
        joined.ir.interestGroup = true
        #expect(try item("join-ir-interest-group", joined).status == .done)
    }

    @Test("D9: overdue only after the due date", arguments: [
        ("2026-03-30", StrategyPlan.Status.todo), ("2026-03-31", .todo), ("2026-04-01", .overdue),
    ])
    func test_D9_overdueStartsTheDayAfterDue(today: String, status: StrategyPlan.Status) throws {
        // find-ir-mentor is due season:03-31.
        let mentor = try item("find-ir-mentor", Fixtures.profile(step2ck: 250), today: Fixtures.date(today))
        #expect(mentor.due == Fixtures.date("2026-03-31"))
        #expect(mentor.status == status)
    }

    @Test func test_D9_inProgressItemPastDueIsOverdue() throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.letters.ir = 1
        let early = try item("ir-dr-letters", profile, today: Fixtures.date("2026-09-23"))
        let late = try item("ir-dr-letters", profile, today: Fixtures.date("2026-09-24"))
        #expect(early.status == .inProgress)
        #expect(late.status == .overdue)
    }

    /// TL6 / D9: a rotation not done by the day programs begin reviewing (2026-09-23 for Match
    /// 2027) is overdue up to that day, then past for the season, never overdue; letters stay
    /// overdue (they can still be uploaded).
    @Test func test_TL6_D9_rotationsArePastOnceProgramsReview() throws {
        let profile = Fixtures.profile(step2ck: 250)
        let reviewDay = try item("home-ir-rotation", profile, today: Fixtures.date("2026-09-23"))
        #expect(reviewDay.status == .overdue)
        let plan = try Fixtures.plan(profile, today: Fixtures.date("2026-09-24"))
        for id in ["home-ir-rotation", "away-ir-rotation", "apply-vslo", "find-ir-mentor"] {
            let past = try #require(plan.checklistItem(id))
            #expect(past.status == .closed, "\(id)")
            #expect(past.text.hasPrefix("Not done before programs began reviewing"), "\(past.text)")
        }
        #expect(plan.checklistItem("ir-dr-letters")?.status == .overdue)
        #expect(plan.checklist.filter { $0.status == .overdue }.map(\.id) == ["ir-dr-letters", "core-clerkship-letter"].filter { id in
            plan.checklistItem(id)?.status == .overdue
        })
    }

    @Test func test_D9_pastItemsAreNeverDropped() throws {
        let profile = Fixtures.profile(step2ck: 250)
        let before = try Fixtures.plan(profile, today: Fixtures.date("2024-01-01")).checklist.map(\.id)
        let late = Fixtures.date("2027-03-03")  // the rank order list deadline: the Match is not over yet
        let after = try Fixtures.plan(profile, today: late).checklist.map(\.id)
        #expect(before == after)
        #expect(before.count == 20)  // 35 items less the 15 for B3/B4, fails, T2, a failed clerkship, COMLEX-only, IR-only by choice and after the Match
        // D9 / D15: past items are overdue, or closed as past application work (B9); the rank order
        // list is due that very day (TL7).
        #expect(try Fixtures.plan(profile, today: late).checklist.allSatisfy {
            $0.status == .done || $0.status == .overdue || ($0.status == .closed && $0.text.contains("confirm"))
                || ($0.status == .closed && $0.text.hasPrefix("Not done before programs began reviewing"))  // TL6 / D9
                || ($0.id == "certify-rank-order-list" && $0.status == .todo)
        })
    }

    // MARK: S1.1 and TL3: Step 1 and Step 2 CK items

    @Test("S1.1: pass Step 1", arguments: [
        (Profile.Step1Result.pass, StrategyPlan.Status.done), (.score(230), .done),
    ])
    func test_S1_1_passStep1(step1: Profile.Step1Result, status: StrategyPlan.Status) throws {
        let pass = try item("pass-step1", Fixtures.profile(step2ck: 250, step1: step1))
        #expect(pass.due == Fixtures.date("2025-06-30"))
        #expect(pass.status == status)
    }

    @Test func test_S1_1_failNotPassedIsTheRetakeItem() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 250, step1: .fail))
        #expect(plan.checklistItem("pass-step1") == nil)
        let retake = try #require(plan.checklistItem("retake-step1"))
        #expect(retake.status == .todo && retake.due == plan.timing.step1RetakeTarget)
    }

    @Test("TL3: sit Step 2 CK by the scenario's latest date", arguments: [
        (Profile.Grade.honors, "2026-07-10"), (.pass, "2026-08-31"),
    ])
    func test_TL3_sitStep2CKDueAtTimingLatest(surgery: Profile.Grade, due: String) throws {
        var profile = Fixtures.profile()
        profile.clerkships.surgery = surgery
        let sit = try item("sit-step2ck", profile)
        #expect(sit.due == Fixtures.date(due))
        #expect(sit.status == .todo)
    }

    @Test func test_TL3_sitStep2CKStatus() throws {
        #expect(try item("sit-step2ck", Fixtures.profile(step2ck: 250)).status == .done)
        #expect(try item("sit-step2ck", Fixtures.profile(date: "2026-07-01")).status == .inProgress)
        // Sat on its date, score not back yet: done, not overdue.
        #expect(try item("sit-step2ck", Fixtures.profile(date: "2026-07-01"), today: Fixtures.date("2026-07-11")).status == .done)
        // Planned after the latest date, which has passed: overdue.
        #expect(try item("sit-step2ck", Fixtures.profile(date: "2026-08-15"), today: Fixtures.date("2026-07-11")).status == .overdue)
        // D8: a failed Step 2 CK was sat: the retake is its own item.
        let failed = try Fixtures.plan(Fixtures.profile(step2ck: 210, date: "2026-06-25"), today: Fixtures.date("2026-07-30"))
        #expect(failed.checklistItem("sit-step2ck") == nil)
        #expect(failed.checklistItem("retake-step2ck")?.status == .todo)
    }

    @Test("TL3: home IR rotation done/planned/none", arguments: [
        (Profile.Progress?.some(.done), StrategyPlan.Status.done), (.some(.planned), .inProgress),
        (.some(.notPlanned), .todo), (nil, .todo),
    ])
    func test_TL3_homeIRRotation(progress: Profile.Progress?, status: StrategyPlan.Status) throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.rotations.homeIR = progress
        #expect(try item("home-ir-rotation", profile).status == status)
    }

    // MARK: Items that depend on conditions

    @Test("P3: remediation plan only after a Step 1 fail", arguments: [
        (Fixtures.profile(step2ck: 250, step1: .fail), true), (Fixtures.profile(step2ck: 217), false),
        (Fixtures.profile(step2ck: 250, step1: .pass, step1Attempts: 2), true),
        (Fixtures.profile(step2ck: 230), false), (Fixtures.profile(step2ck: 250), false),
    ])
    func test_P3_remediationPlanOnlyAfterFail(profile: Profile, present: Bool) throws {
        // D19: Step 1 still to pass: the plan before the retake has its own dated item.
        let plan = try Fixtures.plan(profile)
        #expect((plan.checklistItem("remediation-plan") ?? plan.checklistItem("step1-remediation-plan") != nil) == present)
    }

    @Test("D8: a Step 2 CK fail adds a retake plan, due when programs start review", arguments: [(217, true), (218, false)])
    func test_D8_retakePlanAfterStep2CKFail(score: Int, present: Bool) throws {
        let retake = try Fixtures.plan(Fixtures.profile(step2ck: score)).checklistItem("step2ck-retake-plan")
        #expect((retake != nil) == present)
        if let retake { #expect(retake.due == (try Fixtures.cycle().event("programs_review")!.date) && retake.status == .todo) }
    }

    @Test("B4.3 / B3.3: meeting and ESIR items only in B3/B4", arguments: [
        (255, false), (245, false), (244, true), (235, true), (230, true),
    ])
    func test_B3_3_esirAndMeetingItemsOnlyInBorderlineOrLow(score: Int, present: Bool) throws {
        let plan = try Fixtures.plan(step2ck: score)
        #expect((plan.checklistItem("present-at-ir-meeting") != nil) == present)
        #expect((plan.checklistItem("include-esir-programs") != nil) == present)
    }

    @Test func test_B3_3_esirItemDoneWithDRESIRPathway() throws {
        var profile = Fixtures.profile(step2ck: 238)
        profile.pathway = .drESIR
        let season = Fixtures.date("2026-08-15")  // D18: in progress only once ERAS has opened
        #expect(try item("include-esir-programs", profile, today: season).status == .inProgress)
        #expect(try item("include-esir-programs", profile).status == .todo)
        // W3: a DR-only applicant is not told to apply to integrated IR too.
        #expect(try Fixtures.plan(profile).checklistItem("apply-ir-and-dr") == nil)
        profile.completed = ["include-esir-programs"]
        #expect(try item("include-esir-programs", profile).status == .done)
    }

    /// Choosing both pathways is a decision, not the application: in progress until marked done.
    @Test func test_W3_applyIRAndDRInProgressWithBothPathway() throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.pathway = .both
        let both = try item("apply-ir-and-dr", profile, today: Fixtures.date("2026-08-15"))
        #expect(both.status == .inProgress)
        #expect(try item("apply-ir-and-dr", profile).status == .todo, "D18: before ERAS opens nothing is in progress")
        #expect(both.rule == "W3")
        profile.completed = ["apply-ir-and-dr"]
        #expect(try item("apply-ir-and-dr", profile).status == .done)
    }

    @Test("H1: sub-internship in B3/B4 or T2", arguments: [(250, Profile.Grade.honors, false), (250, .pass, true), (240, .honors, true)])
    func test_H1_subInternshipWhenBorderlineLowOrT2(score: Int, surgery: Profile.Grade, present: Bool) throws {
        var profile = Fixtures.profile(step2ck: score)
        profile.clerkships.surgery = surgery
        #expect((try Fixtures.plan(profile).checklistItem("sub-internship") != nil) == present)
    }

    @Test("H3: scholarly work counts abstracts, posters and case reports", arguments: [
        (0, 0, 0, StrategyPlan.Status.todo), (1, 0, 0, .done), (0, 1, 0, .done), (0, 0, 1, .done),
    ])
    func test_H3_scholarlyWork(abstracts: Int, posters: Int, caseReports: Int, status: StrategyPlan.Status) throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.research.irAbstracts = abstracts
        profile.research.irPosters = posters
        profile.research.caseReports = caseReports
        profile.research.qiProjects = 3  // QI does not count toward this item
        #expect(try item("ir-scholarly-work", profile, today: Fixtures.date("2026-01-01")).status == status)
    }

    @Test func test_SG2_signalItemIsManualAndCompletedListMarksItDone() throws {
        var profile = Fixtures.profile(step2ck: 250)
        #expect(try item("send-program-signals", profile).status == .todo)
        #expect(try item("send-program-signals", profile).rule == "SG2")
        profile.completed = ["send-program-signals"]
        #expect(try item("send-program-signals", profile, today: Fixtures.date("2026-12-01")).status == .done)
    }
}
