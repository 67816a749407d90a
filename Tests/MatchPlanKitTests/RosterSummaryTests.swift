import Testing
@testable import MatchPlanModel
@testable import MatchPlanRender

/// The class overview's pieces that need no binary: the family-name sort and the CSV writer.
@Suite struct RosterSummaryTests {
    @Test func familyNameIsGivenOrBeforeACommaOrTheLastWord() {
        #expect(RosterSummary.familyName(name: "Lee, Jordan", given: nil) == "Lee")
        #expect(RosterSummary.familyName(name: "  Jordan   Lee ", given: nil) == "Lee")
        #expect(RosterSummary.familyName(name: "Maria de la Cruz", given: " de la Cruz ") == "de la Cruz")
        #expect(RosterSummary.familyName(name: "Madonna", given: nil) == "Madonna")
        #expect(RosterSummary.familyName(name: "José Nuñez\u{301}", given: nil) == "Nuñez\u{301}")
        #expect(RosterSummary.familyName(name: " , Jordan", given: nil) == "Jordan", "nothing before the comma: the last word")
        #expect(RosterSummary.familyName(name: "   ", given: "") == nil)
        #expect(RosterSummary.familyName(name: nil, given: nil) == nil)
    }

    @Test func overviewOrderIsByFamilyNameThenName() {
        func student(_ name: String, _ id: String) -> RosterSummary {
            RosterSummary(failedRow: MatchPlanError(.data, "x"), slug: id, id: id, name: name, source: "r.csv:\(id)")
        }
        let sorted = RosterSummary.sortedByFamilyName([student("Sam Rivera", "a"), student("lee, Ann", "b"), student("Jordan Lee", "c"), student("Ann Lee", "d")])
        #expect(sorted.map(\.id) == ["d", "c", "b", "a"])
    }

    @Test func csvCellsThatLookLikeFormulasAreText() {
        #expect(RosterSummaryCSV.neutralized("=SUM(A1)") == "'=SUM(A1)")
        #expect(RosterSummaryCSV.neutralized("@cmd") == "'@cmd")
        #expect(RosterSummaryCSV.neutralized("-2+3") == "'-2+3")
        #expect(RosterSummaryCSV.neutralized("Lee, Jordan") == "Lee, Jordan")
        #expect(RosterSummaryCSV.neutralized("") == "")
    }

    @Test func csvHasTheHeaderAndOneQuotedRowPerStudent() throws {
        let failed = RosterSummary(failedRow: MatchPlanError(.data, file: "/secret/students.csv", location: .init(line: 3, column: 4), keyPath: "column step2ck_score", "found \"abc\""),
                                   slug: "s2", id: "s2", name: "Lee, \"JJ\"", source: "/secret/students.csv:3")
        let text = try RosterSummaryCSV.render([failed])
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty, "\(lines)")
        #expect(lines[0] == RosterColumn.standard.map(\.key).joined(separator: ","))
        #expect(lines[1] == #""s2","Lee, ""JJ""","Lee","","","","","","","","","","","","","","Not read","line 3, column 4: column step2ck_score: found ""abc""""#, "\(lines[1])")
    }

    /// summary.csv is written in pieces of about 64 KB (never held whole for a large class): a
    /// piece never ends inside a character, and the pieces make the whole file.
    @Test func csvPiecesNeverSplitACharacter() throws {
        let students = (0..<3000).map { index in
            RosterSummary(failedRow: MatchPlanError(.data, "row \(index)"), slug: "s\(index)", id: "s\(index)",
                          name: "Zoë Ångström 🎓 \(index)", source: "r.csv:\(index + 2)")
        }
        var pieces: [String] = []
        try RosterSummaryCSV.render(students) { pieces.append($0) }
        #expect(pieces.count > 2, "\(pieces.count) pieces")
        let whole = pieces.joined()
        #expect(!whole.unicodeScalars.contains("\u{FFFD}"), "a piece split a character")
        #expect(whole.components(separatedBy: "🎓").count == 3001)
        #expect(whole == (try OutputFormat.summaryCSV.summary(students)))
        #expect(whole.hasSuffix("\"row 2999\"\r\n"))
    }
}
