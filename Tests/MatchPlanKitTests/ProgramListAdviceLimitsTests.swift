import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// Where the program-list audit must hold back or say more: no trimming of IR after a fail
/// (PL1, D2), no trivial savings (PL2), too few PGY-1 programs (PL8), unused silver (PL3), most
/// gold on contested programs and a gold split unlike the plan's (PL4), and after programs begin
/// reviewing, lessons instead of to-dos (PL9).
@Suite("Program list: advice limits")
struct ProgramListAdviceLimitsTests {
    typealias T = ProgramListAuditTests

    static func audit(_ list: [ProgramList.Program], profile: Profile, today: CalendarDate = Fixtures.today) throws -> (ProgramListResult, StrategyPlan) {
        var plan = try Fixtures.plan(profile, today: today)
        ProgramListAudit.apply(ProgramList(fileName: "programs.csv", programs: list), to: &plan, profile: profile, rules: try T.rules())
        return (plan.programList!, plan)
    }

    static func allText(_ result: ProgramListResult) -> String {
        result.findings.map { $0.message + " " + $0.change }.joined(separator: "\n")
    }

    @Test("PL1 (D2, S1.2): after a Step 1 fail, IR above the range is kept for breadth: no trimming, no saving")
    func test_PL1_D2_noIRTrimmingAfterAStep1Fail() throws {
        var profile = Fixtures.profile(step2ck: 252, step1: .pass, step1Attempts: 2)
        let plan = try Fixtures.plan(profile)
        #expect((plan.scenario, plan.scenarioRule) == (.low, "D2"))
        let irMax = try #require(plan.list.integratedIR).max
        let (result, _) = try Self.audit(T.balanced(ir: irMax + 12, dr: 30), profile: profile)
        let ids = T.ids(result)
        #expect(ids.contains("program-list-ir-above-breadth"))
        #expect(!ids.contains("program-list-ir-above"))
        #expect(result.fees.savingsIfTrimmedUSD == 0)
        #expect(!Self.allText(result).contains("Trimming"))
        // The same list without the fail: trimming IR is advised again (12 programs × $11 = $132).
        profile.step1Attempts = 1
        let (clean, _) = try Self.audit(T.balanced(ir: 22 + 12, dr: 20), profile: profile)
        #expect(T.ids(clean).contains("program-list-ir-above"))
        #expect(clean.fees.savingsIfTrimmedUSD > 0)
    }

    @Test("PL2: a saving under the rules' floor ($100) is not shown; from the floor up it is")
    func test_PL2_trivialSavingsAreNotShown() throws {
        let rules = try T.rules()
        #expect(rules.trimSavingsMinUSD == 100)
        let profile = Fixtures.profile(step2ck: 250)
        let drMax = try #require(try Fixtures.plan(profile).list.diagnosticRadiology).max
        // Two over: $22.
        let (small, _) = try Self.audit(T.balanced(ir: 20, dr: drMax + 2), profile: profile)
        let note = try #require(small.findings.first { $0.id == "program-list-dr-above" })
        #expect(!note.change.contains("Trimming") && !note.change.contains("$"))
        #expect(small.fees.savingsIfTrimmedUSD == 0)
        // Ten over: $110.
        let (large, _) = try Self.audit(T.balanced(ir: 20, dr: drMax + 10), profile: profile)
        #expect(large.fees.savingsIfTrimmedUSD == 110)
        #expect(try #require(large.findings.first { $0.id == "program-list-dr-above" }).change.contains("$110"))
    }

    @Test("PL8 (D17): one or two PGY-1 programs is too few: a warning below the rules' count (5)")
    func test_PL8_D17_tooFewPGY1ProgramsWarn() throws {
        let oneList = T.balanced(ir: 20, dr: 20).filter { $0.specialty != .preliminary } + T.programs(1, .preliminary, prefix: "Prelim")
        let (one, plan) = try T.audit(oneList, step2ck: 250)
        #expect(plan.warningIDs.contains("program-list-few-pgy1"))
        #expect(try #require(one.findings.first { $0.id == "program-list-few-pgy1" }).message.contains("only 1 preliminary"))
        let enoughList = oneList + T.programs(2, .preliminary, prefix: "More") + T.programs(2, .transitional, prefix: "TY")
        let (_, enough) = try T.audit(enoughList, step2ck: 250)
        #expect(!enough.warningIDs.contains { $0.hasSuffix("pgy1") })
    }

