/// The audit of a student's own program list against their plan (PL1–PL8, docs/rules.md):
/// `program_list` in the plan JSON. Built by `ProgramListAudit` (plan stage); its red flags and
/// warnings are also in the plan's `red_flags` and `warnings`.
public struct ProgramListResult: Sendable, Equatable, Codable {
    /// The CSV file's name (not its folder).
    public var file: String
    /// Programs per specialty.
    public var counts: Counts
    /// PL1: each radiology specialty's count against the plan's range (none when the band is unknown).
    public var ranges: [RangeCheck]
    public var fees: Fees
    public var signals: Signals
    public var geography: Geography
    public var esir: ESIR
    /// Every finding, red flags first, then warnings, then notes (each in rule order).
    public var findings: [Finding]
    /// The programs, by specialty, then signal (gold, silver, none), then name.
    public var programs: [ProgramList.Program]

    enum CodingKeys: String, CodingKey {
        case file, counts, ranges, fees, signals, geography, esir, findings, programs
    }

    /// Memberwise (public: the audit is another target).
    public init(file: String, counts: Counts, ranges: [RangeCheck], fees: Fees, signals: Signals, geography: Geography,
                esir: ESIR, findings: [Finding], programs: [ProgramList.Program]) {
        self.file = file
        self.counts = counts
        self.ranges = ranges
        self.fees = fees
        self.signals = signals
        self.geography = geography
        self.esir = esir
        self.findings = findings
        self.programs = programs
    }

    /// The list's standing in one line for a class overview (the roster dashboard):
    /// "35 programs · $385 · 1 red flag, 3 warnings" (PL1–PL8). Counts and the fee are also
    /// separate fields (``counts``, ``fees``) for a column of their own.
    public var overview: String {
        let red = findings.count { $0.level == .redFlag }, warnings = findings.count { $0.level == .warning }
        return "\(Self.plural(counts.total, "program")) · \(Self.dollars(fees.totalUSD))\(fees.projected ? " (projected)" : "") · "
            + Self.findingsSummary(redFlags: red, warnings: warnings)
    }

