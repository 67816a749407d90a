import MatchPlanModel

/// When to sit Step 2 CK: scenario T1/T2/T3 (D10), the latest recommended date (D7), the
/// expected score date (T5) and, after a fail, the earliest sensible retake (D8).
enum Step2CKTiming {
    /// What the timing decision reads besides the profile.
    struct Signals {
        /// S1.2 / D11: a Step 1 fail on record.
        var step1FailOnRecord = false
        /// D8: a reported Step 2 CK below the passing score.
        var step2ckFail = false
        /// W3 / D10: concerns however entered (``RecordConcerns``).
        var concerns: [Profile.Concern] = []
        /// S1.1 / D19: Step 1 still has to be passed.
        var step1NotPassed = false
    }

    /// D10: T2 when the student struggled (internal medicine or surgery graded pass or fail, a
    /// Step 1 fail, a numeric Step 1 under the rules' threshold, a course failure however entered,
    /// or a failed Step 2 CK); else T3 when the profile asks for extra preparation; else T1.
    static func scenario(profile: Profile, rules: Rules, signals: Signals) -> (TimingScenario, String) {
        var reasons: [String] = []
        if signals.step2ckFail { reasons.append("the Step 2 CK was failed, so a retake comes first") }
        // C4: a Pass in a core clerkship is normal at many pass/fail schools: say so, and name
        // both clerkships once rather than stringing reasons together.
        let clerkships = [("internal medicine", profile.clerkships.internalMedicine), ("surgery", profile.clerkships.surgery)]
        let failed = clerkships.filter { $0.1 == .fail }.map(\.0), passed = clerkships.filter { $0.1 == .pass }.map(\.0)
        if !failed.isEmpty {
            reasons.append("the \(failed.joined(separator: " and ")) clerkship\(failed.count > 1 ? "s were" : " was") graded fail")
        }
        if !passed.isEmpty {
            reasons.append("the \(passed.joined(separator: " and ")) clerkship\(passed.count > 1 ? "s were" : " was") graded pass (a normal grade at many pass/fail schools, but then Step 2 CK has to show your clinical knowledge)")
        }
        if signals.step1FailOnRecord { reasons.append(signals.step1NotPassed ? "Step 1 still has to be passed" : "Step 1 shows a fail") }
        if case .score(let score) = profile.step1, score < rules.step1StruggleBelow {
            reasons.append("the numeric Step 1 (\(score)) is under \(rules.step1StruggleBelow)")
        }
        // W3 / D10: a course failure listed as a concern weighs like a failed clerkship grade.
        if signals.concerns.contains(.courseFailure) && RecordConcerns.failedClerkships(profile).isEmpty {
            reasons.append("your record shows a course failure")
        }
        if !reasons.isEmpty {
            return (.t2, "A short, targeted review of weak subjects before you sit: " + joined(reasons) + ".")
        }
        if profile.step2ck.extraPrep {
            return (.t3, "You asked for extra preparation time to make the score count.")
        }
        return (.t1, "No struggle signals in the profile: sit early, once clerkships are strong.")
    }

    /// C2 / D15 / TL6: what matters once the score is in, by `today`: before programs review,
    /// the application (program list, letters, signals, personal statement: A1, A2); from then
    /// until the Match is over, interviews and the rank order list (TL6); after it, nothing more
    /// for this season (D16). Text after "no longer matters", ending with a full stop.
    static func whatMattersNow(cycle: Cycle, matchOver: Bool, today: CalendarDate) -> String {
        if matchOver { return "." }
        if let review = cycle.event("programs_review")?.date, today >= review {
            return ": with applications in, what matters now is interviews and your rank order list (TL6)."
        }
        return ": what matters now is the program list, letters, signals and the personal statement (A1, A2)."
    }

    /// C4: several reasons read as a list after a colon: "a; b; c".
    static func joined(_ parts: [String]) -> String { parts.joined(separator: "; ") }

