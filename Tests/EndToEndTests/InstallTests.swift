import Foundation
import Testing
import MatchPlanTestSupport

/// Tester report item 10: what the README says about running the binary from elsewhere holds.
@Suite struct InstallTests {
    /// A symbolic link on PATH finds Content/ and Templates/ above the binary's real location.
    @Test func linkedBinaryFindsTheProjectFolders() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let link = folder + "/matchplan"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Repository.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Run by name through PATH from an unrelated folder, as a user would.
        process.arguments = ["-c", "PATH=\"\(folder):$PATH\" matchplan check \(Repository.path("Content/profiles/high.yaml"))"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout.contains("no problems found"), "\(stdout)")
    }

    /// A copied binary (no project above it) runs report and site with --content and --templates.
    @Test func copiedBinaryRunsWithContentAndTemplates() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copy = folder + "/bin/matchplan"
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.binary, toPath: copy)
        let shared = ["--content", Repository.path("Content"), "--templates", Repository.path("Templates")]
        for arguments in [["report", Repository.path("Content/profiles/high.yaml"), "--out", folder + "/report", "--today", "2026-08-15"] + shared,
                          ["site", "--config", Repository.path("Content/site/site.yaml"), "--out", folder + "/site"] + shared] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: copy)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(arguments[0]): \(stderr)")
        }
    }
}
