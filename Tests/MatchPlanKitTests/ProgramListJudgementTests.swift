import Foundation
import Testing
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPlan

/// PL3–PL8: signals, geography and setting, regions, ESIR and the PGY-1 year.
@Suite("Program list judgements")
struct ProgramListJudgementTests {
    typealias T = ProgramListAuditTests

    // MARK: PL3 signal counts

    @Test("PL3: more gold than the shared pool holds is a red flag; IR and DR count together")
    func test_PL3_overTheSharedGoldPoolIsARedFlag() throws {
        var list = T.balanced(ir: 25, dr: 15, gold: 0)
        for index in [0, 1, 2, 3, 25, 26, 27] { list[index].signal = .gold }
        let (result, plan) = try T.audit(list, step2ck: 250)
        #expect(result.signals.goldUsed == 7)
        #expect((result.signals.irGold, result.signals.drGold) == (4, 3))
        #expect(result.signals.sharedPool == true)
        #expect(plan.redFlagIDs.contains("program-list-too-many-gold"))
        #expect(!plan.warningIDs.contains("program-list-gold-unused"))
    }

    @Test("PL3: with separate pools each specialty is judged against the full counts")
    func test_PL3_separatePoolsAreJudgedEach() throws {
        var list = T.balanced(ir: 25, dr: 15, gold: 0)
        for index in 0..<6 { list[index].signal = .gold }
        for index in 25..<32 { list[index].signal = .silver }
        var plan = try Fixtures.plan(step2ck: 250)
        plan.signals.sharedPool = false
        let result = ProgramListAudit.audit(ProgramList(fileName: "x.csv", programs: list), plan: plan,
                                            profile: Fixtures.profile(step2ck: 250), rules: try T.rules())
        let ids = T.ids(result)
        #expect(ids.contains("program-list-too-many-silver-dr"))
        #expect(!ids.contains { $0.hasPrefix("program-list-too-many-gold") })
        // DR's own gold pool is untouched.
        #expect(ids.contains("program-list-gold-unused-dr"))
        #expect(!ids.contains("program-list-gold-unused-ir"))
    }

    @Test("PL3: gold left unplaced is a warning; signals on PGY-1 programs are not counted")
    func test_PL3_unplacedGoldWarnsAndPGY1SignalsAreNotCounted() throws {
        var list = T.balanced(ir: 25, dr: 15, gold: 4)
        list[list.count - 1].signal = .gold  // the preliminary program
        let (result, plan) = try T.audit(list, step2ck: 250)
        #expect(result.signals.goldUsed == 4)
        #expect(plan.warningIDs.contains("program-list-gold-unused"))
        #expect(T.ids(result).contains("program-list-pgy1-signals"))
    }

    // MARK: PL4 where the signals went

    @Test("PL4 (SG2, G1): borderline and low: more than half the gold on academic programs in oversubscribed metros is a warning", arguments: [(238, true), (230, true), (250, false)])
    func test_PL4_allGoldOnAcademicMetroPrograms(score: Int, warned: Bool) throws {
        var list = T.balanced(ir: 20, dr: 30, gold: 0)
        for index in 0..<6 {
            list[index].signal = .gold
            list[index].setting = .academic
            (list[index].city, list[index].state) = index.isMultiple(of: 2) ? ("New York", "NY") : ("Boston", "MA")
        }
        let (_, plan) = try T.audit(list, step2ck: score)
        #expect(plan.warningIDs.contains("program-list-gold-academic-metro") == warned)
        // Half of them (3 of 6) on community programs elsewhere and the warning goes.
        for index in 0..<3 {
            list[index].setting = .community
            (list[index].city, list[index].state) = ("Peoria", "IL")
        }
        let (_, moved) = try T.audit(list, step2ck: score)
        #expect(!moved.warningIDs.contains("program-list-gold-academic-metro"))
    }

    @Test("PL4 (SG2): signals on tied programs are noted as the strongest use; ties without a signal are noted")
    func test_PL4_tiesAreTheStrongestUse() throws {
        var list = T.balanced(ir: 25, dr: 15)
        list[0].tie = .home
        list[1].tie = .away
        list[10].tie = .geographic  // no signal
        let (result, plan) = try T.audit(list, step2ck: 250)
        #expect(result.signals.onTiedPrograms == 2)
        let notes = result.findings.filter { $0.level == .note }.map(\.id)
        #expect(notes.contains("program-list-signals-on-ties"))
        #expect(notes.contains("program-list-ties-without-signal"))
        #expect(!plan.warningIDs.contains("program-list-signals-on-ties"))
    }

    // MARK: PL5 geography and setting

    @Test("PL5 (G1): the share in oversubscribed metros is judged by scenario", arguments: [(238, true), (250, true), (260, false)])
    func test_PL5_metroShareByScenario(score: Int, warned: Bool) throws {
        // 30 of 50 programs (60%) in New York: over solid's 50% and borderline's 25%; high is not judged.
        let list = T.programs(20, .integratedIR, city: "New York", state: "NY") + T.programs(10, .diagnosticRadiology, prefix: "NY", city: "Brooklyn", state: "ny", esir: true)
            + T.programs(20, .diagnosticRadiology, setting: .community, esir: true)
        let (result, plan) = try T.audit(list, step2ck: score)
        #expect(result.geography.inOversubscribedMetros == 30)
        #expect(result.geography.oversubscribedSharePercent == 60)
        #expect(plan.warningIDs.contains("program-list-metro-share") == warned)
    }

