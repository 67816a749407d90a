import Foundation

/// The questions `matchplan init` asks on a terminal: the handful that decide the plan (name,
/// match year, stage, degree and COMLEX-only, Step 1, Step 2 CK score or practice scores and
/// date, pathway). Each shows its default in brackets (Enter keeps it), checks the answer
/// against ``ProfileSchema``'s values and the score scale, and asks again after a bad one.
///
/// A seam for tests: answers come from `read` (nil at end of input) and everything said goes
/// to `say`; no terminal, file or clock is touched.
public struct ProfileInterview {
    /// Reads one answer after showing a prompt; nil when the input has ended.
    public var read: (String) -> String?
    /// Shows a line to the student (a hint after a bad answer).
    public var say: (String) -> Void
    /// Decides the defaults and which dates count as past.
    public var today: CalendarDate
    /// Reported and practice scores, points (D8; the rules' `score_scale`).
    public var scoreScale: ClosedRange<Int> = 1...300
    /// Match years the profile loader accepts.
    public var matchYears: ClosedRange<Int> = 2015...2060

    /// The input ended before every question was answered.
    public struct Ended: Error, Equatable {}

    public init(today: CalendarDate, read: @escaping (String) -> String?, say: @escaping (String) -> Void) {
        self.today = today
        self.read = read
        self.say = say
    }

    /// Asks until `parse` accepts an answer; an empty answer takes `fallback` (shown in brackets).
    /// `parse` returns nil to ask again, after `hint` is said.
    func ask<T>(_ question: String, default fallback: String?, hint: String, _ parse: (String) -> T??) throws -> T? {
        while true {
            let prompt = fallback.map { "\(question) [\($0)]: " } ?? "\(question) [none]: "
            guard let line = read(prompt) else { throw Ended() }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty {
                guard let fallback else { return nil }
                if let value = parse(fallback) { return value }
            } else if let value = parse(answer) {
                return value
            }
            say("  \(hint)")
        }
    }

    /// One of `values` (case does not matter); a blank answer is allowed when `optional`.
    func choice<T: RawRepresentable & CaseIterable>(_ question: String, _ type: T.Type, default fallback: T?) throws -> T? where T.RawValue == String {
        let values = T.allCases.map(\.rawValue)
        return try ask(question, default: fallback?.rawValue, hint: "Please answer one of: \(values.joined(separator: ", ")).") { answer in
            T.allCases.first { $0.rawValue.lowercased() == answer.lowercased() }.map { .some($0) }
        }
    }

    func yesNo(_ question: String, default fallback: Bool) throws -> Bool {
        try ask(question, default: fallback ? "yes" : "no", hint: "Please answer yes or no.") { answer -> Bool?? in
            switch answer.lowercased() {
            case "y", "yes", "true": .some(true)
            case "n", "no", "false": .some(false)
            default: nil
            }
        } ?? fallback
    }

    /// A date; `notAfterToday` for an exam already reported.
    func date(_ question: String, notAfterToday: Bool = false) throws -> CalendarDate? {
        let hint = notAfterToday ? "Please give a date no later than today (\(today.description)) as YYYY-MM-DD, or leave it blank."
            : "Please give a real date as YYYY-MM-DD (for example \(today.adding(days: 90).description)), or leave it blank."
        return try ask(question, default: nil, hint: hint) { answer -> CalendarDate?? in
            guard let date = CalendarDate(iso: answer), (2000...2060).contains(date.year), !notAfterToday || date <= today else { return nil }
            return .some(date)
        }
    }

    func score(_ question: String) throws -> Int? {
        try ask(question, default: nil, hint: "Please give a whole score from \(scoreScale.lowerBound) to \(scoreScale.upperBound), or leave it blank.") { answer -> Int?? in
            guard let score = Int(answer), scoreScale.contains(score) else { return nil }
            return .some(score)
        }
    }

    /// Runs the questions in order.
    /// - Throws: ``Ended`` when the input ends first (nothing is written then).
    public func run() throws -> ProfileStarter.Answers {
        var answers = ProfileStarter.Answers.defaults(today: today)
        answers.name = try ask("Your name (shown on the report; optional)", default: nil,
                               hint: "Please keep the name to one line of up to 80 characters.") { answer -> String?? in
            answer.count <= 80 && !answer.unicodeScalars.contains { $0.properties.generalCategory == .control } ? .some(answer) : nil
        }
        answers.matchYear = try ask("Match year (the March you hope to match)", default: "\(answers.matchYear)",
                                    hint: "Please give a year from \(today.year - 1) to \(today.year + 8), for example \(answers.matchYear).") { answer -> Int?? in
            guard let year = Int(answer), (today.year - 1)...(today.year + 8) ~= year, matchYears.contains(year) else { return nil }
            return .some(year)
        } ?? answers.matchYear
        answers.stage = try choice("Stage now (MS1, MS2, MS3, MS4 or graduate)", Profile.Stage.self,
                                   default: ProfileStarter.usualStage(matchYear: answers.matchYear, today: today))
        answers.degree = try choice("Degree (MD or DO)", Profile.Degree.self, default: .md)
        if answers.degree == .d0 {
            answers.comlexOnly = try yesNo("COMLEX only, with no USMLE exams taken or planned? (yes or no)", default: false)
        }
        if answers.comlexOnly {
            answers.step1 = nil
            answers.step1Attempts = nil
        } else {
            let early = [.ms1, .ms2].contains(answers.stage)
            answers.step1 = try ask("Step 1 result (pass, fail, a numeric score, or blank if not taken yet)", default: early ? nil : "pass",
                                    hint: "Please answer pass, fail, a score from \(scoreScale.lowerBound) to \(scoreScale.upperBound), or leave it blank.") { answer -> String?? in
                let lower = answer.lowercased()
                if lower == "pass" || lower == "fail" { return .some(lower) }
                if let score = Int(answer), scoreScale.contains(score) { return .some(String(score)) }
                return nil
            }
            if answers.step1 == nil {
                answers.step1Attempts = nil
            } else {
                answers.step1Attempts = try ask("Step 1 attempts (more than one means a fail is on record)", default: "1",
                                                hint: "Please give a whole number from 1 to 9.") { answer -> Int?? in
                    guard let count = Int(answer), (1...9).contains(count) else { return nil }
                    return .some(count)
                }
                if let step1 = answers.step1, Int(step1) != nil {
                    answers.step1Date = try date("When you sat Step 1 (YYYY-MM-DD; decides its passing standard)", notAfterToday: true)
                }
            }
            answers.step2ckScore = try score("Step 2 CK score, if it is back (blank if not)")
            if answers.step2ckScore != nil {
                answers.step2ckDate = try date("When you sat Step 2 CK (YYYY-MM-DD)", notAfterToday: true)
            } else {
                answers.practice = try ask("NBME practice scores, separated by commas (blank if none yet)", default: nil,
                                           hint: "Please give whole scores from \(scoreScale.lowerBound) to \(scoreScale.upperBound), for example 238, 244.") { answer -> [Int]?? in
                    let parts = answer.split { $0 == "," || $0 == " " }.map(String.init)
                    let scores = parts.compactMap(Int.init)
                    guard !parts.isEmpty, scores.count == parts.count, scores.allSatisfy(scoreScale.contains) else { return nil }
                    return .some(scores)
                } ?? []
                answers.step2ckDate = try date("Step 2 CK date, taken or booked (YYYY-MM-DD; blank if not booked)")
            }
        }
        answers.pathway = try choice("Pathway (integrated_ir, dr_esir or both)", Profile.Pathway.self, default: .both)
        return answers
    }
}
