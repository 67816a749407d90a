/// D14 (docs/rules.md): an application cycle projected from the pattern of earlier seasons, for
/// match years no cycle file covers yet (today's MS1 and MS2 students), and the events a cycle
/// file leaves out. Every projected date is `projected`, with the pattern as its source.
public enum CycleProjection {
    /// The whole cycle for `matchYear` from the rules alone.
    public static func project(matchYear: Int, rules: CycleProjectionRules) -> Cycle {
        let empty = Cycle(matchYear: matchYear, events: [], passingScore: rules.passingScore, passingScoreFrom: nil,
                          earlierPassingScore: nil, reportingWeeks: rules.reportingWeeks, signals: rules.signals)
        return fill(empty, rules: rules)
    }

    /// `cycle` with every projected event it lacks added. A file's date wins date by date, and
    /// relative dates are counted from the file's dates where it has them (Match Week from the
    /// file's Match Day).
    public static func fill(_ cycle: Cycle, rules: CycleProjectionRules) -> Cycle {
        var filled = cycle
        for rule in rules.events where filled.event(rule.id) == nil {
            guard let date = date(rule.on, cycle: filled) else { continue }
            filled.events.append(.init(id: rule.id, title: rule.title, date: date, confidence: .projected,
                                       source: "MatchPlan projection: \(rule.reason)"))
        }
        return filled
    }

    /// The date of `rule` in `cycle`'s years; nil when a relative date's event is missing.
    static func date(_ rule: ProjectedDate, cycle: Cycle) -> CalendarDate? {
        switch rule {
        case .fixed(let inMatchYear, let monthDay):
            return monthDay.inYear(inMatchYear ? cycle.matchYear : cycle.seasonYear)
        case .nthWeekday(let inMatchYear, let month, let weekday, let nth):
            let first = CalendarDate(year: inMatchYear ? cycle.matchYear : cycle.seasonYear, month: month, day: 1)!
            let offset = (weekday - first.isoWeekday + 7) % 7
            return first.adding(days: offset + 7 * (nth - 1))
        case .relative(let event, let days):
            return cycle.event(event)?.date.adding(days: days)
        }
    }
}

extension CalendarDate {
    /// ISO weekday: 1 = Monday … 7 = Sunday (Sakamoto's method, Gregorian).
    var isoWeekday: Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sunday0 = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        return sunday0 == 0 ? 7 : sunday0
    }
}
