import Foundation
import Testing
import MatchPlanTestSupport

/// Checks for roster cases of `expectations.yaml` that list `written:`: a bad row or file does
/// not stop the others. The good students get their reports (`<slug>.html` and `<slug>.md`
/// beside `index.html`), `index.html` links exactly them
/// and lists every failure, standard error lists the failures, and the exit code is 65.
extension BadInputTests {
    func checkRoster(_ run: Run, _ entry: BadInputCase, _ box: Sandbox, out: String) {
        let written = entry.written ?? []
        let expected = box.expand(entry.message)
        #expect(run.status == entry.exit, "\(entry.name): \(run)")
        // "1 report" or "2 reports": the count is checked, not the plural.
        #expect(run.stdout.hasPrefix("wrote \(written.count) report"), "\(entry.name): \(run)")
        if entry.exit == 0 {
            #expect(run.stdout.contains(expected), "\(entry.name): expected '\(expected)' on standard output; \(run)")
            #expect(run.stderr.isEmpty, "\(entry.name): \(run)")
        } else {
            let failed = entry.failed ?? 1
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.first.map(String.init) == "\(failed) of \(failed + written.count) profiles failed:", "\(entry.name): \(run.stderr)")
            #expect(lines.count == failed + 1, "\(entry.name): one line per failure expected: \(run.stderr)")
            #expect(lines.dropFirst().contains { $0.hasPrefix("  \(expected)") }, "\(entry.name): expected '  \(expected)'; \(run.stderr)")
        }
        #expect(Self.studentReports(out) == written.sorted(), "\(entry.name): student reports in \(out)")
        for slug in written {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(slug).md"), "\(entry.name): \(slug).md missing")
        }
        #expect(Self.folders(out).isEmpty, "\(entry.name): the layout is flat, but \(out) has folders \(Self.folders(out))")
        guard let index = try? String(contentsOfFile: "\(out)/index.html", encoding: .utf8) else {
            Issue.record("\(entry.name): \(out)/index.html was not written")
            return
        }
        let links = HTMLScanner(index).tags().filter { $0.name == "a" }.flatMap(\.attributes).filter { $0.name == "href" }.map(\.value)
        #expect(links.sorted() == written.map { "\($0).html" }.sorted(), "\(entry.name): index.html must link only the good students")
        if entry.exit != 0 {
            #expect(index.contains("<h2 id=\"failures\">\(entry.failed ?? 1) profiles could not be read</h2>"), "\(entry.name): failure count in index.html")
            #expect(HTMLScanner.decodeEntities(index).contains(expected), "\(entry.name): index.html must list '\(expected)'")
        }
        // The marker file of a folder MatchPlan made is expected; a staging folder is not.
        let staged = leftovers(under: box.tmp).filter { ($0 as NSString).lastPathComponent != ".matchplan-output" }
        #expect(staged.isEmpty, "\(entry.name): staging left behind: \(staged)")
    }

    /// Students with an HTML report in the output (`<slug>.html`, the overview left out).
    static func studentReports(_ out: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        return names.filter { $0.hasSuffix(".html") && $0 != "index.html" && !ProjectPathsProbe.isDirectory("\(out)/\($0)") }
            .map { String($0.dropLast(".html".count)) }.sorted()
    }

    /// Sub-folders of the output (a flat layout has none).
    static func folders(_ out: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        return names.filter { ProjectPathsProbe.isDirectory("\(out)/\($0)") }.sorted()
    }
}

enum ProjectPathsProbe {
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
