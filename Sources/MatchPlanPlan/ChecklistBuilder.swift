import MatchPlanModel

/// The student's checklist: the rules' items that apply (their `when:` and `unless:`
/// conditions), each with a status derived from the profile, flagged overdue when open past its
/// due date (D9), and closed once the Match is over (D16). See docs/rules.md.
enum ChecklistBuilder {
    /// - Parameters:
    ///   - step1NotPassed: S1.1 / D11: Step 1 still has to be passed (a fail, or a numeric score below its era's standard).
    ///   - step2ckState: D20: the one Step 2 CK state (nil: read from the profile and today).
    ///   - sittingDate: D20: once the exam is sat, a Step 2 CK item is dated by the sitting, not by
    ///     the latest recommended date (a graduate's old sitting never shows as still to come).
    ///   - afterMatch: D16: closes open pre-Match items once the Match is over.
    static func build(profile: Profile, rules: Rules, conditions: Set<Condition>, dates: DateResolver,
                      step1NotPassed: Bool, step2ckState: Step2CKState? = nil, sittingDate: CalendarDate? = nil,
                      afterMatch: AfterMatch, today: CalendarDate) -> [StrategyPlan.ChecklistItem] {
        // C1: a pathway cannot be "in progress" before the season's applications open.
        let seasonOpens = dates.resolve(.event("eras_opens"))
        // TL6 / D9: the day programs begin reviewing this season's applications.
        let reviewBegins = dates.resolve(.event("programs_review"))
        let items = rules.checklist.compactMap { item -> StrategyPlan.ChecklistItem? in
            guard item.when.isEmpty || item.when.contains(where: conditions.contains),
                  !item.unless.contains(where: conditions.contains) else { return nil }
            var status = profile.completed.contains(item.id)
                ? .done : status(of: item, profile: profile, today: today, step1NotPassed: step1NotPassed, seasonOpens: seasonOpens,
                                 step2ckState: step2ckState)
            var due = item.due.flatMap(dates.resolve)
            var text = item.text
            var confidence = item.due.flatMap(dates.confidence)
            if case .step2ck = item.statusSource, step2ckState?.sat == true {
                // D20: sat: the item is dated when it was done (the student's own record).
                due = sittingDate
                confidence = sittingDate == nil ? nil : .official
            }
            if status != .done && afterMatch.closes(item) {
                // D16: the Match is over; nothing left open before it can be done now, and a
                // closed item keeps no date still to come (D4: no "consider Step 2 CK by").
                status = .closed
                if let date = due, date > today { due = nil; confidence = nil }
            } else if status != .done, item.window, let due, due < today {
                // D16: a window that has closed (SOAP) cannot be overdue: it is over.
                status = .closed
            } else if status != .done, let past = item.pastText, let due, due < today {
                // B9 / D15: application work past the day programs began reviewing cannot be
                // done now: it is closed as past, with a "confirm" wording, never overdue.
                status = .closed
                text = past
            } else if status != .done, item.pastAtReview, let reviewBegins, reviewBegins < today {
                // TL6 / D9: rotations, research and IR exposure not done by the time programs began
                // reviewing can no longer count this season: closed as past, never overdue (an
                // MS4 in interview season is not told to do last summer's rotation first).
                status = .closed
                text = "Not done before programs began reviewing, so it no longer counts this season (tell your advisor): \(item.text)"
            } else if status != .done, !item.advisory, let due, due < today {
                // D9: items still open whose dates have passed are flagged (D4: advice never is).
                status = .overdue
            }
            return .init(id: item.id, rule: item.rule, text: text, status: status, due: due, dueConfidence: confidence)
        }
        // Soonest due first (undated last); the rules' order breaks ties.
        return items.enumerated().sorted {
            ($0.element.due ?? .distantFuture, $0.offset) < ($1.element.due ?? .distantFuture, $1.offset)
        }.map(\.element)
    }

    /// Status from the item's named profile fields (see `status_from` in rules.yaml).
    /// - Parameters:
    ///   - today: a Step 2 CK date on or before it has been sat (the score may still be pending).
    ///   - step1NotPassed: S1.1 / D11: a fail or a numeric score below standard keeps "Pass Step 1" open.
    ///   - seasonOpens: C1: before this date a chosen pathway is still "to do", not in progress.
    /// A failed Step 2 CK has been sat (D8): the retake is its own item (`retake-step2ck`).
    ///   - step2ckState: D20: when given, the Step 2 CK items read it (sat = done, planned = in progress).
    static func status(of item: Rules.ChecklistRule, profile: Profile, today: CalendarDate,
                       step1NotPassed: Bool = false, seasonOpens: CalendarDate? = nil, step2ckState: Step2CKState? = nil) -> StrategyPlan.Status {
        let seasonOpen = seasonOpens.map { today >= $0 } ?? true
        switch item.statusSource {
        case .manual:
            return .todo
        case .step1:
            if step1NotPassed { return .todo }
            switch profile.step1 {
            case .pass?, .score?: return .done
            case .fail?, nil: return .todo
            }
        case .step2ck:
            if let step2ckState {
                return step2ckState.sat ? .done : step2ckState == .planned ? .inProgress : .todo
            }
            if profile.step2ck.score != nil { return .done }
            guard let date = profile.step2ck.date else { return .todo }
            return date <= today ? .done : .inProgress
        case .pathwayBoth:
            // Choosing the pathway is a decision, not the application: done only when marked.
            return profile.pathway == .both && seasonOpen ? .inProgress : .todo
        case .pathwayESIR:
            return [.both, .drESIR].contains(profile.pathway) && seasonOpen ? .inProgress : .todo
        case .fields(let fields):
            if fields.count == 1, let progress = progress(fields[0], profile) {
                switch progress {
                case .done: return .done
                case .planned: return .inProgress
                case .notPlanned: return .todo
                }
            }
            let total = fields.reduce(0) { $0 + count($1, profile) }
            if total >= item.target { return .done }
            return total > 0 ? .inProgress : .todo
        }
    }

    /// The done/planned/none value of a progress field (absent = none); nil for other fields.
    private static func progress(_ field: ProfileField, _ profile: Profile) -> Profile.Progress? {
        switch field {
        case .rotationsHomeIR: profile.rotations.homeIR ?? .notPlanned
        case .rotationsSubInternship: profile.rotations.subInternship ?? .notPlanned
        default: nil
        }
    }

    /// A field as a count (true = 1; a done/planned field counts 1 when done).
    private static func count(_ field: ProfileField, _ profile: Profile) -> Int {
        switch field {
        case .irInterestGroup: profile.ir.interestGroup ? 1 : 0
        case .irShadowing: profile.ir.shadowing ? 1 : 0
        case .irMentor: profile.ir.mentor ? 1 : 0
        case .irConferences: profile.ir.conferences
        case .researchIRAbstracts: profile.research.irAbstracts
        case .researchIRPosters: profile.research.irPosters
        case .researchCaseReports: profile.research.caseReports
        case .researchQIProjects: profile.research.qiProjects
        case .researchIRMeetingPresentations: profile.research.irMeetingPresentations
        case .lettersIR: profile.letters.ir
        case .lettersDR: profile.letters.dr
        case .lettersCoreClerkship: profile.letters.coreClerkship
        case .rotationsAwayIR: profile.rotations.awayIR
        case .rotationsHomeIR: profile.rotations.homeIR == .done ? 1 : 0
        case .rotationsSubInternship: profile.rotations.subInternship == .done ? 1 : 0
        }
    }
}
