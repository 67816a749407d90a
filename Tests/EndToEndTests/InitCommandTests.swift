import Foundation
import Testing
import MatchPlanTestSupport

/// `matchplan init` on the built binary: the template without a terminal, the refusal to
/// overwrite, `--force`, and one real pseudo-terminal run (Python's `pty`).
@Suite struct InitCommandTests {
    @Test func withoutATerminalItWritesTheCommentedTemplateThatChecks() throws {
        let folder = try Repository.temporaryFolder()
        let path = "\(folder)/profile.yaml"
        let run = try matchplan(["init", path, "--today", "2026-12-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("a commented template") && run.stdout.contains("matchplan report \(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# MatchPlan profile, started by `matchplan init` on 2026-12-01."))
        #expect(text.contains("match_year: 2027") && text.contains("stage: MS4"))
        let check = try matchplan(["check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let plan = try matchplan(["plan", path, "--today", "2026-12-01"])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["profile.yaml"], "no staging file left")
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        let folder = try Repository.temporaryFolder()
        let path = "\(folder)/profile.yaml"
        try "match_year: 2028\n".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try matchplan(["init", path, "--today", "2026-12-01"])
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("already exists") && refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "match_year: 2028\n")
        let forced = try matchplan(["init", path, "--force", "--today", "2026-12-01"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("started by `matchplan init`"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["profile.yaml"])
    }

    @Test func aBadTodayIsAUsageError() throws {
        let folder = try Repository.temporaryFolder()
        let run = try matchplan(["init", "\(folder)/p.yaml", "--today", "2026-02-30"])
        #expect(run.status == 64 && !FileManager.default.fileExists(atPath: "\(folder)/p.yaml"))
    }

    /// Answers each prompt (a line ending in "]: ") through a real pseudo-terminal.
    static let driver = #"""
    import os, pty, select, subprocess, sys, time
    binary, path, today, *answers = sys.argv[1:]
    master, slave = pty.openpty()
    proc = subprocess.Popen([binary, "init", path, "--today", today], stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    out, sent, deadline = b"", 0, time.time() + 120
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        if out.decode("utf-8", "replace").count("]: ") > sent and sent < len(answers):
            os.write(master, (answers[sent] + "\n").encode())
            sent += 1
        if proc.poll() is not None and not ready:
            break
    status = proc.wait(timeout=30)
    sys.stdout.write(out.decode("utf-8", "replace").replace("\r\n", "\n"))
    sys.exit(status)
    """#

    @Test func onATerminalItAsksAndWritesTheAnswers() throws {
        let folder = try Repository.temporaryFolder()
        let path = "\(folder)/me.yaml"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.driver, Repository.binary, path, "2026-12-01",
                             "Ana Ruiz", "abc", "2028", "", "md", "pass", "", "", "238, 246", "2027-06-30", "both"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let transcript = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(transcript)")
        #expect(transcript.contains("Match year (the March you hope to match) [2027]: "))
        #expect(transcript.contains("Please give a year"), "a bad answer is asked again")
        #expect(transcript.contains("next: matchplan check \(path)"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("name: \"Ana Ruiz\"") && text.contains("match_year: 2028") && text.contains("practice: [238, 246]"))
        #expect(try matchplan(["check", path]).status == 0)
    }
}
