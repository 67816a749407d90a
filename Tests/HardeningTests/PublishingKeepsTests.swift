import Foundation
import Testing
import MatchPlanTestSupport

/// Issue 11, items 7 to 11: a rebuild keeps everything MatchPlan did not write, a failing
/// student keeps their last good report, a linked `--out` stays a link, staging folders of
/// killed runs are cleaned, and a failed first run leaves no folder behind.
@Suite struct PublishingKeepsTests {
    static func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Item 7: a row that loads but then fails (its match year's cycle file is broken; since D14 a
    /// year with no file is projected, so a broken file is what fails after loading) keeps the
    /// student's report from the last good run, and says so.
    @Test func rowFailingAfterLoadingKeepsTheLastGoodReport() throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let out = "\(tmp)/reports"
        let content = "\(tmp)/content"
        try FileManager.default.copyItem(atPath: Repository.path("Content"), toPath: content)
        try Self.write("match_year: 2029\n", "\(content)/cycles/2029.yaml")
        try Self.write("id,match_year,step2ck_score\na,2027,248\nb,2027,240\n", "\(tmp)/good.csv")
        let first = try matchplan(["report", "--roster", "\(tmp)/good.csv", "--out", out, "--content", content, "--today", fixedToday])
        try #require(first.status == 0, "\(first)")
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(out)/b.html"))
        try Self.write("id,match_year,step2ck_score\na,2027,248\nb,2029,240\n", "\(tmp)/bad.csv")
        let second = try matchplan(["report", "--roster", "\(tmp)/bad.csv", "--out", out, "--content", content, "--today", fixedToday])
        #expect(second.status == 65, "\(second)")
        #expect(second.stderr.contains("cycles/2029.yaml: events: missing the event 'eras_opens'"), "\(second)")
        #expect(second.stderr.contains("their report from the previous run is kept in b.html and b.md"), "\(second)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/b.html")) == before)
    }

