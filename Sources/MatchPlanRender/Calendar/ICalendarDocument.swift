import MatchPlanModel

/// `report.ics`: a student's dated checklist items and timeline events as an RFC 5545
/// calendar of all-day events (no time zones, so no date moves with the reader's zone).
///
/// Same plan, same bytes: DTSTAMP is the plan's today at midnight UTC, never the clock.
public enum ICalendarDocument {
    /// The whole file, CRLF line ends, every line folded at 75 octets.
    public static func render(_ plan: StrategyPlan) -> String {
        let stamp = ICalendarText.date(plan.today) + "T000000Z"
        var out = ICalendarText.line("BEGIN", "VCALENDAR")
        out += ICalendarText.line("VERSION", "2.0")
        out += ICalendarText.line("PRODID", "-//MatchPlan//Strategy report//EN")
        out += ICalendarText.line("CALSCALE", "GREGORIAN")
        out += ICalendarText.line("METHOD", "PUBLISH")
        out += ICalendarText.line("X-WR-CALNAME", ICalendarText.escape("MatchPlan \(plan.matchYear)"))
        for event in CalendarEvent.events(of: plan) {
            out += ICalendarText.line("BEGIN", "VEVENT")
            out += ICalendarText.line("UID", event.uid)
            out += ICalendarText.line("DTSTAMP", stamp)
            out += ICalendarText.line("DTSTART;VALUE=DATE", ICalendarText.date(event.start))
            // DTEND of an all-day event is exclusive: the day after the last day.
            out += ICalendarText.line("DTEND;VALUE=DATE", ICalendarText.date(event.last.adding(days: 1)))
            out += ICalendarText.line("SUMMARY", ICalendarText.escape(event.summary))
            out += ICalendarText.line("DESCRIPTION", ICalendarText.escape(event.description))
            out += ICalendarText.line("TRANSP", "TRANSPARENT")
            out += ICalendarText.line("END", "VEVENT")
        }
        out += ICalendarText.line("END", "VCALENDAR")
        return out
    }
}
