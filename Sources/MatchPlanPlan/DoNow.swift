import MatchPlanModel

/// "Do this now": the plan's `actions[]`, computed from the rest of the plan and its today
/// (pure). Order: overdue count (N1), state prompts (N3, N4, D5's move-the-sitting, N5), then the
/// next dated items (N2).
public enum DoNow {
    /// How many upcoming checklist items N2 lists.
    public static let nextCount = 3
    /// N4 / N5: how far ahead a dated prompt about the season looks, in days: about a year, so
    /// "choose a Step 2 CK date" starts around the beginning of MS3 for the usual T1 date and
    /// "submission opens" a year before it. Earlier (MS1, MS2) the exam and the season are too far
    /// off to act on: seats and study periods are set during MS3.
    public static let seasonHorizonDays = 365

    /// The actions for `plan` as of `plan.today`.
    public static func actions(for plan: StrategyPlan) -> [PlanAction] {
        let today = plan.today
        var actions: [PlanAction] = []
        // N1: how many checklist items are overdue (none: no action).
        let overdue = plan.checklist.filter { $0.status == .overdue }.count
        if overdue > 0 {
            actions.append(.init(id: "overdue", text: overdue == 1 ? "1 checklist item is overdue: do it first."
                                 : "\(overdue) checklist items are overdue: do them first.", rule: "N1"))
        }
        let step2ckMatters = !plan.conditions.contains("comlex_only")
        // N3 / D20: the sitting is past and its score should be back, but the profile has none.
        if step2ckMatters, plan.step2ck.state == .scoreOverdue, let expected = plan.timing.expectedScoreDate {
            actions.append(.init(id: "add-step2ck-score", text: "Your Step 2 CK score should be back by now: add it to your profile.",
                                 due: expected, daysLeft: today.days(until: expected), rule: "N3"))
        }
        // N4 / D20: no Step 2 CK date yet while the latest recommended date is still ahead, and
        // within the horizon (not for MS1 and MS2 students, years before the exam).
        let untilLatest = today.days(until: plan.timing.latestDate)
        if step2ckMatters, plan.step2ck.state == .notPlanned, untilLatest >= 0, untilLatest <= seasonHorizonDays {
            let days = untilLatest
            // D3 (A5): with no practice score either, the practice exam comes before the booking.
            let first = plan.step2ck.basis == .none ? "No Step 2 CK date or practice score yet: take an NBME practice exam first, then book"
                : "No Step 2 CK date yet"
            actions.append(.init(id: "choose-step2ck-date",
                                 text: "\(first): the latest recommended date is in \(days) \(days == 1 ? "day" : "days") (\(plan.timing.latestDate.longForm)).",
                                 due: plan.timing.latestDate, daysLeft: days, rule: "N4"))
        }
        // D5 / T4: a planned sitting after the student's own latest recommended date: move it
        // (while that date is ahead; after it, to the earliest seat).
        if step2ckMatters, plan.step2ck.state == .planned, let sitting = plan.timing.sittingDate, sitting > plan.timing.latestDate {
            let limit = plan.timing.latestDate, scenario = plan.timing.scenario.rawValue
            if limit >= today {
                actions.append(.init(id: "move-step2ck-sitting",
                                     text: "Move your Step 2 CK sitting from \(sitting.longForm) to \(limit.longForm) or earlier now, while seats are open: that is your limit (\(scenario)).",
                                     due: limit, daysLeft: today.days(until: limit), rule: "D5"))
            } else {
                actions.append(.init(id: "move-step2ck-sitting",
                                     text: "Move your Step 2 CK sitting from \(sitting.longForm) to the earliest date you can book: your limit (\(scenario)) was \(limit.longForm).",
                                     rule: "D5"))
            }
        }
        // N5: applicants may submit soon (the timeline's TL5 event, while ahead and within the horizon).
        if let opens = plan.timeline.first(where: { $0.id == "applicants-may-submit" })?.date, opens > today,
           today.days(until: opens) <= seasonHorizonDays {
            let days = today.days(until: opens)
            actions.append(.init(id: "submission-opens", text: "Submission opens in \(days) \(days == 1 ? "day" : "days") (\(opens.longForm)).",
                                 due: opens, daysLeft: days, rule: "N5"))
        }
        // N2: the next dated checklist items still open, soonest first (the checklist is sorted by due date).
        let next = plan.checklist.filter { item in
            guard let due = item.due else { return false }
            return (item.status == .todo || item.status == .inProgress) && due >= today
        }.prefix(nextCount)
        for item in next {
            let due = item.due!
            actions.append(.init(id: "next-\(item.id)", text: item.text, due: due, daysLeft: today.days(until: due), rule: "N2"))
        }
        return actions
    }
}
