import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Values made once and shared by every report a renderer makes (like Hugo's `partialCached`):
/// the guidance page views of a set of applicable pages.
///
/// Typed keys, no `AnyHashable` boxing (profiled). When full, the store starts over, so memory
/// stays flat for any roster. Thread-safe.
final class FragmentCache<Key: Hashable, Value>: @unchecked Sendable {
    private var store: [Key: Value] = [:]
    private let lock = NSLock()
    /// Most values kept at once.
    let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The value stored under `key`, made by `make` the first time.
    func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        lock.lock()
        if let hit = store[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = try make()
        lock.lock()
        if store.count >= capacity { store.removeAll(keepingCapacity: true) }
        store[key] = value
        lock.unlock()
        return value
    }
}

/// The caches of one report format (``ReportRenderer`` keeps one per format).
struct ReportFragments: Sendable {
    /// Indices of the pages that apply (and whether they render open) → every section's page views.
    let pageGroups = FragmentCache<PageGroupsKey, PageGroups>(capacity: 128)
    /// The day → the cycle's notes (S0.4).
    let cycleNotes = FragmentCache<CalendarDate, [String]>(capacity: 64)
    /// What the score-scale picture is drawn from → the picture.
    let scoreScales = FragmentCache<ScoreScaleKey, ScoreScaleView>(capacity: 1024)
}

/// The guidance pages of each report section, as views.
struct PageGroups: Sendable {
    var strategy: [PageView]
    var timing: [PageView]
    var list: [PageView]
    var pathways: [PageView]
    var holistic: [PageView]
    var signals: [PageView]
    var intro: [PageView]
    var faq: [PageView]
}

/// Which page views a report shows: the indices of its applicable pages, and whether they
/// render open (`--print-guidance` shares the HTML format's cache).
struct PageGroupsKey: Hashable, Sendable {
    var pages: [Int]
    var isOpen: Bool
}

/// Everything ``ReportViewBuilder/scoreScaleView(_:)`` reads from a plan (the rules are the run's).
struct ScoreScaleKey: Hashable, Sendable {
    var scoreUsed: Int?
    var reported: Int?
    var practiceLow: Int?
    var practiceHigh: Int?
    var band: Band
}
