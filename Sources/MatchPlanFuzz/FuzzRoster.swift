import Foundation
import MatchPlanPipeline

/// The `roster` fuzz mode: the input is written as a CSV roster and every row is loaded.
///
/// Invariants (trapping, so libFuzzer keeps the input): the whole-roster errors and each row's
/// failure are ``MatchPlanError``s of kind `.data` naming the roster, with a line inside the
/// file (checked by ``FuzzTarget/check(_:data:)``); reading ends (no hang) and every accepted
/// row has a match year in range.
enum FuzzRoster {
    /// One file per process (libFuzzer runs inputs one at a time).
    static let path: String = {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("matchplan-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (folder as NSString).appendingPathComponent("roster.csv")
    }()

    static func run(_ data: Data, loader: ProfileLoader, check: (MatchPlanError, Data) -> Void) throws -> String {
        try data.write(to: URL(fileURLWithPath: path))
        let reader = try RosterReader(path: path, loader: loader)
        var loaded = 0, failed = 0, rows = 0
        while let entry = reader.next() {
            rows += 1
            guard rows <= data.count + 2 else { fatalError("invariant: more rows than bytes: the reader does not end") }
            switch entry.load() {
            case .success(let profile):
                guard (2015...2060).contains(profile.matchYear) else { fatalError("invariant: match_year \(profile.matchYear) accepted") }
                loaded += 1
            case .failure(let error):
                check(error, data)
                failed += 1
            }
        }
        return "roster read: \(loaded) rows loaded, \(failed) failed"
    }
}
