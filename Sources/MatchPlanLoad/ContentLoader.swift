import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Yams

/// Loads every guidance page under a content folder's `guidance/` (recursively, sorted by
/// path; `README.md` files are documentation and skipped) and renders each body once.
public struct ContentLoader: Sendable {
    /// Pass raw HTML in Markdown through (a site's `unsafe_html: true`); off by default.
    public var allowRawHTML = false
    /// How the folders are listed and the pages read (``FileIO/disk``, or in memory for tests).
    public var io: FileIO = .disk

    public init(allowRawHTML: Bool = false, io: FileIO = .disk) {
        self.allowRawHTML = allowRawHTML
        self.io = io
    }

    /// Keys allowed in a page's front matter.
    public static let frontMatterKeys = ["id", "title", "section", "order", "rules", "when", "unless"]

    /// - Returns: pages sorted by section, order, then id.
    /// - Throws: ``MatchPlanError`` `.noInput` when `guidance/` is missing; `.data` for a page
    ///   with bad front matter (file, line, column, key), a duplicate id (naming both files) or a symlink loop.
    public func load(contentDirectory: String) throws -> [GuidancePage] {
        try load(layers: [contentDirectory])
    }

    /// Loads layered content folders: a file in a later folder replaces the file with the same
    /// path under `guidance/` in an earlier one (a school's content over the built-in set).
    /// Later layers may lack a `guidance/` folder.
    public func load(layers: [String]) throws -> [GuidancePage] {
        var problems: [MatchPlanError] = []
        let pages = try load(layers: layers, problems: &problems)
        if let first = problems.first { throw first }
        return pages
    }

    /// The same, going on after a bad page and listing every one in `problems` (for `check`).
    /// - Throws: ``MatchPlanError`` when a folder cannot be listed.
    public func load(layers: [String], problems: inout [MatchPlanError]) throws -> [GuidancePage] {
        var byRelativePath: [String: (path: String, root: String)] = [:]
        for (index, layer) in layers.enumerated() {
            let root = (layer as NSString).appendingPathComponent("guidance")
            if index > 0 && !io.isFolder(root) { continue }
            for path in try MarkdownFiles.list(under: root, io: io) {
                byRelativePath[String(path.dropFirst(root.count))] = (path, root)
            }
        }
        var pages: [GuidancePage] = []
        var seen: [String: String] = [:]
        for (_, (path, root)) in byRelativePath.sorted(by: { $0.key < $1.key }) {
            do {
                let page = try parse(io.readText(path, inside: root))
                if let other = seen[page.id] {
                    throw MatchPlanError(.data, file: path, keyPath: "id", "the id '\(page.id)' is already used by \(other); ids must be unique")
                }
                seen[page.id] = path
                pages.append(page)
            } catch let error as MatchPlanError {
                problems.append(error)
            }
        }
        let sections = GuidancePage.Section.allCases
        return pages.sorted {
            (sections.firstIndex(of: $0.section)!, $0.order, $0.id) < (sections.firstIndex(of: $1.section)!, $1.order, $1.id)
        }
    }

    /// Every rule a page cites must be a rule id of `rules.yaml` (`rule_ids`).
    /// - Throws: ``MatchPlanError`` `.data` naming the page and the unknown id.
    public static func checkRuleIDs(_ pages: [GuidancePage], rules: Rules) throws {
        for page in pages {
            if let unknown = page.rules.first(where: { !rules.ruleIDs.contains($0) }) {
                var message = "the rule id '\(unknown)' is not a MatchPlan rule"
                if let near = NearestName.suggest(unknown, among: rules.ruleIDs.sorted()) { message += "; did you mean '\(near)'?" }
                throw MatchPlanError(.data, file: page.sourcePath, keyPath: "rules", message + " (the ids are listed under rule_ids in rules.yaml)")
            }
        }
    }

    /// Parses one page.
    /// - Throws: ``MatchPlanError`` `.data` with the file line of the offending key.
    public func parse(_ source: SourceText) throws -> GuidancePage {
        let parts = try FrontMatter.split(source)
        let yaml = SourceText(path: source.path, text: parts.yaml)
        guard let node = try YAMLTree.compose(yaml, lineOffset: parts.yamlLineOffset) else {
            throw MatchPlanError(.data, file: source.path, location: .init(line: 2, column: 1), "front matter is empty; expected id, title and section")
        }
        let reader = try FieldReader(node, file: source.path, lineOffset: parts.yamlLineOffset)
        try reader.rejectUnknownKeys(Self.frontMatterKeys)
        let id = try RulesLoader.text(reader, "id")
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }), id.count <= 80 else {
            throw reader.fail("id", reader.value("id")!, "expected a slug of lowercase letters, digits and hyphens, found '\(FieldReader.printable(id))'")
        }
        return GuidancePage(
            id: id,
            title: try RulesLoader.text(reader, "title"),
            section: try reader.choice("section", GuidancePage.Section.self) ?? { throw RulesLoader.missing(reader, "section") }(),
            order: try reader.int("order", in: -9999...9999, what: "a whole number") ?? 0,
            rules: try reader.stringList("rules") ?? [],
            when: try RulesLoader.conditions(reader, "when"),
            unless: try RulesLoader.conditions(reader, "unless"),
            markdown: parts.body,
            html: Markdown.html(parts.body, allowRawHTML: allowRawHTML),
            sourcePath: source.path
        )
    }
}

/// Lists `.md` files below a folder through `io`, following symbolic links that stay inside it,
/// refusing a loop and any link that leaves the folder.
enum MarkdownFiles {
    /// - Throws: `.noInput` when `root` is missing, `.data` for a symlink loop.
    static func list(under root: String, io: FileIO) throws -> [String] {
        guard io.isFolder(root) else {
            throw MatchPlanError(.noInput, file: root, "content folder not found; expected a folder of Markdown guidance pages")
        }
        var files: [String] = []
        var visited: Set<String> = []
        try walk(root, root: root, io: io, visited: &visited, files: &files)
        // Every page must be a regular file inside `root`, links followed (SafeFile).
        for file in files { try io.check(file, inside: root) }
        return files.sorted()
    }

    private static func walk(_ folder: String, root: String, io: FileIO, visited: inout Set<String>, files: inout [String]) throws {
        let real = try io.realPath(folder)
        guard visited.insert(real).inserted else {
            throw MatchPlanError(.data, file: folder, "symbolic link loop: this folder leads back to \(real), which was already read")
        }
        let names: [String]
        do {
            names = try io.list(folder)
        } catch {
            throw MatchPlanError(.noInput, file: folder, "cannot list this folder: \(error.localizedDescription)")
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let entry = io.entry(path), entry != .brokenLink else {
                throw MatchPlanError(.data, file: path, "broken or looping symbolic link")
            }
            if entry == .folder || entry == .linkToFolder {
                if !ProjectPaths.isInside(path, root) {
                    throw MatchPlanError(.data, file: path, "leads outside its folder \(root) (to \(PathContainment.canonical(path))) through a symbolic link; copy the files into the folder instead")
                }
                try walk(path, root: root, io: io, visited: &visited, files: &files)
            } else if name.hasSuffix(".md"), name != "README.md" {
                files.append(path)
            }
        }
        visited.remove(real)
    }
}
