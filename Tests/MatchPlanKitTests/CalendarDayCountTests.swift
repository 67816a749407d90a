import Foundation
import Testing
@testable import MatchPlanModel

/// ``CalendarDate/days(until:)`` counts by arithmetic for Gregorian dates; Foundation's
/// Gregorian calendar in UTC is the reference it must agree with.
@Suite("Calendar day counts")
struct CalendarDayCountTests {
    @Test("day counts by arithmetic agree with Foundation's, across leap years and centuries")
    func dayCountsMatchFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        func foundation(_ a: CalendarDate, _ b: CalendarDate) throws -> Int {
            let from = try #require(calendar.date(from: DateComponents(year: a.year, month: a.month, day: a.day)))
            let to = try #require(calendar.date(from: DateComponents(year: b.year, month: b.month, day: b.day)))
            return try #require(calendar.dateComponents([.day], from: from, to: to).day)
        }
        let anchor = try #require(CalendarDate(iso: "2026-03-01"))
        var checked = 0
        for year in [1583, 1600, 1700, 1900, 1999, 2000, 2024, 2025, 2026, 2027, 2100, 2400, 9999] {
            for month in 1...12 {
                for day in [1, 28, 29, 30, 31] {
                    guard let date = CalendarDate(year: year, month: month, day: day) else { continue }
                    #expect(anchor.days(until: date) == (try foundation(anchor, date)), "\(date)")
                    #expect(date.days(until: anchor) == (try foundation(date, anchor)), "\(date)")
                    checked += 1
                }
            }
        }
        #expect(checked > 600)
        #expect(try #require(CalendarDate(iso: "2026-02-28")).days(until: try #require(CalendarDate(iso: "2026-03-01"))) == 1)
    }
}
