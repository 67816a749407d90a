import Foundation
import Testing
import MatchPlanTestSupport

/// Tester report item 1: a standard output that cannot be written (a full device, a closed
/// descriptor) gives one error line and exit 73, never a crash or a lost line with exit 0.
@Suite struct StandardOutputTests {
    /// Runs the binary with standard output on `/dev/full` (or closed when `closed`), returning
    /// (exit status, standard error).
    static func run(_ arguments: [String], closed: Bool = false) throws -> (Int32, String) {
        let process = Process()
        if closed {
            // Foundation cannot start a child with descriptor 1 closed; the shell can.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", Repository.binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Repository.binary)
            process.arguments = arguments
            process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        }
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test(arguments: [
        ["plan", "Content/profiles/high.yaml", "--today", "2026-08-15"],
        ["check", "Content/profiles/high.yaml"],
    ])
    func fullStandardOutputIsOneErrorLineAndExit73(_ arguments: [String]) throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let (status, stderr) = try Self.run(arguments)
        #expect(status == 73, "\(stderr)")
        #expect(stderr == "matchplan: error: cannot write to standard output: No space left on device\n")
    }

    @Test func closedStandardOutputIsOneErrorLineAndExit73() throws {
        let (status, stderr) = try Self.run(["plan", "Content/profiles/high.yaml", "--today", "2026-08-15"], closed: true)
        #expect(status == 73, "\(stderr)")
        #expect(stderr == "matchplan: error: cannot write to standard output: Bad file descriptor\n")
    }

    @Test func reportWithFullStandardOutputSaysSoAfterWriting() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let out = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let (status, stderr) = try Self.run(["report", "Content/profiles/solid.yaml", "--out", out, "--today", "2026-08-15"])
        #expect(status == 73, "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1, "\(stderr)")
    }
}