    @Test("PL3 (SG1): silver left unplaced is a note, like gold")
    func test_PL3_unusedSilverIsNoted() throws {
        var list = T.balanced(ir: 20, dr: 20)
        for index in 20..<22 { list[index].signal = .silver }
        let (result, _) = try T.audit(list, step2ck: 250)
        let note = try #require(result.findings.first { $0.id == "program-list-silver-unused" })
        #expect(note.level == .note)
        #expect(note.message.contains("places 2 of the"))
    }

    @Test("PL4 (SG2, G1): 5 of 6 gold on academic programs in New York, Boston, San Francisco and Los Angeles warns a borderline applicant")
    func test_PL4_G1_mostGoldOnContestedMetrosWarns() throws {
        let rules = try T.rules()
        #expect(rules.metro(city: "Los Angeles", state: "CA")?.name == "Los Angeles")
        var list = T.balanced(ir: 20, dr: 30, gold: 0)
        let places = [("New York", "NY"), ("Boston", "MA"), ("San Francisco", "CA"), ("Los Angeles", "CA"), ("New York", "NY"), ("Peoria", "IL")]
        for (index, place) in places.enumerated() {
            list[index].signal = .gold
            list[index].setting = .academic
            (list[index].city, list[index].state) = place
        }
        let (result, plan) = try T.audit(list, step2ck: 238)
        #expect(plan.warningIDs.contains("program-list-gold-academic-metro"))
        #expect(try #require(result.findings.first { $0.id == "program-list-gold-academic-metro" }).message.contains("5 of the 6 gold"))
    }

    @Test("PL4 (SG2): a gold split between IR and DR unlike the plan's is noted; the plan's own split is not")
    func test_PL4_SG2_goldSplitUnlikeThePlansIsNoted() throws {
        let plan = try Fixtures.plan(step2ck: 238)
        let split = plan.signals.split
        let gold = split.irGold + split.drGold
        try #require(split.irGold > 0 && plan.signals.sharedPool != false)
        func list(irGold: Int) -> [ProgramList.Program] {
            var list = T.balanced(ir: 20, dr: 30, gold: 0)
            for index in 0..<irGold { list[index].signal = .gold }
            for index in 20..<(20 + gold - irGold) { list[index].signal = .gold }
            return list
        }
        let (same, _) = try T.audit(list(irGold: split.irGold), step2ck: 238)
        #expect(!T.ids(same).contains("program-list-gold-split"))
        let (other, _) = try T.audit(list(irGold: split.irGold + 1), step2ck: 238)
        #expect(T.ids(other).contains("program-list-gold-split"))
    }

    @Test("PL9 (TL6): once programs are reviewing, no trimming or savings and every change is a lesson, not a to-do")
    func test_PL9_afterProgramsReviewNoTrimmingAndLessonsOnly() throws {
        let profile = Fixtures.profile(step2ck: 250)
        let before = try Fixtures.plan(profile)
        let review = before.timing.programsReview
        let list = T.balanced(ir: 20, dr: 60, gold: 2)
        let (early, _) = try Self.audit(list, profile: profile)
        #expect(early.fees.savingsIfTrimmedUSD > 0)
        let (late, _) = try Self.audit(list, profile: profile, today: review)
        #expect(late.fees.savingsIfTrimmedUSD == 0)
        #expect(!Self.allText(late).contains("Trimming"))
        let changes = late.findings.map(\.change).filter { !$0.isEmpty }
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { $0.hasPrefix("Too late to change for this application") && $0.contains("If you apply again") })
        // The day before, still to-dos.
        let (dayBefore, _) = try Self.audit(list, profile: profile, today: review.adding(days: -1))
        #expect(dayBefore.findings.allSatisfy { !$0.change.hasPrefix("Too late") })
    }
}