    /// Whole US dollars with thousands separators: 1046 → "$1,046".
    public static func dollars(_ amount: Int) -> String {
        var digits = String(amount.magnitude)
        var index = digits.count - 3
        while index > 0 { digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index)); index -= 3 }
        return (amount < 0 ? "-$" : "$") + digits
    }

    /// "1 red flag, 3 warnings", "2 warnings", or "no findings".
    public static func findingsSummary(redFlags red: Int, warnings: Int) -> String {
        guard red + warnings > 0 else { return "no findings" }
        return [red > 0 ? plural(red, "red flag") : nil, warnings > 0 ? plural(warnings, "warning") : nil].compactMap { $0 }.joined(separator: ", ")
    }

    /// "1 program", "2 programs".
    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    /// Programs per ERAS specialty, and in all.
    public struct Counts: Sendable, Equatable, Codable {
        public var integratedIR: Int
        public var diagnosticRadiology: Int
        public var preliminary: Int
        public var transitional: Int
        public var total: Int

        enum CodingKeys: String, CodingKey {
            case integratedIR = "integrated_ir", diagnosticRadiology = "diagnostic_radiology", preliminary, transitional, total
        }

        /// Counts of `programs` by specialty.
        public init(_ programs: [ProgramList.Program]) {
            func count(_ specialty: ProgramList.Specialty) -> Int { programs.count { $0.specialty == specialty } }
            integratedIR = count(.integratedIR)
            diagnosticRadiology = count(.diagnosticRadiology)
            preliminary = count(.preliminary)
            transitional = count(.transitional)
            total = programs.count
        }

        /// The count for one specialty.
        public subscript(specialty: ProgramList.Specialty) -> Int {
            switch specialty {
            case .integratedIR: integratedIR
            case .diagnosticRadiology: diagnosticRadiology
            case .preliminary: preliminary
            case .transitional: transitional
            }
        }
    }

    /// PL1: below, within or above the plan's range.
    public enum Standing: String, Sendable, Codable {
        /// More than the rules' margin below the minimum (a red flag).
        case farBelow = "far_below"
        case below, within, above
    }

    /// PL1: one specialty's count against the plan's range (programs).
    public struct RangeCheck: Sendable, Equatable, Codable {
        public var specialty: ProgramList.Specialty
        public var count: Int
        public var min: Int
        public var max: Int
        public var standing: Standing

        /// Memberwise (public: the audit is another target).
        public init(specialty: ProgramList.Specialty, count: Int, min: Int, max: Int, standing: Standing) {
            self.specialty = specialty
            self.count = count
            self.min = min
            self.max = max
            self.standing = standing
        }
    }

    /// PL2: the ERAS fee estimate in whole US dollars.
    public struct Fees: Sendable, Equatable, Codable {
        public var perSpecialty: PerSpecialty
        public var totalUSD: Int
        /// The match year of the schedule used.
        public var scheduleMatchYear: Int
        /// True when the plan's match year has no schedule of its own and a later or earlier one was carried over.
        public var projected: Bool
        public var confidence: Cycle.Confidence
        public var source: String
        /// What trimming each radiology specialty above its range to the range's top would save (0 when none is above).
        public var savingsIfTrimmedUSD: Int

        enum CodingKeys: String, CodingKey {
            case perSpecialty = "per_specialty", totalUSD = "total_usd", scheduleMatchYear = "schedule_match_year", projected
            case confidence, source, savingsIfTrimmedUSD = "savings_if_trimmed_usd"
        }

        /// Memberwise (public: the audit is another target).
        public init(perSpecialty: PerSpecialty, totalUSD: Int, scheduleMatchYear: Int, projected: Bool, confidence: Cycle.Confidence,
                    source: String, savingsIfTrimmedUSD: Int) {
            self.perSpecialty = perSpecialty
            self.totalUSD = totalUSD
            self.scheduleMatchYear = scheduleMatchYear
            self.projected = projected
            self.confidence = confidence
            self.source = source
            self.savingsIfTrimmedUSD = savingsIfTrimmedUSD
        }

        /// Dollars per specialty.
        public struct PerSpecialty: Sendable, Equatable, Codable {
            public var integratedIR: Int
            public var diagnosticRadiology: Int
            public var preliminary: Int
            public var transitional: Int

            enum CodingKeys: String, CodingKey {
                case integratedIR = "integrated_ir", diagnosticRadiology = "diagnostic_radiology", preliminary, transitional
            }

            /// Memberwise (public: the audit is another target).
            public init(integratedIR: Int, diagnosticRadiology: Int, preliminary: Int, transitional: Int) {
                self.integratedIR = integratedIR
                self.diagnosticRadiology = diagnosticRadiology
                self.preliminary = preliminary
                self.transitional = transitional
            }
        }
    }

    /// PL3, PL4: signals on the list against the cycle's counts (SG1).
    public struct Signals: Sendable, Equatable, Codable {
        /// Gold and silver signals on IR and DR programs together.
        public var goldUsed: Int
        public var silverUsed: Int
        public var irGold: Int
        public var irSilver: Int
        public var drGold: Int
        public var drSilver: Int
        /// The cycle's counts (per pool).
        public var goldAvailable: Int
        public var silverAvailable: Int
        /// Whether IR and DR share one pool; unknown is judged as shared (the stricter reading).
        public var sharedPool: Bool?
        /// Signals on programs with a home, away or geographic tie (SG2's strongest use).
        public var onTiedPrograms: Int

        enum CodingKeys: String, CodingKey {
            case goldUsed = "gold_used", silverUsed = "silver_used", irGold = "ir_gold", irSilver = "ir_silver"
            case drGold = "dr_gold", drSilver = "dr_silver", goldAvailable = "gold_available", silverAvailable = "silver_available"
            case sharedPool = "shared_pool", onTiedPrograms = "on_tied_programs"
        }

        /// Memberwise (public: the audit is another target).
        public init(goldUsed: Int, silverUsed: Int, irGold: Int, irSilver: Int, drGold: Int, drSilver: Int,
                    goldAvailable: Int, silverAvailable: Int, sharedPool: Bool?, onTiedPrograms: Int) {
            self.goldUsed = goldUsed
            self.silverUsed = silverUsed
            self.irGold = irGold
            self.irSilver = irSilver
            self.drGold = drGold
            self.drSilver = drSilver
            self.goldAvailable = goldAvailable
            self.silverAvailable = silverAvailable
            self.sharedPool = sharedPool
            self.onTiedPrograms = onTiedPrograms
        }
    }

    /// PL5, PL6: where the IR and DR programs are and what kind they are (percent shares, rounded down).
    public struct Geography: Sendable, Equatable, Codable {
        /// IR and DR programs (the base of the shares).
        public var programs: Int
        public var inOversubscribedMetros: Int
        public var oversubscribedSharePercent: Int
        /// Programs with a setting given, and of those the community or hybrid ones.
        public var withSetting: Int
        public var communityOrHybrid: Int
        public var communitySharePercent: Int
        /// PL6: programs inside the profile's regions (nil when the profile names none MatchPlan knows).
        public var inProfileRegions: Int?

        enum CodingKeys: String, CodingKey {
            case programs, inOversubscribedMetros = "in_oversubscribed_metros", oversubscribedSharePercent = "oversubscribed_share_percent"
            case withSetting = "with_setting", communityOrHybrid = "community_or_hybrid", communitySharePercent = "community_share_percent"
            case inProfileRegions = "in_profile_regions"
        }

        /// Memberwise (public: the audit is another target).
        public init(programs: Int, inOversubscribedMetros: Int, oversubscribedSharePercent: Int, withSetting: Int,
                    communityOrHybrid: Int, communitySharePercent: Int, inProfileRegions: Int?) {
            self.programs = programs
            self.inOversubscribedMetros = inOversubscribedMetros
            self.oversubscribedSharePercent = oversubscribedSharePercent
            self.withSetting = withSetting
            self.communityOrHybrid = communityOrHybrid
            self.communitySharePercent = communitySharePercent
            self.inProfileRegions = inProfileRegions
        }
    }

    /// PL7: DR programs with ESIR (percent rounded down; `unknown` have no `esir` value).
    public struct ESIR: Sendable, Equatable, Codable {
        public var drPrograms: Int
        public var withESIR: Int
        public var unknown: Int
        public var sharePercent: Int
        /// The share the audit expects for this scenario and pathway.
        public var minimumPercent: Int

        enum CodingKeys: String, CodingKey {
            case drPrograms = "dr_programs", withESIR = "with_esir", unknown, sharePercent = "share_percent", minimumPercent = "minimum_percent"
        }

        /// Memberwise (public: the audit is another target).
        public init(drPrograms: Int, withESIR: Int, unknown: Int, sharePercent: Int, minimumPercent: Int) {
            self.drPrograms = drPrograms
            self.withESIR = withESIR
            self.unknown = unknown
            self.sharePercent = sharePercent
            self.minimumPercent = minimumPercent
        }
    }

    /// How much a finding weighs: red flags and warnings are also in the plan's lists.
    public enum Level: String, Sendable, Codable {
        case redFlag = "red_flag", warning, note
    }

    /// One finding: a stable id, its rule, what is wrong (or worth knowing) and what to change.
    public struct Finding: Sendable, Equatable, Codable {
        public var id: String
        public var rule: String
        public var level: Level
        public var message: String
        /// What to change, one sentence (empty for a note that asks for nothing).
        public var change: String

        /// Memberwise (public: the audit is another target).
        public init(id: String, rule: String, level: Level, message: String, change: String) {
            self.id = id
            self.rule = rule
            self.level = level
            self.message = message
            self.change = change
        }

        /// As a plan red flag or warning: the message followed by what to change.
        public var planFinding: StrategyPlan.Finding {
            .init(id: id, rule: rule, message: change.isEmpty ? message : "\(message) \(change)")
        }
    }
}
