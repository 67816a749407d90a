import MatchPlanModel

/// One row of a program list: each cell checked against its column, errors at `file:row:column`.
extension ProgramListReader {
    static func readRow(_ rawCells: [String], header: [String], file: String, row: Int, states: [String]) throws -> ProgramList.Program {
        var cells = rawCells
        while cells.count > header.count, cells.last?.isEmpty == true { cells.removeLast() }
        guard cells.count <= header.count else {
            throw MatchPlanError(.data, file: file, location: .init(line: row, column: header.count + 1),
                                 "row has \(cells.count) fields but the header names \(header.count) columns; quote a value that contains a comma (\"Boston, MA\")")
        }
        func cell(_ column: String) throws -> (text: String, error: (String) -> MatchPlanError)? {
            guard let index = header.firstIndex(of: column), index < cells.count, !cells[index].isEmpty else { return nil }
            let fail = { (message: String) in
                MatchPlanError(.data, file: file, location: .init(line: row, column: index + 1), keyPath: "column \(column)", message)
            }
            if let problem = TextCharacters.problem(in: cells[index]) { throw fail(problem) }
            return (cells[index], fail)
        }
        func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type) throws -> T? where T.RawValue == String {
            guard let (text, fail) = try cell(column) else { return nil }
            if let value = T(rawValue: text.lowercased()) { return value }
            let names = T.allCases.map(\.rawValue)
            var message = "expected one of \(names.joined(separator: ", ")), found '\(FieldReader.printable(text))'"
            if let near = NearestName.suggest(text, among: names) { message += "; did you mean '\(near)'?" }
            throw fail(message)
        }
        guard let name = try cell("program")?.text else {
            throw MatchPlanError(.data, file: file, location: .init(line: row, column: header.firstIndex(of: "program")! + 1), keyPath: "column program",
                                 "expected the program's name; every row needs one")
        }
        guard let specialty = try choice("specialty", ProgramList.Specialty.self) else {
            throw MatchPlanError(.data, file: file, location: .init(line: row, column: header.firstIndex(of: "specialty")! + 1), keyPath: "column specialty",
                                 "expected one of \(ProgramList.Specialty.allCases.map(\.rawValue).joined(separator: ", ")); every row needs one")
        }
        var program = ProgramList.Program(name: name, specialty: specialty, line: row)
        program.city = try cell("city")?.text
        if let (text, fail) = try cell("state") {
            let code = text.uppercased()
            guard states.contains(code) else {
                var message = "expected a two-letter state code such as NY or TX, found '\(FieldReader.printable(text))'"
                if let near = NearestName.suggest(code, among: states), text.count == 2 { message += "; did you mean '\(near)'?" }
                throw fail(message)
            }
            program.state = code
        }
        program.setting = try choice("setting", ProgramList.Setting.self)
        if let (text, fail) = try cell("esir") {
            guard ["yes", "no"].contains(text.lowercased()) else {
                throw fail("expected yes or no, found '\(FieldReader.printable(text))'")
            }
            // L1.1 / B3.3: ESIR is a track inside DR residency; other programs have none.
            guard specialty == .diagnosticRadiology else {
                throw fail("expected no value: ESIR is a track of diagnostic_radiology programs; leave it blank for \(specialty.rawValue)")
            }
            program.esir = text.lowercased() == "yes"
        }
        program.signal = try choice("signal", ProgramList.Signal.self) ?? .none
        program.tie = try choice("tie", ProgramList.Tie.self) ?? .none
        program.notes = try cell("notes")?.text
        return program
    }
}
