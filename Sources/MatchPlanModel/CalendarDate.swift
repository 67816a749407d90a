import Foundation

/// A day on the calendar (no time, no time zone): the unit every plan date is in.
///
/// Parsed from and printed as ISO 8601 `YYYY-MM-DD`. Arithmetic goes through Foundation's
/// Gregorian calendar in UTC so it never depends on the machine's time zone.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date; returns nil when the day does not exist (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        if year >= 1583 {
            // Gregorian month lengths by arithmetic (Foundation's isValidDate was a profiled hot spot).
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            guard day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] else { return nil }
        } else {
            // Foundation's Gregorian calendar is Julian before October 1582: keep its answer there.
            var components = DateComponents()
            components.year = year
            components.month = month
            components.day = day
            guard components.isValidDate(in: Self.calendar) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other shape or a day that does not exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day of `date` in `timeZone` (the CLI passes the user's zone for "today").
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Self.calendar
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    /// Later than any real date; sorts undated things last.
    public static let distantFuture = CalendarDate(year: 9999, month: 12, day: 31)!

    /// `YYYY-MM-DD`.
    public var description: String {
        // Digits written directly (a report prints dozens of dates; interpolation was profiled);
        // every valid date takes this path, the general one below stays for the rest.
        if (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) {
            let bytes: [UInt8] = [
                UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10), 45,
                UInt8(48 + month / 10), UInt8(48 + month % 10), 45, UInt8(48 + day / 10), UInt8(48 + day % 10),
            ]
            return String(decoding: bytes, as: UTF8.self)
        }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// This date moved by `days` (negative moves back).
    public func adding(days: Int) -> CalendarDate {
        let moved = Self.calendar.date(byAdding: .day, value: days, to: foundationDate)!
        return CalendarDate(moved, in: TimeZone(identifier: "UTC")!)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        // Both Gregorian: day numbers by arithmetic (Foundation's dateComponents was a profiled
        // hot spot, several calls per report). Before 1583 keep Foundation's Julian answer.
        if year >= 1583 && other.year >= 1583 { return other.dayNumber - dayNumber }
        return Self.calendar.dateComponents([.day], from: foundationDate, to: other.foundationDate).day!
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (the civil-from-days inverse).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1  // from March 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// Long English form for prose, e.g. `July 10, 2026` (fixed locale: output never depends on the machine).
    public var longForm: String {
        // Concatenation, not interpolation (a report prints a hundred dates; profiled).
        Self.monthNames[month - 1] + " " + String(day) + ", " + String(year)
    }

    /// Short English form without the year, e.g. `July 10`.
    public var monthAndDay: String {
        "\(Self.monthNames[month - 1]) \(day)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private var foundationDate: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
