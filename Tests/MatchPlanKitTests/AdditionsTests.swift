import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// What issue 10 adds to every plan: the Match calendar's events, the PGY-1 year, signals
/// across IR and DR, and a confidence on every timeline item (docs/rules.md).
@Suite("Plan additions")
struct AdditionsTests {
    @Test("TL7 / D16 / TL3: Match calendar events with dates and confidence", arguments: [
        ("vslo-window", "2026-03-01", "2026-04-30"),
        ("nrmp-registration-deadline", "2027-01-31", nil),
        ("rank-order-list-opens", "2027-02-01", nil),
        ("rank-order-list-deadline", "2027-03-03", nil),
        ("match-week", "2027-03-15", "2027-03-19"),
        ("soap", "2027-03-15", "2027-03-18"),
    ] as [(String, String, String?)])
    func test_TL7_matchCalendarEvents(id: String, start: String, end: String?) throws {
        let event = try #require(try Fixtures.plan(step2ck: 250).timelineEvent(id))
        #expect(event.date == Fixtures.date(start))
        #expect(event.end == end.map(Fixtures.date))
        #expect(event.confidence == .projected && event.verify)
    }

    @Test func test_TL7_match2026UsesTheOfficialMatchWeek() throws {
        let rules = try Fixtures.rules()
        let cycle = try CycleLoader.load(matchYear: 2026, contentDirectory: Fixtures.contentDirectory, projection: rules.cycleProjection)
        #expect(cycle.event("match_week")?.date == Fixtures.date("2026-03-16"))
        #expect(cycle.event("match_week")?.confidence == .official)
    }

    @Test func test_D9_everyTimelineItemCarriesAConfidenceInTheJSON() throws {
        var profile = Fixtures.profile(step2ck: 250, date: "2026-06-25")
        profile.stage = .ms4
        let plan = try Fixtures.plan(profile)
        let json = try JSONSerialization.jsonObject(with: Data(try PlanJSON.encode(plan).utf8)) as? [String: Any]
        let timeline = try #require(json?["timeline"] as? [[String: Any]])
        #expect(timeline.count == plan.timeline.count && !timeline.isEmpty)
        for item in timeline {
            let confidence = try #require(item["confidence"] as? String, "\(item["id"] ?? "")")
            #expect(Cycle.Confidence(rawValue: confidence) != nil)
        }
        #expect(plan.timelineEvent("your-step2ck-date")?.confidence == .official)
    }

    @Test func test_D17_pgy1ItemForEveryApplicant() throws {
        for score in [230, 250, 260] {
            let item = try #require(try Fixtures.plan(step2ck: score).checklistItem("pgy1-applications"))
            #expect(item.rule == "D17" && item.due == Fixtures.date("2026-09-23"))
            #expect(item.text.contains("preliminary") && item.text.contains("supplemental"))
        }
    }

    @Test func test_D17_pgy1GuidancePageIsBundled() throws {
        let pages = try ContentLoader().load(contentDirectory: Fixtures.contentDirectory)
        let page = try #require(pages.first { $0.id == "pgy1-year" })
        #expect(page.rules.contains("D17") && page.when.isEmpty)
    }

    @Test("SG2: the split of one shared pool follows the scenario", arguments: [
        (260, 4, 2), (250, 4, 2), (238, 3, 3), (228, 2, 4),
    ])
    func test_SG2_splitByBand(score: Int, irGold: Int, drGold: Int) throws {
        var profile = Fixtures.profile(step2ck: score)
        profile.pathway = .both
        let signals = try Fixtures.plan(profile).signals
        #expect(signals.sharedPool == true && signals.sharedPoolConfidence == .projected)
        #expect(signals.split.irGold == irGold && signals.split.drGold == drGold)
        #expect(signals.split.irGold + signals.split.drGold == signals.gold)
        #expect(signals.split.advice.contains("verify") && signals.split.advice.contains("MatchPlan's advice"))
    }

    @Test func test_SG2_signalItemSaysHowToSplit() throws {
        let item = try #require(try Fixtures.plan(step2ck: 238).checklistItem("send-program-signals"))
        #expect(item.text.contains("3 gold") && item.text.contains("DR programs with ESIR"))
    }

    @Test func test_SG2_integratedIROnlySignalsIROnly() throws {
        var profile = Fixtures.profile(step2ck: 258)
        profile.pathway = .integratedIR
        let split = try Fixtures.plan(profile).signals.split
        #expect(split.irGold == 6 && split.drGold == 0)
    }
}
