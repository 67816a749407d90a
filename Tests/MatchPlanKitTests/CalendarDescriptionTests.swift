import Foundation
import Testing
@testable import MatchPlanModel
@testable import MatchPlanPlan
@testable import MatchPlanRender

/// S0.4 / D14 in the calendar file: each checklist event names its rule and how sure its date is.
@Suite struct CalendarDescriptionTests {
    @Test func S0_4_D14_checklistDescriptionsNameTheRuleAndTheDatesConfidence() throws {
        // Match 2027 at 2026-08-15: programs review on a projected date still ahead; the VSLO
        // window closed (projected, past); the home rotation date is MatchPlan's own.
        let plan = try Fixtures.plan(Fixtures.profile(practice: [241, 246], date: "2026-07-01"), today: Fixtures.date("2026-08-15"))
        let events = CalendarEvent.events(of: plan)
        func description(_ id: String) throws -> String {
            try #require(events.first { $0.uid == "checklist.\(id)-\(plan.matchYear)@matchplan" }).description
        }
        let letters = try #require(plan.checklistItem("ir-dr-letters"))
        let confidence = try #require(letters.dueConfidence, "an event: date carries the cycle's confidence")
        #expect(confidence == plan.timelineEvent("programs-review")?.confidence && confidence != .official)
        #expect(try description("ir-dr-letters").hasPrefix("Checklist (") && description("ir-dr-letters").contains("Rule \(letters.rule)."))
        #expect(try description("ir-dr-letters").contains("Date \(confidence.rawValue): verify."))
        #expect(try description("apply-vslo").contains("Date was "), "past: no longer 'verify'")
        #expect(plan.checklistItem("home-ir-rotation")?.dueConfidence == nil)
        #expect(try description("home-ir-rotation").contains("Date set by MatchPlan's rule: a recommendation"))
        // The student's own sitting is their record: official.
        #expect(plan.checklistItem("sit-step2ck")?.dueConfidence == .official)
        #expect(try description("sit-step2ck").contains("Date official."))
    }

    @Test func D14_timelineDescriptionsSayWasOncePast() throws {
        let plan = try Fixtures.plan(Fixtures.profile(step2ck: 248, date: "2026-06-01"), today: Fixtures.date("2026-08-15"))
        for (event, calendar) in zip(plan.timeline, CalendarEvent.events(of: plan).suffix(plan.timeline.count)) where event.confidence.needsVerification {
            #expect(calendar.description.contains(event.status == .past ? "was \(event.confidence.rawValue)" : "\(event.confidence.rawValue): verify"), "\(event.id)")
        }
    }
}
