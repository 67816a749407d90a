import Testing
@testable import MatchPlanModel
@testable import MatchPlanRender

/// The class overview's program-list columns (PL1, PL2): the list's status and its ERAS fee, in
/// the dashboard's table and in `summary.csv`, for a student with a list, one without and a
/// failed row.
@Suite struct RosterProgramListColumnTests {
    typealias T = ProgramListAuditTests

    func student(_ plan: StrategyPlan) -> RosterSummary {
        RosterSummary(slug: "s1", id: "s1", name: "Ann Lee", familyName: "Lee", source: "r.csv:2", plan: .init(plan))
    }

    func cells(_ student: RosterSummary) -> [String: RosterColumn.Cell] {
        Dictionary(uniqueKeysWithValues: RosterColumn.standard.map { ($0.key, $0.cell(student)) })
    }

    @Test("PL1, PL2: a list's counts, findings and fee; numeric sort keys; the CSV plain")
    func test_PL2_listStatusAndFeeCells() throws {
        let (_, plan) = try T.audit(T.balanced(ir: 5, dr: 15), step2ck: 250)
        let row = cells(student(plan))
        let status = try #require(row["program_list"])
        #expect(status.text == "25\u{A0}programs (5\u{A0}IR, 15\u{A0}DR); 1\u{A0}red flag")
        #expect(status.csv == "25 programs (5 IR, 15 DR); 1 red flag")
        #expect(status.marked, "a red flag on the list marks the cell")
        #expect(status.sort == "1000025", "red flags, then warnings, then programs")
        let fee = try #require(row["program_fee_usd"])
        #expect((fee.text, fee.sort, fee.csv) == ("$275 (projected)", "275", "275"))
        #expect(row["program_fee_projected"]?.csv == "true")
        #expect(RosterColumn.standard.first { $0.key == "program_fee_usd" }?.numeric == true)
    }

    @Test("PL2: without a list, a dash read as 'no list', never a zero fee; a failed row shows nothing")
    func test_PL2_noListIsADashNotAZeroFee() throws {
        let row = cells(student(try Fixtures.plan(Fixtures.profile(step2ck: 250))))
        for key in ["program_list", "program_fee_usd"] {
            let cell = try #require(row[key])
            #expect((cell.text, cell.sort, cell.csv) == ("—", "", ""), "\(key)")
            #expect(cell.spoken.hasPrefix("no "), "\(key): \(cell.spoken)")
        }
        #expect(row["program_fee_projected"]?.csv == "")
        let failed = RosterSummary(failedRow: MatchPlanError(.data, "x"), slug: "s2", id: "s2", name: "B", source: "r.csv:3")
        let failedRow = cells(failed)
        #expect(["program_list", "program_fee_usd", "program_fee_projected"].allSatisfy { failedRow[$0] == .empty })
    }

    @Test("PL2: dollars with thousands separators; the findings in words")
    func test_PL2_dollarsAndFindingsWording() {
        #expect(ProgramListResult.dollars(0) == "$0")
        #expect(ProgramListResult.dollars(385) == "$385")
        #expect(ProgramListResult.dollars(1_046) == "$1,046")
        #expect(ProgramListResult.dollars(1_234_567) == "$1,234,567")
        #expect(ProgramListResult.findingsSummary(redFlags: 0, warnings: 0) == "no findings")
        #expect(ProgramListResult.findingsSummary(redFlags: 2, warnings: 1) == "2 red flags, 1 warning")
        #expect(ProgramListResult.findingsSummary(redFlags: 0, warnings: 3) == "3 warnings")
    }
}
