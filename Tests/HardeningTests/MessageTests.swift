import Foundation
import Testing
import MatchPlanTestSupport

/// Issue 11, item 15: the command line's own messages.
@Suite struct MessageTests {
    @Test(arguments: [["report", "Content/profiles/solid.yaml", "--out", ""],
                      ["report", "--roster", "Content/profiles/roster.csv", "--out", ""],
                      ["site", "--config", "Content/site/site.yaml", "--out", ""]])
    func emptyOutIsAUsageError(_ arguments: [String]) throws {
        let run = try matchplan(arguments)
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("--out expects a folder name; got an empty one"), "\(run)")
    }

    /// A file name with ESC and a line break is printed escaped, on one line.
    @Test func controlCharactersInAFileNameAreEscaped() throws {
        let run = try matchplan(["report", "no-such\u{1B}[2J\nprofile.yaml", "--out", "/tmp/unused", "--today", fixedToday])
        #expect(run.status == 66, "\(run)")
        #expect(run.stderr == "matchplan: error: no-such\\u{1B}[2J\\u{A}profile.yaml: file not found\n", "\(run)")
    }
}
