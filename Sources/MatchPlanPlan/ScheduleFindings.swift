import MatchPlanModel

/// Findings about dates: no Step 2 CK booked once the T3 limit has passed (D5 / T4), and a
/// reported result dated in the future (D9). See docs/rules.md.
enum ScheduleFindings {
    /// - Parameter reported: the profile as written (C5: `profile` has a future-dated score moved to the predictions).
    static func evaluate(profile: Profile, reported: Profile, rules: Rules, cycle: Cycle, timing: StrategyPlan.TimingPlan, afterMatch: AfterMatch,
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
                 "No Step 2 CK date yet, and \(t3Limit.longForm), the latest date this plan recommends for anyone, has passed: any sitting from now lands after programs \(when), when many interview decisions are made (T4). The least bad choice is the earliest date you can book, around \(sit.longForm), for a score around \(score.longForm); tell your advisors and IR mentors now. Applying a year later, to Match \(profile.matchYear + 1), with the score in hand before programs review is a real option too: weigh it with your dean and IR mentors.")
        }
        // D3 / T1 (B2): no date yet and the latest recommended date is near: book now, while
        // seats are still open, and take an NBME practice exam to see where you stand.
        if let days = rules.bookReminderDays, profile.step2ck.score == nil, profile.step2ck.date == nil, !profile.comlexOnly,
           !afterMatch.closed, today <= timing.latestDate, today >= timing.latestDate.adding(days: -days) {
            if profile.step2ck.practice.isEmpty {
                // D3 / T2 / T3 (A5): with no practice score a rushed sitting is a gamble: the
                // practice exam comes first, and the later scenarios' dates are the fallback.
                warn("step2ck-book-now", timing.scenario.rawValue,
                     "No Step 2 CK date and no practice score yet, and your latest recommended date is \(timing.latestDate.longForm): take an NBME practice exam this week (D3). Book a sitting by \(timing.latestDate.longForm) only if that practice score is on target"
                     + fallback(rules: rules, cycle: cycle, after: timing.latestDate) + ".")
            } else {
                warn("step2ck-book-now", timing.scenario.rawValue,
                     "No Step 2 CK date yet, and your latest recommended date is \(timing.latestDate.longForm): book a sitting now, before seats fill.")
            }
        }
        // D9: a reported result cannot be dated after today.
        if let score = reported.step2ck.score, let date = reported.step2ck.date, date > today {
            warn("score-date-in-future", "D9",
                 "step2ck.score gives a reported score (\(score)), but step2ck.date (\(date.description)) is after today (\(today.description)): a score is reported only after the exam. Until one of the two fields is corrected, this plan treats \(score) as a predicted score (D3).")
        }
        if reported.step1 != nil, let date = reported.step1Date, date > today {
            warn("step1-date-in-future", "D9",
                 "step1 gives a result, but step1_date (\(date.description)) is after today (\(today.description)): correct one of the two fields.")
        }
    }

    /// T2 / T3 (A5, D4): "; otherwise book for …" naming the later scenarios' latest dates after
    /// `date` (extra preparation, then the limit for anyone); empty when none is later.
    static func fallback(rules: Rules, cycle: Cycle, after date: CalendarDate) -> String {
        let dates = laterDates(rules: rules, cycle: cycle, after: date)
        return dates.isEmpty ? "" : "; otherwise give yourself more preparation and book for " + dates
    }

    /// T2 / T3: "August 31, 2027 (T2) or, at the latest, September 10, 2027 (T3)" after `date`; empty when none.
    static func laterDates(rules: Rules, cycle: Cycle, after date: CalendarDate) -> String {
        let later = [TimingScenario.t2, .t3].compactMap { scenario -> String? in
            guard let latest = rules.timing.latest[scenario]?.inYear(cycle.seasonYear), latest > date else { return nil }
            return "\(latest.longForm) (\(scenario.rawValue))"
        }
        return later.joined(separator: " or, at the latest, ")
    }
}
