import MatchPlanModel

/// What the profile's Step 1 means for the plan (S1.1, S1.2, D2, D11; docs/rules.md).
struct Step1Standing: Equatable {
    enum Status: Equatable {
        /// No Step 1 result given.
        case unknown
        /// Passed on the first attempt (pass, or a numeric score at or above its era's standard).
        case passed
        /// S1.2: passed after more than one attempt: a fail on record, recovered by the later pass.
        case passedAfterFail
        /// S1.1: a fail not yet followed by a pass.
        case notPassed
        /// D11: a numeric score below the passing standard of its era (points): a fail, not yet passed.
        case belowStandard(score: Int, standard: Int)
    }

    var status: Status
    /// D11: a numeric score between the lowest and highest standards with no `step1_date`, so
    /// whether it passed depends on when it was sat (points: lowest and highest standards).
    var eraUnknown: (lowest: Int, highest: Int)?

    /// S1.1: Step 1 still has to be passed.
    var notPassed: Bool {
        switch status {
        case .notPassed, .belowStandard: true
        default: false
        }
    }

    /// S1.2 / D2: a fail on record, passed since or not.
    var failOnRecord: Bool { notPassed || status == .passedAfterFail }

    init(profile: Profile, standards: [Step1Standard]) {
        let retaken = (profile.step1Attempts ?? 1) > 1
        eraUnknown = nil
        switch profile.step1 {
        case nil:
            status = .unknown
        case .fail?:
            status = .notPassed
        case .pass?:
            status = retaken ? .passedAfterFail : .passed
        case .score(let score)?:
            // D11: judge a numeric score by the standard in force when it was sat; with no date,
            // only a score below every recorded standard is certainly a fail.
            let lowest = standards.map(\.score).min() ?? 0, highest = standards.map(\.score).max() ?? 0
            let standard: Int
            if let date = profile.step1Date {
                standard = standards.last { $0.from <= date }?.score ?? standards.first?.score ?? 0
            } else {
                standard = lowest
                if score >= lowest && score < highest { eraUnknown = (lowest, highest) }
            }
            status = score < standard ? .belowStandard(score: score, standard: standard) : (retaken ? .passedAfterFail : .passed)
        }
    }

    static func == (lhs: Step1Standing, rhs: Step1Standing) -> Bool {
        lhs.status == rhs.status && lhs.eraUnknown?.lowest == rhs.eraUnknown?.lowest && lhs.eraUnknown?.highest == rhs.eraUnknown?.highest
    }
}