    /// T1–T5, D7, D8, D19: the whole timing plan for the season.
    /// - Parameter state: D20: the student's Step 2 CK state; once sat, the text says so.
    /// - Parameter matchOver: D4 / D16: once the Match is over, a COMLEX-only student gets no date
    ///   still ahead to consider Step 2 CK by (the season's own date stays, past).
    static func plan(profile: Profile, rules: Rules, cycle: Cycle, signals: Signals, state: Step2CKState? = nil,
                     matchOver: Bool = false, today: CalendarDate) -> StrategyPlan.TimingPlan {
        let (scenario, scenarioReason) = scenario(profile: profile, rules: rules, signals: signals)
        let season = cycle.seasonYear
        var latest = rules.timing.latest[scenario]!.inYear(season)
        if profile.comlexOnly && !matchOver {
            // D4: Step 2 CK is advice to consider, so its date is never one already past: the
            // scenario's date, else the T3 limit, else the earliest bookable date.
            let t3Limit = rules.timing.latest[.t3]!.inYear(season)
            latest = [latest, t3Limit].first { $0 >= today } ?? today.adding(days: rules.bookingLeadDays)
        }
        let sitting = profile.step2ck.date
        // D8 / D10 / P3: a retake after the rules' weeks of targeted work, counted from the day
        // the failing result came back (the sitting plus the cycle's reporting weeks), so the
        // target stays put from run to run and is overdue once passed; from today only when the
        // sitting date is unknown.
        let retake = signals.step2ckFail
            ? (sitting?.adding(days: 7 * cycle.reportingWeeks.value) ?? today).adding(days: 7 * rules.retakeWeeks) : nil
        // D8: after a fail, the date to aim for is the retake, not a window already used.
        if let retake { latest = retake }
        // D19 / S1.1 / P3: Step 1 not yet passed: the retake comes first, after the rules' weeks of
        // targeted work from the failed sitting or today; Step 2 CK no earlier than its result.
        let step1Retake = signals.step1NotPassed ? max(profile.step1Date ?? today, today).adding(days: 7 * rules.retakeWeeks) : nil
        let step2ckAhead = profile.step2ck.score == nil
        if let step1Retake, step2ckAhead { latest = max(latest, step1Retake.adding(days: 7 * cycle.reportingWeeks.value)) }
        // S1.1 / D19: Step 1 still to pass: the retake leads the text, whatever else it says.
        let step1First = step1Retake.map {
            "Step 1 comes first: book the retake with your dean's office and aim to sit it by about \($0.longForm), after about \(rules.retakeWeeks) weeks of targeted work\(step2ckAhead ? "; plan Step 2 CK after its result" : ""). "
        } ?? ""
        var reason = scenarioReason
        if let retake {
            // D8 / D19: once the target has passed, say so and ask for the booked date.
            reason += retake < today
                ? " The retake was due around \(retake.longForm) (about \(rules.retakeWeeks) weeks of targeted work after the result): if it is booked, note the date with your dean's office and advisor; if not, book the earliest seat now."
                : " The earliest sensible retake is around \(retake.longForm), about \(rules.retakeWeeks) weeks of targeted work after the result came back."
        }
        let expected = sitting.map { $0.adding(days: 7 * cycle.reportingWeeks.value) }
        if profile.step2ck.score != nil && retake == nil {
            // C2: once a passing score is in, the timing advice is history: say what matters now
            // (with the sitting date as past, however long ago: a graduate's old sitting, D20).
            let sat = sitting.map { " (sat \($0.longForm))" } ?? ""
            reason = "Your Step 2 CK score is in\(sat), so the sitting date no longer matters" + Self.whatMattersNow(cycle: cycle, matchOver: matchOver, today: today)
        } else if let state, let satReason = Step2CKStatus.satReason(state: state, profile: profile, expected: expected) {
            // D20: sat, score not in: the text says it was sat, never "sit by".
            reason = satReason
        }
        reason = step1First + reason
        return .init(
            scenario: scenario,
            reason: reason,
            windowStart: scenario == .t1 ? rules.timing.t1Earliest.inYear(season) : nil,
            latestDate: latest,
            lateAfter: rules.timing.lateAfter.inYear(season),
            sittingDate: sitting,
            expectedScoreDate: expected,
            programsReview: cycle.event("programs_review")!.date,
            reportingWeeks: cycle.reportingWeeks.value,
            retakeEarliest: retake,
            step1RetakeTarget: step1Retake
        )
    }
}
