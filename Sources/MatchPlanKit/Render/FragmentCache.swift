import Foundation

/// Rendered template fragments, memoised by template and view value (like Hugo's
/// `partialCached`).
///
/// A report is mostly pieces many students share: the same guidance page, the same checklist
/// item with the same status and due date, the same timeline event. Each distinct piece is
/// rendered through its partial once per run; every later student gets the stored text. The
/// partials stay ordinary Mustache files that a school can override. Thread-safe.
final class FragmentCache: @unchecked Sendable {
    private struct Key: Hashable {
        var template: String
        var value: AnyHashable
    }

    private let templates: TemplateSet
    private var store: [Key: String] = [:]
    private let lock = NSLock()
    /// Most fragments kept at once. Pieces unique to one student (their findings, their timing
    /// box) would otherwise pile up for the whole roster; when full, the store starts over and
    /// the shared pieces are rendered again on first use (memory stays flat for any roster size).
    let capacity: Int

    init(templates: TemplateSet, capacity: Int = 1024) {
        self.templates = templates
        self.capacity = capacity
    }

    /// `view` rendered with the partial `template`, from the store when seen before.
    func render<View: Hashable & Sendable>(_ view: View, template: String) throws -> String {
        try render(view, key: AnyHashable(view), template: template)
    }

    /// `view` rendered with `template`, stored under `key` (for views whose identity is cheaper
    /// to hash than their contents, such as a guidance page by its id).
    func render(_ view: Any, key value: AnyHashable, template: String) throws -> String {
        let key = Key(template: template, value: value)
        lock.lock()
        if let hit = store[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let text = try templates.render(view, template: template)
        lock.lock()
        if store.count >= capacity { store.removeAll(keepingCapacity: true) }
        store[key] = text
        lock.unlock()
        return text
    }

    /// Each view rendered and joined, in order.
    func renderAll<View: Hashable & Sendable>(_ views: [View], template: String) throws -> String {
        try views.map { try render($0, template: template) }.joined()
    }
}
