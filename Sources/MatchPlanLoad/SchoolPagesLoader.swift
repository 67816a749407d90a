import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Loads a school's extra Markdown pages for its site.
public enum SchoolPagesLoader {
    public static let frontMatterKeys = ["title", "slug", "order", "nav_title"]

    /// - Parameter reserved: file names the site already uses (a page may not replace them).
    /// - Throws: ``MatchPlanError`` `.data` for bad front matter, a bad or duplicate slug, a
    ///   linked file that cannot be published (``SchoolPageFiles``); `.noInput` for a linked
    ///   file that does not exist.
    /// - Parameter io: how the pages and linked files are read (``FileIO/disk``, or in memory for tests).
    public static func load(folder: String, allowRawHTML: Bool, reserved: Set<String>, io: FileIO = .disk) throws -> [SchoolPage] {
        var problems: [MatchPlanError] = []
        let pages = try load(folder: folder, allowRawHTML: allowRawHTML, reserved: reserved, io: io, problems: &problems)
        if let first = problems.first { throw first }
        return pages
    }

    /// The same, going on after a bad page and listing every one in `problems` (for `check`).
    /// - Throws: ``MatchPlanError`` when the folder cannot be listed.
    public static func load(folder: String, allowRawHTML: Bool, reserved: Set<String>, io: FileIO = .disk,
                            problems: inout [MatchPlanError]) throws -> [SchoolPage] {
        var pages: [SchoolPage] = []
        var seen: [String: String] = [:]
        var linked: [String: (page: String, data: Data)] = [:]
        for path in try MarkdownFiles.list(under: folder, io: io) {
            do {
                let source = try io.readText(path, inside: folder)
                let parts = try FrontMatter.split(source)
                guard let node = try YAMLTree.compose(SourceText(path: path, text: parts.yaml), lineOffset: parts.yamlLineOffset) else {
                    throw MatchPlanError(.data, file: path, location: .init(line: 2, column: 1), "front matter is empty; expected at least 'title'")
                }
                let reader = try FieldReader(node, file: path, lineOffset: parts.yamlLineOffset)
                try reader.rejectUnknownKeys(frontMatterKeys)
                let title = try RulesLoader.text(reader, "title")
                let slugNode = reader.value("slug")
                let slug = try reader.string("slug") ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                /// Errors about the slug point at the `slug:` line when the front matter has one.
                func slugError(_ message: String) -> MatchPlanError {
                    slugNode.map { reader.fail("slug", $0, message) } ?? MatchPlanError(.data, file: path, keyPath: "slug", message + " (the slug comes from the file name)")
                }
                guard !slug.isEmpty, slug.count <= 80, slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
                    throw slugError("expected a slug of lowercase letters, digits and hyphens, found '\(slug)'")
                }
                guard !reserved.contains("\(slug).html") else {
                    throw slugError("the page name '\(slug).html' is already a built-in page; choose another slug")
                }
                if let other = seen[slug] {
                    throw slugError("the slug '\(slug)' is already used by \(other)")
                }
                let firstLine = parts.yaml.split(separator: "\n", omittingEmptySubsequences: false).count + 3
                let files = try SchoolPageFiles.read(page: path, body: parts.body, firstLine: firstLine, folder: folder, reserved: reserved, io: io)
                for file in files {
                    if let other = linked[file.path], other.data != file.data {
                        throw MatchPlanError(.data, file: path, "links to '\(file.path)', which \(other.page) links to as well with other contents; give one of them another name")
                    }
                    linked[file.path] = (path, file.data)
                }
                seen[slug] = path
                var page = SchoolPage(slug: slug, title: title, navTitle: try reader.string("nav_title") ?? title,
                                      order: try reader.int("order", in: -9999...9999) ?? 0,
                                      html: Markdown.html(parts.body, allowRawHTML: allowRawHTML), sourcePath: path)
                page.files = files
                pages.append(page)
            } catch let error as MatchPlanError {
                problems.append(error)
            }
        }
        return pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }
}
