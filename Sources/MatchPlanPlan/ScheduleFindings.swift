import MatchPlanModel

/// Findings about dates: no Step 2 CK booked once the T3 limit has passed (D5 / T4), and a
/// reported result dated in the future (D9). See docs/rules.md.
enum ScheduleFindings {
    static func evaluate(profile: Profile, rules: Rules, cycle: Cycle, timing: StrategyPlan.TimingPlan, afterMatch: AfterMatch,
                         today: CalendarDate, flag: (String, String, String) -> Void, warn: (String, String, String) -> Void) {
        // D5 / T4: no score and no date once the season's T3 limit has passed: any sitting from now
        // lands after programs begin review. The least bad date is the earliest bookable one.
        let t3Limit = rules.timing.latest[.t3]!.inYear(cycle.seasonYear)
        if profile.step2ck.score == nil, profile.step2ck.date == nil, !profile.comlexOnly, today > t3Limit, !afterMatch.closed {
            let sit = today.adding(days: rules.bookingLeadDays)
            let score = sit.adding(days: 7 * cycle.reportingWeeks.value)
            let review = timing.programsReview
            let when = today > review ? "began reviewing on \(review.longForm)" : "begin reviewing on \(review.longForm)"
            flag("step2ck-not-booked", "D5",
                 "No Step 2 CK date yet, and \(t3Limit.longForm), the latest date this plan recommends for anyone, has passed: any sitting from now lands after programs \(when), when many interview decisions are made (T4). The least bad choice is the earliest date you can book, around \(sit.longForm), for a score around \(score.longForm); tell your advisors and IR mentors now.")
        }
        // D9: a reported result cannot be dated after today.
        if let score = profile.step2ck.score, let date = profile.step2ck.date, date > today {
            warn("score-date-in-future", "D9",
                 "step2ck.score gives a reported score (\(score)), but step2ck.date (\(date.description)) is after today (\(today.description)): a score is reported only after the exam. Correct one of the two fields.")
        }
        if profile.step1 != nil, let date = profile.step1Date, date > today {
            warn("step1-date-in-future", "D9",
                 "step1 gives a result, but step1_date (\(date.description)) is after today (\(today.description)): correct one of the two fields.")
        }
    }
}
