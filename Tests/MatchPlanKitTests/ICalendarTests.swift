import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanRender

/// The calendar file's writer: RFC 5545 escaping and folding, stable UIDs, one event per dated
/// item, and the same bytes for the same plan.
@Suite struct ICalendarTests {
    @Test func escapesBackslashSemicolonCommaAndLineBreaks() {
        #expect(ICalendarText.escape(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarText.escape("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendarText.escape("tab\there\u{07}bell") == "tab\there" + "bell")
        #expect(ICalendarText.escape("Match Day: 20 March") == "Match Day: 20 March")
    }

    @Test func foldsAt75OctetsWithoutSplittingACharacter() {
        let ascii = ICalendarText.fold("SUMMARY:" + String(repeating: "x", count: 200))
        let lines = ascii.components(separatedBy: "\r\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding (drop CRLF + one space) gives the line back.
        #expect(ascii.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + String(repeating: "x", count: 200))

        let wide = "SUMMARY:" + String(repeating: "é", count: 60) + String(repeating: "🩺", count: 20)
        let folded = ICalendarText.fold(wide)
        for line in folded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil, "a UTF-8 sequence was split")
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == wide)
        #expect(ICalendarText.fold("SHORT:line") == "SHORT:line")
        #expect(ICalendarText.fold(String(repeating: "y", count: 75)) == String(repeating: "y", count: 75))
    }

    @Test func oneEventPerDatedChecklistItemAndTimelineEvent() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2026-07-01"))
        let text = ICalendarDocument.render(plan)
        let dated = plan.checklist.filter { $0.due != nil }.count + plan.timeline.count
        #expect(dated > 5)
        #expect(text.components(separatedBy: "\r\nBEGIN:VEVENT\r\n").count - 1 == dated)
        #expect(CalendarEvent.events(of: plan).count == dated)
    }

    @Test func undatedChecklistItemsAreLeftOut() throws {
        var plan = try Fixtures.plan(Fixtures.profile(step2ck: 248))
        plan.checklist = [.init(id: "dated", rule: "H3", text: "Dated", status: .todo, due: Fixtures.date("2026-05-01")),
                          .init(id: "undated", rule: "H3", text: "Undated", status: .todo)]
        plan.timeline = []
        #expect(CalendarEvent.events(of: plan).map(\.uid) == ["checklist.dated-2027@matchplan"])
    }

    @Test func uidsAreUniqueAndStableAcrossDaysAndRuns() throws {
        // Sat before both days: the plan's Step 2 CK state (D20) is the same on both, as it is for
        // a student who changes nothing but the day. (A score dated after the first day is a
        // prediction on that day, D9, and has an expected score date, T5, that the second lacks.)
        let profile = Fixtures.profile(step2ck: 248, date: "2025-12-01")
        let early = CalendarEvent.events(of: try Fixtures.plan(profile, today: Fixtures.date("2026-01-15")))
        let late = CalendarEvent.events(of: try Fixtures.plan(profile, today: Fixtures.date("2026-10-01")))
        #expect(Set(early.map(\.uid)).count == early.count)
        #expect(early.map(\.uid) == late.map(\.uid))
        #expect(early.allSatisfy { $0.uid.hasSuffix("-2027@matchplan") })
    }

    @Test func samePlanSameBytesWithCRLFAndStampFromToday() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 236))
        let text = ICalendarDocument.render(plan)
        #expect(text == ICalendarDocument.render(plan))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("DTSTAMP:20260115T000000Z\r\n"))
        #expect(!text.contains("TZID"))
    }

    @Test func allDayEventsEndTheDayAfterTheirLastDay() throws {
        var plan = try Fixtures.plan(Fixtures.profile(step2ck: 248))
        plan.checklist = []
        plan.timeline = [.init(id: "phase", rule: "TL1", title: "A phase, with; commas", date: Fixtures.date("2026-12-30"),
                               end: Fixtures.date("2027-01-02"), status: .upcoming, confidence: .projected, verify: true),
                         .init(id: "day", rule: "TL2", title: "One day", date: Fixtures.date("2027-02-28"), status: .upcoming,
                               confidence: .official, verify: false)]
        let text = ICalendarDocument.render(plan)
        #expect(text.contains("DTSTART;VALUE=DATE:20261230\r\nDTEND;VALUE=DATE:20270103\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n"))
        #expect(text.contains(#"SUMMARY:A phase\, with\; commas"#))
        #expect(text.contains("DESCRIPTION:Timeline. Rule TL1. Date projected: verify.\r\n"))
        #expect(text.contains("DESCRIPTION:Timeline. Rule TL2.\r\n"))
    }
}
