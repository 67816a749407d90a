/// The student's checklist: the rules' items that apply (their `when:` conditions), each with
/// a status derived from the profile and flagged overdue when open past its due date (D9).
enum ChecklistBuilder {
    static func build(profile: Profile, rules: Rules, conditions: Set<Condition>, dates: DateResolver,
                      today: CalendarDate) -> [StrategyPlan.ChecklistItem] {
        rules.checklist.compactMap { item in
            guard item.when.isEmpty || item.when.contains(where: conditions.contains) else { return nil }
            var status = profile.completed.contains(item.id) ? .done : status(of: item, profile: profile)
            let due = item.due.flatMap(dates.resolve)
            // D9: items still open whose dates have passed are flagged.
            if status != .done, let due, due < today { status = .overdue }
            return .init(id: item.id, rule: item.rule, text: item.text, status: status, due: due)
        }
    }

    /// Status from the item's named profile fields (see `status_from` in rules.yaml).
    static func status(of item: Rules.ChecklistRule, profile: Profile) -> StrategyPlan.Status {
        switch item.statusSource {
        case .manual:
            return .todo
        case .step1:
            switch profile.step1 {
            case .pass?, .score?: return .done
            case .fail?, nil: return .todo
            }
        case .step2ck:
            if profile.step2ck.score != nil { return .done }
            return profile.step2ck.date == nil ? .todo : .inProgress
        case .pathwayBoth:
            return profile.pathway == .both ? .done : .todo
        case .pathwayESIR:
            return [.both, .drESIR].contains(profile.pathway) ? .done : .todo
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
