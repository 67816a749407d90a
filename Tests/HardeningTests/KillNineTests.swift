import Foundation
import Testing
import MatchPlanTestSupport

/// Issue 11, item 10: a roster run killed with SIGKILL at several moments leaves the complete
/// old or the complete new output (never a mix, never none), and the next run leaves no staging
/// folder behind and the complete new output.
///
/// Design: a roster of 2,000 students is published once (version A). Then, alternating the
/// roster between two versions (different scores, so the overview differs), a run is started
/// and killed (SIGKILL) when its staging folder first appears, when it holds half the reports,
/// and when it holds all of them (the swap is close); after each kill the output must be
/// complete (every file its marker lists exists) and be exactly the old or the new version's
/// overview, and a full rerun must publish the new version and leave no staging. The kill
/// moments are states of the staging folder, not times, so the checks hold whatever the
/// machine's speed. About 7 roster runs of 2,000 students (1 to 2 minutes on 2 busy cores).
@Suite(.serialized) struct KillNineTests {
    static let students = 2000

    static func roster(_ version: Int) -> String {
        var text = "id,name,match_year,stage,step2ck_score\n"
        for index in 0..<students {
            text += "s\(index),Student \(index),2027,MS4,\(200 + (index * 7 + version * 13) % 70)\n"
        }
        return text
    }

    /// The output's overview and marker, after checking that every file the marker lists exists.
    static func completeOutput(_ out: String) throws -> (index: Data, marker: String) {
        let marker = try String(contentsOfFile: "\(out)/.matchplan-output", encoding: .utf8)
        let listed = marker.split(separator: "\n").filter { !$0.hasPrefix("# kind: ") }
        #expect(listed.count == 2 * students + 2, "the marker lists \(listed.count) files (two per student, index.html, summary.csv)")
        for file in listed {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(file)"), "\(file) is listed but missing")
        }
        return (try Data(contentsOf: URL(fileURLWithPath: "\(out)/index.html")), marker)
    }

    static func stagingFolders(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".staging-") }
    }

    @Test func killedRosterRunLeavesOldOrNewOutputAndTheRerunCleansUp() throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let out = "\(tmp)/reports"
        for version in [0, 1] { try Data(Self.roster(version).utf8).write(to: URL(fileURLWithPath: "\(tmp)/v\(version).csv")) }
        func arguments(_ version: Int) -> [String] {
            ["report", "--roster", "\(tmp)/v\(version).csv", "--out", out, "--today", fixedToday]
        }
        let first = try matchplan(arguments(0))
        try #require(first.status == 0, "\(first)")
        // Each version's overview, known once it has been published.
        var overview: [Int: Data] = [0: try Self.completeOutput(out).index]

        // Kill moments: staging holds at least this many reports (1 = it has just appeared).
        let moments = [1, Self.students, 2 * Self.students]
        var current = 0
        for (step, threshold) in moments.enumerated() {
            let next = step % 2 == 0 ? 1 : 0
            let process = try Self.start(arguments(next))
            var killed = false
            while process.isRunning {
                if let staging = Self.stagingFolders(in: tmp).first,
                   ((try? FileManager.default.contentsOfDirectory(atPath: "\(tmp)/\(staging)").count) ?? 0) >= threshold {
                    kill(process.processIdentifier, SIGKILL)
                    killed = true
                    break
                }
                usleep(10_000)
            }
            process.waitUntilExit()
            let after = try Self.completeOutput(out).index
            let rerun = try matchplan(arguments(next))
            #expect(rerun.status == 0, "\(rerun)")
            let published = try Self.completeOutput(out).index
            if let known = overview[next] { #expect(published == known, "the rerun did not publish the same bytes as before") }
            overview[next] = published
            #expect(overview[0] != overview[1], "the two versions must differ")
            #expect(after == overview[current] || after == overview[next],
                    "killed at \(threshold) files (killed: \(killed)): the output is neither the complete old nor the complete new version")
            #expect(Self.stagingFolders(in: tmp).isEmpty, "staging left after the rerun: \(Self.stagingFolders(in: tmp))")
            #expect(stagingLeft(under: out).isEmpty)
            current = next
        }
    }

    /// Starts the CLI without waiting (its output is discarded).
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
