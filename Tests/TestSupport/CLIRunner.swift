import Foundation

/// Helpers shared by the test targets that run the built `matchplan` binary.

/// Paths inside the repository, found from this file's location.
public enum Repository {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// The `matchplan` binary that `swift test` built beside the test bundle.
    public static var binary: String {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("matchplan").path,
            Bundle.main.bundleURL.appendingPathComponent("matchplan").path,
            path(".build/debug/matchplan"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// A new empty folder under the system temporary folder, removed when the test process
    /// exits (``TemporaryFolders``), unless `MATCHPLAN_KEEP_TEST_FOLDERS` is set.
    public static func temporaryFolder() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("matchplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        TemporaryFolders.shared.add(path)
        return path
    }

    /// Copies the repository folder `relative` (e.g. `Content`) to `destination`.
    public static func copy(_ relative: String, to destination: String) throws {
        try FileManager.default.copyItem(atPath: path(relative), toPath: destination)
    }
}

/// The result of running the CLI.
public struct Run: CustomStringConvertible, Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}

/// Runs the built `matchplan` with `arguments` in `directory` (default: the repository root),
/// with `extraEnvironment` added to the test's environment.
public func matchplan(_ arguments: [String], in directory: String = Repository.root, extraEnvironment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Repository.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    environment.merge(extraEnvironment) { $1 }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently so a chatty child cannot block on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var stderr = Data()
    group.enter()
    DispatchQueue.global().async {
        stderr = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
               stderr: String(decoding: stderr, as: UTF8.self))
}
