import MatchPlanFileSystem
import MatchPlanModel

/// Loads `site-pages.yaml` (``SiteCopy``): the advising site's built-in pages and their words.
public enum SiteCopyLoader {
    /// The file name, looked for in a school's `content:` folder first, then in the content folder.
    public static let fileName = "site-pages.yaml"

    /// - Parameter folder: the folder the file must be a regular file inside.
    /// - Throws: ``MatchPlanError`` `.noInput` when missing; `.data` (line, column, key path)
    ///   for unknown keys, sections or blocks, a page file that is not a plain `.html` name, or
    ///   two pages with the same file.
    /// - Parameter io: how the file is read (``FileIO/disk``, or in memory for tests).
    public static func load(_ path: String, inside folder: String, io: FileIO = .disk) throws -> SiteCopy {
        let source = try io.readText(path, inside: folder)
        guard let node = try YAMLTree.compose(source) else {
            throw MatchPlanError(.data, file: path, "is empty; expected 'pages', 'not_found' and 'timing_scenarios'")
        }
        let root = try FieldReader(node, file: path)
        try root.rejectUnknownKeys(["pages", "not_found", "timing_scenarios"])
        var seen: Set<String> = []
        let pages = try root.list("pages") { node, keyPath -> SiteCopy.Page in
            let row = try FieldReader(node, file: path, path: keyPath)
            try row.rejectUnknownKeys(["file", "nav", "title", "lead", "sections", "shows", "each_band"])
            let file = try RulesLoader.text(row, "file")
            let eachBand = try row.bool("each_band") ?? false
            let plain = file.replacingOccurrences(of: "{band}", with: "band")
            guard plain.hasSuffix(".html"), plain.count > 5, plain.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-.".contains($0)) }),
                  eachBand == file.contains("{band}") else {
                throw row.fail("file", row.value("file")!, "expected a file name of lowercase letters, digits and hyphens ending in .html"
                               + (eachBand ? ", with {band} in it (each_band: true)" : "") + ", found '\(file)'")
            }
            guard seen.insert(file).inserted, file != "404.html" else {
                throw row.fail("file", row.value("file")!, "the page '\(file)' is listed twice or is the 404 page")
            }
            return SiteCopy.Page(file: file, navTitle: try RulesLoader.text(row, "nav"), title: try RulesLoader.text(row, "title"),
                                 lead: try row.string("lead") ?? "", sections: try row.choiceList("sections", GuidancePage.Section.self) ?? [],
                                 shows: try row.choiceList("shows", SiteCopy.Block.self) ?? [], eachBand: eachBand)
        } ?? []
        guard !pages.isEmpty, pages[0].file == "index.html" else {
            throw MatchPlanError(.data, file: path, keyPath: "pages", "expected a list of pages starting with index.html (the home page)")
        }
        guard let notFound = try root.mapping("not_found") else { throw RulesLoader.missing(root, "not_found") }
        try notFound.rejectUnknownKeys(["title", "lead"])
        guard let timing = try root.mapping("timing_scenarios") else { throw RulesLoader.missing(root, "timing_scenarios") }
        try timing.rejectUnknownKeys(TimingScenario.allCases.map(\.rawValue))
        var scenarios: [TimingScenario: String] = [:]
        for scenario in TimingScenario.allCases { scenarios[scenario] = try RulesLoader.text(timing, scenario.rawValue) }
        return SiteCopy(pages: pages, notFoundTitle: try RulesLoader.text(notFound, "title"), notFoundLead: try notFound.string("lead") ?? "",
                        timingScenarios: scenarios)
    }
}
