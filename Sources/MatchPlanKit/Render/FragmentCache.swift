import Foundation

/// Rendered guidance pages, memoised by a key (like Hugo's `partialCached`).
///
/// Every report repeats the same guidance pages: each page is rendered through its partial
/// once per run, and each group of pages a section shows (the same selection for many
/// students) is joined once. Small pieces many students share (a checklist item with the same
/// status and due date, a timeline event) are stored by value. Whole sections are not: they
/// differ per student, and with ``CompiledTemplates`` cost less to render than to hash.
/// Thread-safe.
final class FragmentCache: @unchecked Sendable {
    private struct Key: Hashable {
        var template: String
        var value: AnyHashable
    }

    private var store: [Key: String] = [:]
    private let lock = NSLock()
    /// Most fragments kept at once; when full, the store starts over (memory stays flat for any
    /// content).
    let capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The text stored under (`template`, `key`), made by `make` the first time.
    func text(template: String, key value: some Hashable, make: () throws -> String) rethrows -> String {
        let key = Key(template: template, value: value)
        lock.lock()
        if let hit = store[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let text = try make()
        lock.lock()
        if store.count >= capacity { store.removeAll(keepingCapacity: true) }
        store[key] = text
        lock.unlock()
        return text
    }
}
