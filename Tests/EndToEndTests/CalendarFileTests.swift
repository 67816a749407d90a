import Foundation
import Testing
@testable import MatchPlanModel
import MatchPlanTestSupport

/// `report.ics` read back by a real RFC 5545 parser (Python's `icalendar`, installed by
/// `.ci/setup`) and compared with the plan. A machine without `icalendar` fails these tests;
/// they never skip.
@Suite struct CalendarFileTests {
    /// Prints every VEVENT of each file given as JSON: uid, start, end (ISO dates), summary,
    /// description, and whether both dates are all-day DATE values.
    static let parser = #"""
import json, sys, datetime
try:
    import icalendar
except ImportError:
    sys.exit("python3 has no 'icalendar' module: run .ci/setup (python3 -m pip install icalendar)")
out = []
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = []
    for ev in cal.walk('VEVENT'):
        start, end = ev.decoded('DTSTART'), ev.decoded('DTEND')
        all_day = not isinstance(start, datetime.datetime) and not isinstance(end, datetime.datetime)
        events.append({'uid': str(ev['UID']), 'start': start.isoformat(), 'end': end.isoformat(),
                       'summary': str(ev['SUMMARY']), 'description': str(ev['DESCRIPTION']),
                       'all_day': all_day, 'stamp': ev.decoded('DTSTAMP').isoformat()})
    out.append(events)
print(json.dumps(out))
"""#

    struct ParsedEvent: Decodable, Equatable {
        var uid, start, end, summary, description, stamp: String
        var all_day: Bool
    }

    func parse(_ paths: [String]) throws -> [[ParsedEvent]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.parser] + paths
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "icalendar could not read the file: \(String(decoding: err, as: UTF8.self))")
        return try JSONDecoder().decode([[ParsedEvent]].self, from: out)
    }

    @Test(arguments: ["example", "pending", "no-score"])
    func icalendarReadsTheEventsOfThePlan(profile: String) throws {
        let today = "2026-12-01"
        let first = try Repository.temporaryFolder(), second = try Repository.temporaryFolder()
        for out in [first, second] {
            let run = try matchplan(["report", "Content/profiles/\(profile).yaml", "--out", out, "--today", today])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let planRun = try matchplan(["plan", "Content/profiles/\(profile).yaml", "--today", today])
        try #require(planRun.status == 0, "\(planRun.stderr)")
        let plan = try JSONDecoder().decode(StrategyPlan.self, from: Data(planRun.stdout.utf8))

        let parsed = try parse([first + "/report.ics", second + "/report.ics"])
        let events = parsed[0]
        // Two runs: the same events with the same UIDs (a re-import updates, never duplicates).
        #expect(parsed[1] == events)
        #expect(Set(events.map(\.uid)).count == events.count, "UIDs repeat")
        #expect(events.allSatisfy { $0.all_day && $0.stamp == "2026-12-01T00:00:00+00:00" })

        // Count and dates: one event per dated checklist item and per timeline event.
        var expected: [String: (start: String, end: String, summary: String, rule: String)] = [:]
        for item in plan.checklist {
            guard let due = item.due else { continue }
            expected["checklist.\(item.id)-\(plan.matchYear)@matchplan"] = (due.description, due.adding(days: 1).description, item.text, item.rule)
        }
        for event in plan.timeline {
            expected["timeline.\(event.id)-\(plan.matchYear)@matchplan"] =
                (event.date.description, (event.end ?? event.date).adding(days: 1).description, event.title, event.rule)
        }
        #expect(events.count == expected.count)
        #expect(Set(events.map(\.uid)) == Set(expected.keys))
        for event in events {
            guard let want = expected[event.uid] else { continue }
            #expect(event.start == want.start && event.end == want.end, "\(event.uid): \(event.start)–\(event.end)")
            #expect(event.summary == want.summary)
            #expect(event.description.contains("Rule \(want.rule)."), "\(event.description)")
        }
        // Projected dates say so: "verify" while ahead, "was" once past (D14).
        for event in plan.timeline where event.confidence != .official {
            let parsedEvent = events.first { $0.uid == "timeline.\(event.id)-\(plan.matchYear)@matchplan" }
            let note = event.status == .past ? "was \(event.confidence.rawValue)" : "\(event.confidence.rawValue): verify"
            #expect(parsedEvent?.description.contains(note) == true, "\(event.id)")
        }
        // Checklist dates name how sure they are: the cycle's confidence, or MatchPlan's own rule.
        for item in plan.checklist where item.due != nil {
            let parsedEvent = events.first { $0.uid == "checklist.\(item.id)-\(plan.matchYear)@matchplan" }
            let note = item.dueConfidence.map { $0 == .official ? "official" : $0.rawValue } ?? "MatchPlan's rule"
            #expect(parsedEvent?.description.contains(note) == true, "\(item.id)")
        }
    }

    @Test func aLaterDayKeepsEveryUID() throws {
        let early = try Repository.temporaryFolder(), late = try Repository.temporaryFolder()
        for (out, today) in [(early, "2026-12-01"), (late, "2027-09-20")] {
            let run = try matchplan(["report", "Content/profiles/example.yaml", "--out", out, "--format", "ics", "--today", today])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["report.ics"])
        }
        let parsed = try parse([early + "/report.ics", late + "/report.ics"])
        #expect(!parsed[0].isEmpty)
        #expect(parsed[0].map(\.uid) == parsed[1].map(\.uid))
    }

    @Test func rosterWritesACalendarOnlyWhenAsked() throws {
        let plain = try Repository.temporaryFolder() + "/plain", withICS = try Repository.temporaryFolder() + "/ics"
        let onlyICS = try Repository.temporaryFolder() + "/only"
        let a = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--out", plain, "--today", "2026-12-01"])
        let b = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--out", withICS, "--format", "html,md,ics", "--today", "2026-12-01"])
        let c = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--out", onlyICS, "--format", "ics", "--today", "2026-12-01"])
        #expect(a.status == 0 && b.status == 0 && c.status == 0, "\(a.stderr)\(b.stderr)\(c.stderr)")
        let plainFiles = try FileManager.default.contentsOfDirectory(atPath: plain)
        let icsFiles = try FileManager.default.contentsOfDirectory(atPath: withICS)
        #expect(!plainFiles.contains { $0.hasSuffix(".ics") })
        let calendars = icsFiles.filter { $0.hasSuffix(".ics") }
        #expect(calendars.count == icsFiles.filter { $0.hasSuffix(".html") && $0 != "index.html" }.count && !calendars.isEmpty)
        // The overview links the HTML report when there is one, the calendar when it is all there is.
        let index = try String(contentsOfFile: withICS + "/index.html", encoding: .utf8)
        #expect(index.contains(".html\">") && !index.contains(".ics\">"))
        let onlyIndex = try String(contentsOfFile: onlyICS + "/index.html", encoding: .utf8)
        #expect(onlyIndex.contains(".ics\">"))
        #expect(try parse(calendars.sorted().map { withICS + "/" + $0 }).allSatisfy { !$0.isEmpty })
    }
}