    @Test("PL5 (G2, L3.1): too few community or hybrid programs is a warning in the low scenario")
    func test_PL5_communityShareInLowScenario() throws {
        let academic = T.programs(15, .integratedIR) + T.programs(30, .diagnosticRadiology, esir: true) + T.programs(1, .transitional)
        let (result, plan) = try T.audit(academic, step2ck: 230)
        #expect(result.geography.communitySharePercent == 0)
        #expect(plan.warningIDs.contains("program-list-community-share"))
        let mixed = T.programs(15, .integratedIR, setting: .hybrid) + T.programs(30, .diagnosticRadiology, esir: true) + T.programs(1, .transitional)
        let (_, mixedPlan) = try T.audit(mixed, step2ck: 230)
        #expect(!mixedPlan.warningIDs.contains("program-list-community-share"))
    }

    // MARK: PL6 regions

    @Test("PL6: a region the profile names with no program there is a warning; a list wider than a not-flexible profile is a note")
    func test_PL6_profileRegionsAgainstTheList() throws {
        var profile = Fixtures.profile(step2ck: 250)
        profile.geography.regions = ["Midwest", "west", "Atlantis"]
        profile.geography.flexible = false
        let list = T.balanced(ir: 25, dr: 15) + T.programs(2, .integratedIR, prefix: "Texas", city: "Houston", state: "TX")
        let (result, plan) = try T.audit(list, profile: profile)
        #expect(result.geography.inProfileRegions == 40)
        #expect(plan.warningIDs.contains("program-list-region-empty"))
        let empty = try #require(result.findings.first { $0.id == "program-list-region-empty" })
        #expect(empty.message.contains("West"))
        #expect(!empty.message.contains("Atlantis"))  // the profile's own text is never echoed
        let notes = result.findings.filter { $0.level == .note }.map(\.id)
        #expect(notes.contains("program-list-regions-unknown"))
        #expect(notes.contains("program-list-wider-than-profile"))
    }

    // MARK: PL7 ESIR

    @Test("PL7 (L1.1, B3.3, D12): the ESIR share of DR programs is judged by scenario and pathway")
    func test_PL7_esirShareByScenarioAndPathway() throws {
        // 13 of 20 DR programs (65%) with ESIR: enough for borderline (60%), not for DR-only (75%).
        let list = T.programs(15, .integratedIR) + T.programs(13, .diagnosticRadiology, esir: true)
            + T.programs(7, .diagnosticRadiology, prefix: "No ESIR", esir: nil) + T.programs(1, .preliminary)
        let (result, plan) = try T.audit(list, step2ck: 238)
        #expect((result.esir.withESIR, result.esir.unknown, result.esir.sharePercent, result.esir.minimumPercent) == (13, 7, 65, 60))
        #expect(!plan.warningIDs.contains("program-list-esir-share"))
        var drOnly = Fixtures.profile(step2ck: 238)
        drOnly.pathway = .drESIR
        let (drResult, drPlan) = try T.audit(list, profile: drOnly)
        #expect(drResult.esir.minimumPercent == 75)
        #expect(drPlan.warningIDs.contains("program-list-esir-share"))
        #expect(drPlan.warnings.first { $0.id == "program-list-esir-share" }?.message.contains("7 have no esir value") == true)
    }

    // MARK: PL8 the PGY-1 year

    @Test("PL8 (D17): IR and DR programs without a preliminary or transitional year is a warning")
    func test_PL8_noPGY1ProgramsWarns() throws {
        let without = T.programs(25, .integratedIR) + T.programs(15, .diagnosticRadiology, esir: true)
        let (_, plan) = try T.audit(without, step2ck: 250)
        #expect(plan.warningIDs.contains("program-list-no-pgy1"))
        let (_, with) = try T.audit(without + T.programs(1, .transitional), step2ck: 250)
        #expect(!with.warningIDs.contains("program-list-no-pgy1"))
    }

    @Test("PL1–PL8: findings are ordered red flags, warnings, notes; the table by specialty, then signal, then name")
    func test_PL1_findingOrderAndProgramOrder() throws {
        var list = T.programs(3, .preliminary) + T.programs(2, .diagnosticRadiology, esir: true) + T.programs(2, .integratedIR)
        list[4].signal = .silver
        list[3].signal = .gold
        list[6].signal = .gold
        let (result, _) = try T.audit(list, step2ck: 250)
        let levels = result.findings.map(\.level)
        #expect(levels == levels.sorted { [.redFlag, .warning, .note].firstIndex(of: $0)! < [.redFlag, .warning, .note].firstIndex(of: $1)! })
        #expect(result.programs.map(\.specialty) == [.integratedIR, .integratedIR, .diagnosticRadiology, .diagnosticRadiology, .preliminary, .preliminary, .preliminary])
        #expect(result.programs.map(\.signal).prefix(4) == [.gold, .none, .gold, .silver])
    }

    @Test("PL2: one overview line per student for a class dashboard")
    func test_PL2_overviewLineForTheDashboard() throws {
        let (clean, _) = try T.audit(T.balanced(ir: 25, dr: 31), step2ck: 250)
        #expect(clean.overview == "61 programs · $690 (projected) · no findings")
        let (short, _) = try T.audit(T.balanced(ir: 5, dr: 15), step2ck: 250)
        #expect(short.overview == "25 programs · $275 (projected) · 1 red flag")
        let (big, _) = try T.audit(T.balanced(ir: 60, dr: 80, gold: 0) + T.programs(3, .transitional), step2ck: 250)
        // 60 IR: 330 + 30 × 30; 80 DR: 330 + 50 × 30; 5 preliminary; 3 transitional. No gold placed: a warning.
        #expect(big.overview == "148 programs · $3,148 (projected) · 1 warning")
    }
}
