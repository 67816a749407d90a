import Foundation
import Testing
import Yams
import MatchPlanTestSupport

/// One entry of `Tests/BadInputs/expectations.yaml`: a bad input, how to run it and what the
/// CLI must answer. See the comment at the top of that file for the fields.
struct BadInputCase: Decodable, Sendable, CustomTestStringConvertible {
    /// Path under `Tests/BadInputs/` of a committed input file.
    var file: String?
    /// Name of a generator in ``Generators`` (bytes git or editors would mangle, folders, links).
    var generate: String?
    /// `profile`, `content:<path in Content/>`, `templates:<path in Templates/>` or `output`; defaults by folder.
    var place: String?
    /// CLI arguments with placeholders; defaults by place.
    var args: [String]?
    /// Expected exit code (sysexits: 65 bad data, 66 missing input, 73 cannot write).
    var exit: Int32
    /// Fragment expected after `matchplan: error: ` on standard error (on standard output for exit 0).
    var message: String
    /// Why the message carries less than file:line:column: key: expected (where it does).
    var note: String?
    /// A bug outside the loaders that this case exposes and that is not fixed yet: the checks run
    /// inside `withKnownIssue`, so the suite stays green and flags the case once it is fixed.
    var knownIssue: String?
    /// Roster runs that write the good students: their report names (every other row fails and
    /// is listed), checked in `{out}` and as the only links of `{out}/index.html`.
    var written: [String]?
    /// Roster runs: how many rows or files fail (listed on standard error and in index.html).
    var failed: Int?

    enum CodingKeys: String, CodingKey {
        case file, generate, place, args, exit, message, note, written, failed
        case knownIssue = "known_issue"
    }

    var name: String { file ?? "generated/\(generate ?? "?")" }
    var testDescription: String { name }

    /// Where the input goes, from `place` or the folder of `file`.
    var placement: String {
        if let place { return place }
        switch file?.split(separator: "/").first {
        case "rules": return "content:rules.yaml"
        case "cycles": return "content:cycles/2027.yaml"
        case "content": return "content:guidance/faq/faq.md"
        case "templates": return "templates:partials/page.html.mustache"
        case "rosters": return "roster"
        case "site": return "site:site.yaml"
        case "site-pages": return "site:pages/extra.md"
        default: return "profile"
        }
    }

    var defaultArguments: [String] {
        let tail = ["--out", "{out}", "--today", fixedToday]
        if placement.hasPrefix("content:") { return ["report", "Content/profiles/solid.yaml", "--content", "{content}"] + tail }
        if placement.hasPrefix("templates:") { return ["report", "Content/profiles/solid.yaml", "--templates", "{templates}"] + tail }
        if placement == "output" { return ["report", "Content/profiles/solid.yaml"] + tail }
        if placement == "roster" { return ["report", "--roster", "{file}"] + tail }
        if placement.hasPrefix("site:") { return ["site", "--config", "{site}/site.yaml", "--out", "{out}"] }
        return ["report", "{file}"] + tail
    }
}

enum BadInputManifest {
    static let folder = Repository.path("Tests/BadInputs")
    static let path = (folder as NSString).appendingPathComponent("expectations.yaml")

    static func load() throws -> [BadInputCase] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try YAMLDecoder().decode([BadInputCase].self, from: text)
    }

    /// The cases, or none when the manifest does not load (``BadInputTests/manifestIsComplete()`` then fails).
    static let cases: [BadInputCase] = (try? load()) ?? []

    /// Input files committed under the case folders, relative to `Tests/BadInputs/`.
    static func committedFiles() -> [String] {
        ["profiles", "rules", "cycles", "content", "templates", "rosters", "site", "site-pages", "programs"].flatMap { kind -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: (folder as NSString).appendingPathComponent(kind))) ?? []
            return names.map { "\(kind)/\($0)" }
        }.sorted()
    }
}

/// A temporary folder for one case: copies of `Content/` and `Templates/` on demand, the output
/// folder, and the placeholders the manifest's arguments and messages use.
final class Sandbox {
    let tmp: String
    var out: String
    var file = ""
    private(set) var content: String?
    private(set) var templates: String?
    /// A copy of `Content/site/` (the example `site.yaml` and its `pages/`).
    private(set) var site: String?
    /// Folders a generator created outside `tmp` that must be removed afterwards.
    var cleanup: [String] = []

    init() throws {
        tmp = try Repository.temporaryFolder()
        out = (tmp as NSString).appendingPathComponent("out")
    }

    deinit {
        for path in cleanup + [tmp] { try? FileManager.default.removeItem(atPath: path) }
    }

    func contentCopy() throws -> String {
        if let content { return content }
        let path = (tmp as NSString).appendingPathComponent("Content")
        try Repository.copy("Content", to: path)
        content = path
        return path
    }

    func templatesCopy() throws -> String {
        if let templates { return templates }
        let path = (tmp as NSString).appendingPathComponent("Templates")
        try Repository.copy("Templates", to: path)
        templates = path
        return path
    }

    func siteCopy() throws -> String {
        if let site { return site }
        let path = (tmp as NSString).appendingPathComponent("site")
        try Repository.copy("Content/site", to: path)
        site = path
        return path
    }

    /// Puts `data` where `placement` says and makes it `{file}`.
    func place(_ data: Data, at placement: String, name: String) throws {
        let destination: String
        if placement.hasPrefix("content:") {
            destination = (try contentCopy() as NSString).appendingPathComponent(String(placement.dropFirst("content:".count)))
        } else if placement.hasPrefix("templates:") {
            destination = (try templatesCopy() as NSString).appendingPathComponent(String(placement.dropFirst("templates:".count)))
        } else if placement.hasPrefix("site:") {
            destination = (try siteCopy() as NSString).appendingPathComponent(String(placement.dropFirst("site:".count)))
        } else {
            destination = (tmp as NSString).appendingPathComponent(name)
        }
        try data.write(to: URL(fileURLWithPath: destination))
        file = destination
    }

    func expand(_ text: String) -> String {
        var result = text
        for (key, value) in [("{file}", file), ("{out}", out), ("{tmp}", tmp),
                             ("{content}", content ?? "{content}"), ("{templates}", templates ?? "{templates}"),
                             ("{site}", site ?? "{site}")] {
            result = result.replacingOccurrences(of: key, with: value)
        }
        return result
    }
}
