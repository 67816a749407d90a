import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanRender

/// PL1–PL8: the audit of a student's own program list, against the real
/// `Content/program-list.yaml` and a Match 2027 plan.
@Suite("Program list audit")
struct ProgramListAuditTests {
    typealias Program = ProgramList.Program

    static func rules() throws -> ProgramListRules {
        try ProgramListRulesLoader.load(contentDirectory: Fixtures.contentDirectory)
    }

    /// `count` programs of one specialty in Iowa City, IA (Midwest, no oversubscribed metro).
    static func programs(_ count: Int, _ specialty: ProgramList.Specialty, prefix: String = "Program", city: String = "Iowa City",
                         state: String = "IA", setting: ProgramList.Setting? = .academic, esir: Bool? = nil) -> [Program] {
        (0..<count).map { Program(name: "\(prefix) \($0)", specialty: specialty, city: city, state: state, setting: setting,
                                  esir: specialty == .diagnosticRadiology ? esir : nil) }
    }

    /// A list within the plan's ranges with enough PGY-1 programs (PL8's 5 preliminary), ESIR
    /// everywhere and every gold placed.
    static func balanced(ir: Int, dr: Int, gold: Int = 6) -> [Program] {
        var list = programs(ir, .integratedIR, setting: .community) + programs(dr, .diagnosticRadiology, esir: true)
            + programs(5, .preliminary)
        for index in 0..<gold { list[index].signal = .gold }
        return list
    }

    static func audit(_ programs: [Program], profile: Profile) throws -> (ProgramListResult, StrategyPlan) {
        var plan = try Fixtures.plan(profile)
        ProgramListAudit.apply(ProgramList(fileName: "programs.csv", programs: programs), to: &plan, profile: profile, rules: try rules())
        return (plan.programList!, plan)
    }

    static func audit(_ programs: [Program], step2ck score: Int) throws -> (ProgramListResult, StrategyPlan) {
        try audit(programs, profile: Fixtures.profile(step2ck: score))
    }

    static func ids(_ result: ProgramListResult) -> [String] { result.findings.map(\.id) }

    // MARK: PL2 fees

    @Test("PL2: ERAS fees per specialty at 0, 1, 30, 31 and 75 programs (Match 2026 schedule)",
          arguments: [(0, 0), (1, 11), (30, 330), (31, 360), (75, 1_680)])
    func test_PL2_feeArithmetic(count: Int, dollars: Int) throws {
        let (schedule, projected) = try #require(try Self.rules().feeSchedule(matchYear: 2026))
        #expect(!projected)
        #expect(schedule.confidence == .official)
        #expect(schedule.fee(programs: count) == dollars)
    }

    @Test("PL2: AAMC's own example: 43 internal medicine and 7 radiology programs cost $797")
    func test_PL2_aamcExampleCosts797() throws {
        let schedule = try #require(try Self.rules().feeSchedule(matchYear: 2026)).schedule
        #expect(schedule.fee(programs: 43) + schedule.fee(programs: 7) == 797)
    }

    @Test("PL2: each specialty is charged on its own; a season without a schedule carries the latest forward, projected")
    func test_PL2_perSpecialtyAndProjectedForLaterSeason() throws {
        let (result, _) = try Self.audit(Self.balanced(ir: 25, dr: 31), step2ck: 250)
        #expect(result.fees.perSpecialty.integratedIR == 275)
        #expect(result.fees.perSpecialty.diagnosticRadiology == 360)
        #expect(result.fees.perSpecialty.preliminary == 55)
        #expect(result.fees.totalUSD == 690)
        // Fixtures plan Match 2027; the content has a schedule for 2026 only.
        #expect(result.fees.projected)
        #expect(result.fees.scheduleMatchYear == 2026)
        #expect(result.fees.confidence == .projected)
    }

    @Test("PL2: trimming to the top of the range: 34 DR against L1's 10 to 20 saves the fee of 14 programs")
    func test_PL2_savingsFromTrimmingToTheTopOfTheRange() throws {
        let (result, _) = try Self.audit(Self.balanced(ir: 25, dr: 34), step2ck: 250)
        // fee(34) - fee(20) = (330 + 4 × 30) - 220
        #expect(result.fees.savingsIfTrimmedUSD == 230)
        let note = try #require(result.findings.first { $0.id == "program-list-dr-above" })
        #expect(note.level == .note)
        #expect(note.change.contains("$230"))
    }

    @Test("PL2: dollars read with thousands separators")
    func test_PL2_dollarsFormatting() {
        #expect(ProgramListAudit.dollars(0) == "$0")
        #expect(ProgramListAudit.dollars(797) == "$797")
        #expect(ProgramListAudit.dollars(1_680) == "$1,680")
        #expect(ProgramListAudit.dollars(1_234_567) == "$1,234,567")
    }

    // MARK: PL1 counts

    @Test("PL1: within the range, no count finding; below it a warning; more than a quarter short a red flag",
          arguments: [(25, "within", nil), (19, "below", "program-list-ir-below"), (15, "below", "program-list-ir-below"),
                      (14, "far_below", "program-list-ir-far-below"), (0, "far_below", "program-list-ir-far-below")])
    func test_PL1_countAgainstRange(ir: Int, standing: String, finding: String?) throws {
        // L1: 20 to 30 IR; 75% of 20 is 15.
        let (result, plan) = try Self.audit(Self.balanced(ir: ir, dr: 15), step2ck: 250)
        let check = try #require(result.ranges.first { $0.specialty == .integratedIR })
        #expect(check.standing.rawValue == standing)
        #expect((check.min, check.max) == (20, 30))
        if let finding {
            #expect(Self.ids(result).contains(finding))
            let inPlan = standing == "far_below" ? plan.redFlagIDs : plan.warningIDs
            #expect(inPlan.contains(finding))
        } else {
            #expect(!Self.ids(result).contains { $0.hasPrefix("program-list-ir-") })
        }
    }

    @Test("PL1 (D12): a DR-only applicant's list is judged against the DR-only range; IR programs are not in the plan")
    func test_PL1_drOnlyPathwayRange() throws {
        var profile = Fixtures.profile(step2ck: 238)
        profile.pathway = .drESIR
        let (result, plan) = try Self.audit(Self.balanced(ir: 2, dr: 60, gold: 6), profile: profile)
        let dr = try #require(result.ranges.first { $0.specialty == .diagnosticRadiology })
        // D12: borderline DR-only floor 70 to 90; 60 is below but not more than a quarter short.
        #expect((dr.min, dr.max, dr.standing) == (70, 90, .below))
        #expect(plan.warningIDs.contains("program-list-dr-below"))
        #expect(plan.warningIDs.contains("program-list-ir-not-in-plan"))
        let (far, farPlan) = try Self.audit(Self.balanced(ir: 0, dr: 50, gold: 6), profile: profile)
        #expect(far.ranges.first { $0.specialty == .diagnosticRadiology }?.standing == .farBelow)
        #expect(farPlan.redFlagIDs.contains("program-list-dr-far-below"))
    }

    @Test("PL1: no ranges while the band is unknown (D3)")
    func test_PL1_noRangesWhileBandUnknown() throws {
        let (result, _) = try Self.audit(Self.balanced(ir: 3, dr: 3), profile: Fixtures.profile(step2ck: nil))
        #expect(result.ranges.isEmpty)
    }
}
