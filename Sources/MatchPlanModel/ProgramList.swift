/// A student's own program list, read from a CSV file (`--programs FILE` or the profile's
/// `programs:` key; columns in `Content/profiles/example-programs.csv`) by ``ProgramListReader``
/// and audited against their plan (PL1–PL8, docs/rules.md).
public struct ProgramList: Sendable, Equatable {
    /// The file's name as shown in the report (its last path component, never the folder).
    public var fileName: String
    /// Programs in file order; (name, specialty) is unique.
    public var programs: [Program]

    /// Memberwise (public: the reader is another target).
    public init(fileName: String, programs: [Program]) {
        self.fileName = fileName
        self.programs = programs
    }

    /// One row of the list. Encoded in the plan JSON with the CSV's column names.
    public struct Program: Sendable, Equatable, Codable {
        /// The program's name (required, free text; escaped wherever shown).
        public var name: String
        public var specialty: Specialty
        public var city: String?
        /// Two-letter USPS code (`NY`), upper case.
        public var state: String?
        public var setting: Setting?
        /// Whether a DR program offers ESIR (nil: not given; always nil for other specialties).
        public var esir: Bool?
        public var signal: Signal
        public var tie: Tie
        public var notes: String?
        /// The CSV row (line of the file) the program came from; not encoded.
        public var line: Int = 0

        enum CodingKeys: String, CodingKey {
            case name = "program", specialty, city, state, setting, esir, signal, tie, notes
        }

        /// Memberwise (public: the reader and tests are other targets).
        public init(name: String, specialty: Specialty, city: String? = nil, state: String? = nil, setting: Setting? = nil,
                    esir: Bool? = nil, signal: Signal = .none, tie: Tie = .none, notes: String? = nil, line: Int = 0) {
            self.name = name
            self.specialty = specialty
            self.city = city
            self.state = state
            self.setting = setting
            self.esir = esir
            self.signal = signal
            self.tie = tie
            self.notes = notes
            self.line = line
        }

        /// Integrated IR or DR: the programs the plan's ranges, signals and geography are about.
        public var isRadiology: Bool { specialty == .integratedIR || specialty == .diagnosticRadiology }
    }

    /// The ERAS specialty a program is applied to; each is counted (and charged) separately.
    public enum Specialty: String, CaseIterable, Sendable, Codable, Comparable {
        case integratedIR = "integrated_ir", diagnosticRadiology = "diagnostic_radiology", preliminary, transitional

        /// Words for the report.
        public var label: String {
            switch self {
            case .integratedIR: "Integrated IR"
            case .diagnosticRadiology: "Diagnostic radiology"
            case .preliminary: "Preliminary year"
            case .transitional: "Transitional year"
            }
        }

        /// Declaration order (IR, DR, preliminary, transitional): the report's table order.
        public static func < (a: Specialty, b: Specialty) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// academic | community | hybrid (G2, L3.1).
    public enum Setting: String, CaseIterable, Sendable, Codable {
        case academic, community, hybrid
    }

    /// The program signal sent (SG1): gold, silver or none.
    public enum Signal: String, CaseIterable, Sendable, Codable, Comparable {
        case gold, silver, none

        /// Gold before silver before none: the report's order within a specialty.
        public static func < (a: Signal, b: Signal) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The student's tie to a program (SG2: the strongest places for a signal).
    public enum Tie: String, CaseIterable, Sendable, Codable {
        case home, away, geographic, none
    }
}
