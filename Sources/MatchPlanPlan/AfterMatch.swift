import MatchPlanModel

/// D16 (docs/rules.md): the plan once the Match is over. From the day after the rank order list
/// deadline (nothing a student does can change the Match any more), or as soon as the profile
/// records a result, unfinished pre-Match items are closed, never overdue. A matched student
/// has nothing left open; an unmatched one is pointed to SOAP in Match Week, then to reapplying.
struct AfterMatch {
    /// Pre-Match items are closed (the Match is over for this student).
    var closed: Bool
    var result: Profile.MatchResult?
    var matchWeek: CalendarDate
    var soapEnds: CalendarDate
    var matchDay: CalendarDate
    var nextMatchYear: Int
    var today: CalendarDate
    /// D16 / B7: the next season's calendar, projected from the rules' pattern (D14).
    var next: Cycle
    /// D9 (A7): the profile says the applicant has graduated (no longer an enrolled student).
    var graduated: Bool

    /// - Parameter next: the next season's calendar (``Planner/nextCycle``).
    init(profile: Profile, cycle: Cycle, next: Cycle, today: CalendarDate) {
        let rankDeadline = cycle.event("rank_order_list_deadline")!.date
        matchDay = cycle.event("match_day")!.date
        matchWeek = cycle.event("match_week")?.date ?? matchDay.adding(days: -4)
        soapEnds = cycle.event("soap_ends")?.date ?? matchDay.adding(days: -1)
        result = profile.matchResult
        closed = result != nil || today > rankDeadline
        nextMatchYear = cycle.matchYear + 1
        self.next = next
        graduated = profile.stage == .graduate
        self.today = today
    }

    /// Conditions for content and checklist items: `match:matched`, `match:unmatched`, `match:over`.
    var conditions: [String] {
        var texts: [String] = []
        if closed { texts.append("match:over") }
        if let result { texts.append("match:\(result.rawValue)") }
        return texts
    }

    /// D16: an open pre-Match item once the Match is over.
    func closes(_ item: Rules.ChecklistRule) -> Bool { closed && !item.afterMatch }

    func findings(flag: (String, String, String) -> Void, warn: (String, String, String) -> Void) {
        switch result {
        case .unmatched?:
            // D16 / B7: once SOAP is over, say so and point to positions still open after it.
            let soap = today <= soapEnds
                ? "SOAP runs from \(matchWeek.longForm) to \(soapEnds.longForm): work through it with your dean's office, applying for unfilled positions, preliminary and transitional years included."
                : "SOAP ran from \(matchWeek.longForm) to \(soapEnds.longForm); some positions stay unfilled after it and programs fill them directly, so ask your dean's office about any still open, preliminary years included."
            flag("did-not-match", "D16",
                 "You did not match this year. \(soap) Then plan to reapply for Match \(nextMatchYear): a research year with IR faculty or a preliminary year, a frank review with your advisors of what held the application back (score, letters, list breadth, DR share), and a broader list."
                 + nextSeason)
        case .matched?:
            // C7: matching is not a warning; the after-the-match page says what comes next.
            break
        case nil where today >= matchWeek:
            warn("match-result-unknown", "D16",
                 "Match Week began on \(matchWeek.longForm): add match_result (matched or unmatched) to the profile. If you did not match, SOAP runs to \(soapEnds.longForm) and the plan turns to reapplying for Match \(nextMatchYear).")
        case nil:
            break
        }
    }

    /// B7: the next season's key dates for a reapplicant, projected (D14), each to verify; in
    /// date order, with a window already open said to be open now.
    /// D16 / D9 (A7): away rotations through VSLO take enrolled students. A graduate is told so
    /// instead of the VSLO window, and pointed to a research year or an observership; a student
    /// is told that a rotation after graduation needs extended enrollment.
    var nextSeason: String {
        var parts: [String] = []
        var enrolment = ""
        if let opens = next.event("vslo_opens")?.date, let closes = next.event("vslo_closes")?.date, today <= closes {
            if graduated {
                enrolment = " Away rotations through VSLO generally require being an enrolled medical student, which a graduate no longer is: build current IR ties through a research year or an observership with IR faculty instead."
            } else {
                parts.append(today >= opens
                    ? "away-rotation (VSLO) applications are open now, at most programs until around \(closes.longForm)"
                    : "away-rotation (VSLO) applications open around \(opens.longForm)")
                enrolment = " A visiting rotation generally requires being an enrolled student on its dates: for one after your graduation, ask your dean's office about extended enrollment (delaying graduation), or build the same ties through a research year with IR faculty."
            }
        }
        let names = [("eras_opens", "ERAS opens"), ("applicants_submit", "applications may be submitted"),
                     ("programs_review", "programs start reviewing"), ("match_day", "Match Day")]
        parts += names.compactMap { id, name in next.event(id).map { "\(name) around \($0.date.longForm)" } }
        return " Next season's calendar, projected from earlier seasons (verify): " + parts.joined(separator: "; ") + "." + enrolment
    }
}
