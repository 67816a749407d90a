import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import MatchPlanTestSupport

/// `matchplan serve`: started on a free port, fetched, a page edited and fetched again, stopped.
@Suite struct ServeTests {
    /// Reads the server's standard output until it prints its address.
    static func address(from pipe: Pipe) throws -> String {
        var text = ""
        let handle = pipe.fileHandleForReading
        while !text.contains("(Ctrl-C to stop)") {
            let chunk = handle.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "server stopped: \(text)"]) }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let start = try #require(text.range(of: "http://127.0.0.1:"))
        return String(text[start.lowerBound...].prefix { $0 != " " })
    }

    static func get(_ url: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesRebuildsOnEditAndAnswersMissingPathsWithThe404Page() async throws {
        let folder = try SiteBrandingAndFilesTests.school()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.binary)
        process.arguments = ["serve", "--config", "\(folder)/site.yaml", "--port", "0"]
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let base = try Self.address(from: out)
        #expect(base.hasPrefix("http://127.0.0.1:") && base.hasSuffix("/"))

        let home = try await Self.get(base)
        #expect(home.status == 200 && home.body.contains("<title>Applying to Interventional Radiology · Test School</title>"))
        let missing = try await Self.get(base + "no/such/page.html")
        #expect(missing.status == 404 && missing.body.contains("Page not found"))
        #expect(try await Self.get(base + "img/wide.png").status == 200, "linked files are served")

        try String(contentsOfFile: "\(folder)/pages/visit.md", encoding: .utf8)
            .replacingOccurrences(of: "The suite:", with: "The renovated suite:")
            .write(toFile: "\(folder)/pages/visit.md", atomically: true, encoding: .utf8)
        var changed = false
        for _ in 0..<40 where !changed {  // the server polls every half second: allow 20 s on a busy machine
            try await Task.sleep(for: .milliseconds(500))
            changed = try await Self.get(base + "visit.html").body.contains("The renovated suite:")
        }
        #expect(changed, "the edited page is served")

        // A broken edit keeps the last good site.
        try "---\ntitle: [unclosed\n---\n".write(toFile: "\(folder)/pages/visit.md", atomically: true, encoding: .utf8)
        try await Task.sleep(for: .seconds(2))
        #expect(try await Self.get(base + "visit.html").body.contains("The renovated suite:"))

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit || process.terminationReason == .uncaughtSignal)
    }
}
