import Foundation
import Testing
import MatchPlanTestSupport

/// Same input, same bytes, for a class's reports and for the site: two builds into different
/// folders give identical files (the roster is rendered on all cores, so thread order must not
/// show), and a third build over the first folder changes nothing.
@Suite struct SiteRosterDeterminismTests {
    static func expectSameBytes(_ arguments: (String) -> [String], minimumFiles: Int) throws {
        let base = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        var snapshots: [[String: Data]] = []
        for out in ["\(base)/first", "\(base)/second/nested", "\(base)/first"] {
            let run = try matchplan(arguments(out))
            try #require(run.status == 0, "\(run)")
            snapshots.append(try snapshot(out))
        }
        #expect(snapshots[0].count >= minimumFiles, "\(snapshots[0].keys.sorted())")
        for (index, other) in snapshots.enumerated().dropFirst() {
            #expect(other.keys.sorted() == snapshots[0].keys.sorted(), "run \(index + 1) wrote other files")
            for (file, bytes) in snapshots[0] { #expect(other[file] == bytes, "\(file) differs in run \(index + 1)") }
        }
    }

    @Test func rosterCSVGivesTheSameBytes() throws {
        try Self.expectSameBytes({ ["report", "--roster", "Content/profiles/roster.csv", "--out", $0, "--today", fixedToday] },
                                 minimumFiles: 1 + 5 * 2)
    }

    /// A roster larger than one batch (64), so several batches run on all cores.
    @Test func largeRosterGivesTheSameBytes() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = try String(contentsOfFile: Repository.path("Content/profiles/roster.csv"), encoding: .utf8).split(separator: "\n")
        var csv = [String(lines[0])]
        for copy in 0..<30 { for line in lines.dropFirst() { csv.append("s\(copy)-" + line) } }
        try (csv.joined(separator: "\n") + "\n").write(toFile: "\(folder)/big.csv", atomically: true, encoding: .utf8)
        // Sam Rivera's rows name their program list beside the roster (PL1–PL8, audited in parallel).
        try FileManager.default.copyItem(atPath: Repository.path("Content/profiles/example-programs.csv"), toPath: "\(folder)/example-programs.csv")
        try Self.expectSameBytes({ ["report", "--roster", "\(folder)/big.csv", "--out", $0, "--today", fixedToday, "--format", "html"] },
                                 minimumFiles: 1 + 150)
    }

    @Test func siteGivesTheSameBytes() throws {
        try Self.expectSameBytes({ ["site", "--config", "Content/site/site.yaml", "--out", $0] }, minimumFiles: 17)
    }
}
