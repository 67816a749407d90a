import Foundation
import MatchPlanPipeline

/// What one fuzz input is fed to, chosen with `MATCHPLAN_FUZZ=profile|content|roster|template`
/// (default `profile`).
///
/// - `profile`: bytes → ``SourceText/decode(_:path:)`` → ``ProfileLoader/parse(_:)`` and, when
///   the profile loads and the project's `Content/` is in the working folder, the planner.
/// - `content`: bytes → ``SourceText/decode(_:path:)`` → ``ContentLoader/parse(_:)`` (front
///   matter, YAML and cmark), in safe mode.
/// - `roster`: bytes → a CSV file → ``RosterReader`` → every row loaded (``FuzzRoster``).
/// - `template`: bytes → `report.html.mustache` over the built-in `Templates/` →
///   ``TemplateSet/load(folders:required:include:)`` and, when it loads, a report rendered with
///   it (``FuzzTemplate``): no crash, no hang, whatever the template.
///
/// Besides crashes, the target traps (so libFuzzer saves the input) when an invariant breaks:
/// every failure must be a ``MatchPlanError`` of kind `.data` naming the input, with a line and
/// column inside the file; safe-mode HTML may hold only the tags cmark itself writes, and no
/// `javascript:`, `vbscript:` or non-image `data:` URL.
enum FuzzMode: String {
    case profile, content, roster, template

    static var current: FuzzMode {
        let name = ProcessInfo.processInfo.environment["MATCHPLAN_FUZZ"] ?? "profile"
        guard let mode = FuzzMode(rawValue: name) else {
            FileHandle.standardError.write(Data("MATCHPLAN_FUZZ must be profile, content, roster or template, not '\(name)'\n".utf8))
            exit(64)
        }
        return mode
    }
}

/// The outcome of one input, for replay output.
enum FuzzOutcome {
    case accepted(String)
    case rejected(MatchPlanError)
}

struct FuzzTarget {
    static let path = "fuzz-input"
    static let jsonPath = "fuzz-input.json"
    let mode: FuzzMode
    let workspace: Workspace?
    let profileLoader: ProfileLoader

    init(mode: FuzzMode) {
        self.mode = mode
        let paths = ProjectPaths(content: "Content", templates: "Templates")
        workspace = try? Workspace.load(paths: paths, needsRendering: false)
        profileLoader = workspace?.profileLoader
            ?? ProfileLoader(scoreScale: 1...300, checklistIDs: ["personal-statement", "sit-step2ck", "eras-submit"])
    }

    /// Runs one input; traps on a broken invariant.
    @discardableResult
    func run(_ data: Data) -> FuzzOutcome {
        do {
            switch mode {
            case .roster: return .accepted(try FuzzRoster.run(data, loader: profileLoader, check: check))
            case .template: return .accepted(try FuzzTemplate.run(data))
            default: break
            }
            // A profile that starts with `{` is also read as a `.json` file (JSONSource).
            let isJSON = mode == .profile && data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "{")
            let source = try SourceText.decode(data, path: isJSON ? Self.jsonPath : Self.path)
            switch mode {
            case .profile: return .accepted(try profile(source))
            case .content: return .accepted(try page(source))
            case .roster, .template: fatalError("handled above")
            }
        } catch let error as MatchPlanError {
            check(error, data: data)
            return .rejected(error)
        } catch {
            fatalError("invariant: a loader threw \(type(of: error)) instead of MatchPlanError: \(error)")
        }
    }

    private func profile(_ source: SourceText) throws -> String {
        let profile = try profileLoader.parse(source)
        guard (2015...2060).contains(profile.matchYear) else { fatalError("invariant: match_year \(profile.matchYear) accepted") }
        if let workspace, let cycle = try? workspace.cycle(matchYear: profile.matchYear, profilePath: nil) {
            let plan = Planner(rules: workspace.rules, cycle: cycle).plan(for: profile, today: CalendarDate(iso: "2026-08-15")!)
            _ = try PlanJSON.encode(plan)
            return "profile planned: band \(plan.band.rawValue), \(plan.checklist.count) checklist items"
        }
        return "profile loaded: match_year \(profile.matchYear)"
    }

    private func page(_ source: SourceText) throws -> String {
        let page = try ContentLoader().parse(source)
        for tag in Self.tagNames(in: page.html) where !Self.cmarkTags.contains(tag) {
            fatalError("invariant: safe-mode HTML holds a <\(tag)> that cmark does not write: \(page.html.prefix(400))")
        }
        let lowered = page.html.lowercased()
        for scheme in ["javascript:", "vbscript:", "data:"] {
            for quote in ["href=\"", "src=\""] where lowered.contains(quote + scheme) {
                if scheme == "data:", lowered.contains(quote + "data:image/") { continue }
                fatalError("invariant: safe-mode HTML keeps a \(scheme) URL: \(page.html.prefix(400))")
            }
        }
        return "page loaded: \(page.id), \(page.html.utf8.count) bytes of HTML"
    }

    func check(_ error: MatchPlanError, data: Data) {
        guard error.kind == .data else { fatalError("invariant: bad input gave a \(error.kind) error: \(error)") }
        if mode == .template {
            guard error.file != nil, !error.message.isEmpty else { fatalError("invariant: a template error names no file: \(error)") }
            return
        }
        guard error.file == Self.path || error.file == Self.jsonPath || (mode == .roster && error.file == FuzzRoster.path) else { fatalError("invariant: the error does not name the input: \(error)") }
        guard !error.message.isEmpty else { fatalError("invariant: empty message: \(error)") }
        if let location = error.location {
            let lines = data.reduce(1) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 }
            guard location.line >= 1, location.column >= 1, location.line <= lines + 1 else {
                fatalError("invariant: location \(location.line):\(location.column) outside a \(lines)-line input: \(error)")
            }
        }
    }

    /// Tags cmark writes in safe mode (raw HTML becomes a comment).
    static let cmarkTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a", "img", "code", "pre",
                                         "ul", "ol", "li", "blockquote", "hr", "br"]

    /// Names of the start and end tags in `html` (lowercased): `<` or `</` followed by a letter.
    static func tagNames(in html: String) -> [String] {
        var names: [String] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "<" else { continue }
            var start = index + 1
            if start < scalars.count, scalars[start] == "/" { start += 1 }
            var end = start
            while end < scalars.count, scalars[end].isASCII, scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) {
                end += 1
            }
            if end > start, scalars[start].properties.isAlphabetic {
                names.append(String(String.UnicodeScalarView(scalars[start..<end])).lowercased())
            }
        }
        return names
    }
}
