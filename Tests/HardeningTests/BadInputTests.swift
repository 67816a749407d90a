import Foundation
import Testing
import MatchPlanTestSupport

/// Runs the built `matchplan` on every bad input listed in `Tests/BadInputs/expectations.yaml`
/// and checks the exit code, the one-line message (file:line:column: key: what was expected)
/// and that nothing was written.
@Suite struct BadInputTests {
    @Test(arguments: BadInputManifest.cases)
    func badInputGivesAClearErrorAndTheDocumentedExitCode(_ entry: BadInputCase) throws {
        let box = try Sandbox()
        if let file = entry.file {
            let source = (BadInputManifest.folder as NSString).appendingPathComponent(file)
            if entry.placement == "profile" || entry.placement == "roster" {
                box.file = "Tests/BadInputs/\(file)"   // as a user would type it, relative to the working folder
            } else {
                try box.place(try Data(contentsOf: URL(fileURLWithPath: source)), at: entry.placement, name: file)
            }
        }
        if let name = entry.generate {
            let generator = try #require(Generators.all[name], "no generator named '\(name)' in Generators.swift")
            try generator(box, entry)
        }
        let arguments = entry.args ?? entry.defaultArguments
        if arguments.joined().contains("{content}") { _ = try box.contentCopy() }
        if arguments.joined().contains("{templates}") { _ = try box.templatesCopy() }
        if arguments.joined().contains("{site}") { _ = try box.siteCopy() }
        let out = box.out.hasPrefix("/") ? box.out : Repository.path(box.out)
        let outExisted = FileManager.default.fileExists(atPath: out)
        let before = outExisted ? try snapshot(out) : [:]

        let run = try matchplan(arguments.map(box.expand))
        let body = { entry.written == nil ? check(run, entry, box, out: out, before: outExisted ? before : nil)
                                          : checkRoster(run, entry, box, out: out) }
        guard let knownIssue = entry.knownIssue else { return body() }
        withKnownIssue(Comment(rawValue: knownIssue)) { body() }
    }

    /// `before`: the output folder's files when it existed before the run (it must not change).
    func check(_ run: Run, _ entry: BadInputCase, _ box: Sandbox, out: String, before: [String: Data]?) {
        #expect(run.status == entry.exit, "\(entry.name): \(run)")
        let expected = box.expand(entry.message)
        if entry.exit == 0 {
            #expect(run.stdout.contains(expected), "\(entry.name): expected '\(expected)' on standard output; \(run)")
            return
        }
        #expect(run.stderr.contains("matchplan: error: \(expected)"), "\(entry.name): expected '\(expected)'; \(run)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(entry.name): expected one line of error, no trace: \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(entry.name): \(run)")
        if let before {
            #expect((try? snapshot(out)) == before, "\(entry.name): the existing output folder \(out) was changed")
        } else {
            #expect(!FileManager.default.fileExists(atPath: out), "\(entry.name): nothing may be written for bad input, but \(out) exists")
        }
        // A marker the case placed in an existing output folder is checked by the snapshot above.
        let staged = leftovers(under: box.tmp).filter { ($0 as NSString).lastPathComponent != ".matchplan-output" }
        #expect(staged.isEmpty, "\(entry.name): staging left behind: \(staged)")
    }

    /// The manifest loads, lists every committed input exactly once, names only generators
    /// that exist, uses every generator, and keeps the corpus at 40 files or more.
    @Test func manifestIsComplete() throws {
        let cases = try BadInputManifest.load()
        let listed = cases.compactMap(\.file)
        let committed = BadInputManifest.committedFiles()
        #expect(committed.count >= 40, "the corpus needs at least 40 committed bad inputs, has \(committed.count)")
        #expect(Set(listed).subtracting(committed).sorted() == [], "listed in expectations.yaml but missing on disk")
        #expect(Set(committed).subtracting(listed).sorted() == [], "on disk but not listed in expectations.yaml")
        #expect(listed.count == Set(listed).count, "a file is listed twice")
        let generated = cases.compactMap(\.generate)
        #expect(Set(generated).subtracting(Generators.all.keys).sorted() == [], "unknown generators")
        #expect(Set(Generators.all.keys).subtracting(generated).sorted() == [], "generators no case uses")
        for entry in cases {
            #expect(entry.file != nil || entry.generate != nil || entry.args != nil, "\(entry.name): needs file, generate or args")
            #expect([0, 65, 66, 73].contains(entry.exit), "\(entry.name): exit \(entry.exit) is not one of the documented codes")
        }
    }

    /// Every expectation with a line and column says so in the `{file}:L:C:` form, and those
    /// without one explain why in `note:`. Keeps the "where known" promise honest.
    @Test func everyMessageWithoutALocationIsExplained() throws {
        let located = try Regex(#"^\{(file|content|templates|out|tmp|site)\}[^:]*:\d+:\d+: "#)
        for entry in try BadInputManifest.load() where entry.exit != 0 && entry.message.firstMatch(of: located) == nil {
            #expect(entry.note != nil, "\(entry.name): message has no line:column and no note saying why")
        }
    }

    /// The oversize input is generated, never committed: nothing in the corpus is near 4 MiB.
    @Test func noLargeFileIsCommitted() throws {
        for file in BadInputManifest.committedFiles() {
            let path = (BadInputManifest.folder as NSString).appendingPathComponent(file)
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            #expect(size < 64 * 1024, "\(file) is \(size) bytes; generate large inputs in Generators.swift")
        }
    }
}
