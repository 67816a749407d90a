import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// TL1–TL7: the dated timeline for Match 2027 (season 2026), and D9's past / current / upcoming.
@Suite("Timeline")
struct TimelineTests {
    private func timeline(_ profile: Profile = Fixtures.profile(step2ck: 250),
                          today: String = "2026-01-15") throws -> [StrategyPlan.TimelineEvent] {
        try Fixtures.plan(profile, today: Fixtures.date(today)).timeline
    }

    // MARK: TL7: rank order list deadline and Match Day close the timeline

    @Test func test_TL7_matchDayClosesTimeline() throws {
        let events = try timeline()
        let last = try #require(events.last)
        #expect(last.id == "match-day")
        #expect(last.rule == "TL7")
        #expect(last.date == Fixtures.date("2027-03-19"))
        #expect(last.end == nil)
        #expect(last.confidence == .projected)
        // Match Week and SOAP start on the Monday before; the rank order list deadline precedes them.
        #expect(events.suffix(4).map(\.id) == ["rank-order-list-deadline", "match-week", "soap", "match-day"])
        let rol = try #require(events.first { $0.id == "rank-order-list-deadline" })
        #expect(rol.rule == "TL7")
        #expect(rol.date == Fixtures.date("2027-03-03"))
    }

    // MARK: TL1–TL6: phases with real dates

    @Test("TL1–TL6: phases placed in the right years", arguments: [
        ("ms2-to-early-ms3", "TL1", "2024-07-01", "2025-09-30"),
        ("ms3-core-clerkships", "TL2", "2025-07-01", "2026-05-31"),
        ("step2ck-window", "TL3", "2026-06-01", "2026-09-10"),
        ("rotations-and-letters", "TL4", "2026-07-01", "2026-10-31"),
        ("interview-season", "TL6", "2026-10-01", "2027-01-31"),
    ])
    func test_TL1_to_TL6_phaseDates(id: String, rule: String, start: String, end: String) throws {
        let event = try #require(try timeline().first { $0.id == id })
        #expect(event.rule == rule)
        #expect(event.date == Fixtures.date(start))
        #expect(event.end == Fixtures.date(end))
        #expect(event.confidence == .projected, "a phase is MatchPlan's reading of the calendar")
        #expect(!event.verify, "phases carry no verify mark")
    }

    @Test("TL5: ERAS season events come from the cycle file", arguments: [
        ("eras-opens", "2026-06-03", Cycle.Confidence.secondary),
        ("applicants-may-submit", "2026-09-02", .projected),
        ("nrmp-registration-opens", "2026-09-15", .projected),
        ("programs-review", "2026-09-23", .projected),
    ])
    func test_TL5_erasEventsFromCycle(id: String, date: String, confidence: Cycle.Confidence) throws {
        let event = try #require(try timeline().first { $0.id == id })
        #expect(event.rule == "TL5")
        #expect(event.date == Fixtures.date(date))
        #expect(event.end == nil)
        #expect(event.confidence == confidence)
    }

    @Test func test_TL1_TL7_timelineSortedByStartDate() throws {
        let events = try timeline()
        #expect(events.count == 16)
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.date <= $1.date })
        #expect(events.first?.id == "ms2-to-early-ms3")
    }

    @Test("TL3: the student's own Step 2 CK date joins the timeline under its timing rule", arguments: [
        (Profile.Grade.honors, "T1"), (.pass, "T2"),
    ])
    func test_TL3_ownStep2CKDateOnTimeline(surgery: Profile.Grade, rule: String) throws {
        var profile = Fixtures.profile(date: "2026-07-08")
        profile.clerkships.surgery = surgery
        let events = try timeline(profile)
        let own = try #require(events.first { $0.id == "your-step2ck-date" })
        #expect(own.rule == rule)
        #expect(own.date == Fixtures.date("2026-07-08"))
        #expect(own.status == .upcoming)
        // Sorted in: after the rotations phase (07-01), before applicants may submit (09-02).
        let ids = events.map(\.id)
        let index = try #require(ids.firstIndex(of: "your-step2ck-date"))
        #expect(index > (ids.firstIndex(of: "rotations-and-letters") ?? .max))
        #expect(index < (ids.firstIndex(of: "applicants-may-submit") ?? -1))
    }

    @Test func test_TL3_sameDayKeepsRulesOrderThenOwnDate() throws {
        // The student's date ties with the TL4 phase (2026-07-01); ties keep the rules' order.
        let ids = try timeline(Fixtures.profile(date: "2026-07-01")).map(\.id)
        let phase = try #require(ids.firstIndex(of: "rotations-and-letters"))
        #expect(ids[phase + 1] == "your-step2ck-date")
    }

    @Test func test_TL3_noDateNoOwnEvent() throws {
        #expect(try timeline().first { $0.id == "your-step2ck-date" } == nil)
    }

    // MARK: D9: past, current, upcoming; past items are kept

    @Test func test_D9_timelineStatusRelativeToToday() throws {
        let events = try timeline(today: "2026-10-15")
        #expect(events.count == 16)
        let status = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0.status) })
        #expect(status["ms2-to-early-ms3"] == .past)
        #expect(status["step2ck-window"] == .past)
        #expect(status["programs-review"] == .past)
        #expect(status["rotations-and-letters"] == .current)
        #expect(status["interview-season"] == .current)
        #expect(status["rank-order-list-deadline"] == .upcoming)
        #expect(status["match-day"] == .upcoming)
    }

    @Test("D9: a phase is current from its first to its last day", arguments: [
        ("2026-05-31", StrategyPlan.TimelineStatus.upcoming), ("2026-06-01", .current),
        ("2026-09-10", .current), ("2026-09-11", .past),
    ])
    func test_D9_phaseBoundaries(today: String, status: StrategyPlan.TimelineStatus) throws {
        let window = try #require(try timeline(today: today).first { $0.id == "step2ck-window" })
        #expect(window.status == status)
    }

    @Test("D9: a one-day event is current on its day", arguments: [
        ("2027-03-18", StrategyPlan.TimelineStatus.upcoming), ("2027-03-19", .current), ("2027-03-20", .past),
    ])
    func test_D9_oneDayEvent(today: String, status: StrategyPlan.TimelineStatus) throws {
        let matchDay = try #require(try timeline(today: today).first { $0.id == "match-day" })
        #expect(matchDay.status == status)
    }

    @Test func test_D9_afterMatchDayEverythingIsPastNothingDropped() throws {
        let events = try timeline(today: "2027-04-01")
        #expect(events.count == 16)
        #expect(events.allSatisfy { $0.status == .past })
    }
}