    /// Item 8: hand-added empty folders, nested folders, files inside generated folders and
    /// symbolic links (to a file, to a folder, dangling) survive a rebuild, links as links.
    @Test(arguments: ["roster", "site"])
    func handAddedFoldersAndLinksSurviveARebuild(_ kind: String) throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let out = "\(tmp)/out"
        let arguments = kind == "roster"
            ? ["report", "--roster", "Content/profiles/roster.csv", "--out", out, "--today", fixedToday]
            : ["site", "--config", "Content/site/site.yaml", "--out", out]
        let first = try matchplan(arguments)
        try #require(first.status == 0, "\(first)")
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(out)/empty", withIntermediateDirectories: false)
        try manager.createDirectory(atPath: "\(out)/drafts/2027", withIntermediateDirectories: true)
        try Self.write("notes", "\(out)/drafts/notes.txt")
        try manager.createSymbolicLink(atPath: "\(out)/to-file", withDestinationPath: "drafts/notes.txt")
        try manager.createSymbolicLink(atPath: "\(out)/to-folder", withDestinationPath: tmp)
        try manager.createSymbolicLink(atPath: "\(out)/dangling", withDestinationPath: "no-such-file")
        let second = try matchplan(arguments)
        try #require(second.status == 0, "\(second)")
        #expect(ProjectPathsTesting.isDirectory("\(out)/empty"))
        #expect(ProjectPathsTesting.isDirectory("\(out)/drafts/2027"))
        #expect((try? String(contentsOfFile: "\(out)/drafts/notes.txt", encoding: .utf8)) == "notes")
        for (link, destination) in [("to-file", "drafts/notes.txt"), ("to-folder", tmp), ("dangling", "no-such-file")] {
            #expect(Self.isLink("\(out)/\(link)"), "\(link) is no longer a symbolic link")
            #expect((try? manager.destinationOfSymbolicLink(atPath: "\(out)/\(link)")) == destination)
        }
        #expect(stagingLeft(under: tmp).isEmpty, "\(stagingLeft(under: tmp))")
    }

    /// Item 9: an `--out` that is a link to a folder is published into that folder and stays a
    /// link; what a person added there is kept.
    @Test(arguments: ["roster", "site"])
    func linkedOutputFolderIsPublishedThroughTheLink(_ kind: String) throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let real = "\(tmp)/real", link = "\(tmp)/published"
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let arguments = kind == "roster"
            ? ["report", "--roster", "Content/profiles/roster.csv", "--out", link, "--today", fixedToday]
            : ["site", "--config", "Content/site/site.yaml", "--out", link]
        let first = try matchplan(arguments)
        try #require(first.status == 0, "\(first)")
        try Self.write("CNAME contents", "\(real)/CNAME")
        let second = try matchplan(arguments)
        try #require(second.status == 0, "\(second)")
        #expect(Self.isLink(link), "--out is no longer a link")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == real)
        #expect(FileManager.default.fileExists(atPath: "\(real)/index.html"))
        #expect(FileManager.default.fileExists(atPath: "\(real)/CNAME"), "the hand-added file in the linked folder was lost")
        #expect(stagingLeft(under: tmp).isEmpty, "\(stagingLeft(under: tmp))")
    }

    /// Item 10: staging folders of processes that no longer exist are removed (and the run says
    /// so); one of a live process is left alone; an output a killed run had moved aside is put back.
    @Test func stagingOfDeadRunsIsRemovedAndSaidSo() throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let dead = try Self.deadPID(), live = getpid()
        let manager = FileManager.default
        for name in [".out.staging-\(dead)", ".out.staging-\(live)"] {
            try manager.createDirectory(atPath: "\(tmp)/\(name)/sub", withIntermediateDirectories: true)
            try Self.write("partial", "\(tmp)/\(name)/sub/a.html")
        }
        // An output moved aside by a run killed between its two renames: put back, hand-added file kept.
        try manager.createDirectory(atPath: "\(tmp)/.out.staging-\(dead).old", withIntermediateDirectories: false)
        try Self.write("index.html\n", "\(tmp)/.out.staging-\(dead).old/.matchplan-output")
        try Self.write("old", "\(tmp)/.out.staging-\(dead).old/index.html")
        try Self.write("mine", "\(tmp)/.out.staging-\(dead).old/notes.txt")
        let run = try matchplan(["report", "--roster", "Content/profiles/roster.csv", "--out", "\(tmp)/out", "--today", fixedToday])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("matchplan: removed \(tmp)/.out.staging-\(dead), a staging folder left by an earlier run (process \(dead)) that was stopped before it finished"), "\(run)")
        #expect(run.stderr.contains("matchplan: put back \(tmp)/out from \(tmp)/.out.staging-\(dead).old"), "\(run)")
        #expect(!manager.fileExists(atPath: "\(tmp)/.out.staging-\(dead)"))
        #expect(!manager.fileExists(atPath: "\(tmp)/.out.staging-\(dead).old"))
        #expect(manager.fileExists(atPath: "\(tmp)/.out.staging-\(live)"), "a live process's staging folder was removed")
        #expect((try? String(contentsOfFile: "\(tmp)/out/notes.txt", encoding: .utf8)) == "mine")
    }

    /// Item 10, single reports: `.matchplan-staging-<pid>` of a dead run inside a report folder goes.
    @Test func reportStagingOfDeadRunsIsRemoved() throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let dead = try Self.deadPID()
        try FileManager.default.createDirectory(atPath: "\(tmp)/report/.matchplan-staging-\(dead)", withIntermediateDirectories: true)
        let run = try matchplan(["report", "Content/profiles/solid.yaml", "--out", "\(tmp)/report", "--today", fixedToday])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("removed \(tmp)/report/.matchplan-staging-\(dead)"), "\(run)")
        #expect(stagingLeft(under: tmp).isEmpty, "\(stagingLeft(under: tmp))")
    }

    /// Item 11: a first run that fails after creating the output's parents removes them again.
    @Test func failedFirstRunLeavesNoFolderBehind() throws {
        let tmp = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let run = try matchplan(["report", "--roster", "Tests/BadInputs/rosters/header-only.csv", "--out", "\(tmp)/new/deeper/out",
                                 "--today", fixedToday])
        #expect(run.status == 65, "\(run)")
        #expect(!FileManager.default.fileExists(atPath: "\(tmp)/new"), "the run left \(tmp)/new behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp) == [])
    }

    /// The id of a process that has exited (and been reaped).
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// Staging folders left below `folder` (``leftovers(under:)`` without the output marker,
/// which every published folder holds).
func stagingLeft(under folder: String) -> [String] {
    leftovers(under: folder).filter { ($0 as NSString).lastPathComponent != ".matchplan-output" }
}

/// Folder checks for tests (no links followed for the path itself).
enum ProjectPathsTesting {
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
