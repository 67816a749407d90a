extension RosterSummary {
    /// A student's own program list as the class overview shows it (PL1–PL8): counts, findings
    /// and the ERAS fee estimate, copied from the plan's ``ProgramListResult`` (a few integers, so
    /// a roster keeps no list in memory).
    public struct ListFacts: Sendable, Equatable {
        /// Programs on the list, in all and per radiology specialty.
        public var programs: Int
        public var integratedIR: Int
        public var diagnosticRadiology: Int
        /// The audit's red flags and warnings (notes are not counted).
        public var redFlags: Int
        public var warnings: Int
        /// PL2: the ERAS fee estimate, whole US dollars.
        public var feeUSD: Int
        /// True when the fee schedule was carried over from another match year (PL2).
        public var feeProjected: Bool

        /// The facts of an audited list.
        public init(_ result: ProgramListResult) {
            programs = result.counts.total
            integratedIR = result.counts.integratedIR
            diagnosticRadiology = result.counts.diagnosticRadiology
            redFlags = result.findings.count { $0.level == .redFlag }
            warnings = result.findings.count { $0.level == .warning }
            feeUSD = result.fees.totalUSD
            feeProjected = result.fees.projected
        }

        /// The list's standing in a few words: "46 programs (22 IR, 18 DR); 2 red flags, 1
        /// warning" or "…; no findings". Semicolons and commas rather than symbols, so a screen
        /// reader reads it as a sentence. `space` goes between each count and its word (a
        /// no-break space keeps "18 DR" on one line in a narrow table cell).
        public func status(space: String = " ") -> String {
            let text = "\(ProgramListResult.plural(programs, "program")) (\(integratedIR) IR, \(diagnosticRadiology) DR); "
                + ProgramListResult.findingsSummary(redFlags: redFlags, warnings: warnings)
            guard space != " " else { return text }
            // Every space after a digit is a count's.
            var out = "", previous: Character = " "
            for character in text {
                out += character == " " && previous.isNumber ? space : String(character)
                previous = character
            }
            return out
        }

        /// The fee as shown: "$1,046", "$1,046 (projected)".
        public var feeText: String {
            ProgramListResult.dollars(feeUSD) + (feeProjected ? " (projected)" : "")
        }
    }
}
