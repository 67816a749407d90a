import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Values made once and shared by every report a renderer makes (like Hugo's `partialCached`):
/// rendered guidance pages, the page groups of a set of applicable pages, checklist items and
/// timeline events that many students share.
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
    /// Page index → the page rendered through `partials/page`.
    let pages = FragmentCache<Int, String>()
    /// Indices of the pages that apply → every section's group of pages.
    /// (Each entry holds tens of kilobytes of joined pages: kept few, so memory stays flat.)
    let pageGroups = FragmentCache<[Int], PageGroups>(capacity: 128)
    /// Plan item → its rendered partial (looked up before its view is even built).
    let checklistItems = FragmentCache<StrategyPlan.ChecklistItem, String>(capacity: 4096)
    let timelineEvents = FragmentCache<StrategyPlan.TimelineEvent, String>(capacity: 4096)
}

// Lookup keys for ``ReportFragments``: hash what tells items apart; equality still compares
// every field.
extension StrategyPlan.ChecklistItem: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(status)
        hasher.combine(due)
    }
}

extension StrategyPlan.TimelineEvent: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(status)
        hasher.combine(date)
        hasher.combine(end)
    }
}

/// The guidance pages of each report section, rendered and joined.
struct PageGroups: Sendable {
    var strategy: RenderedPages
    var timing: RenderedPages
    var list: RenderedPages
    var pathways: RenderedPages
    var holistic: RenderedPages
    var signals: RenderedPages
    var intro: RenderedPages
    var faq: RenderedPages
}
