import Foundation
import MatchPlanFileSystem
import MatchPlanLoad
import MatchPlanModel
import MatchPlanPlan
import MatchPlanPublish
import MatchPlanRender

/// Bounded data parallelism over both cores (used for rosters and for loading shared inputs).
enum Parallel {
    /// Runs `body` over `items` on all cores; results keep the input order. Rethrows the first error.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws -> R) throws -> [R] {
        let slots = ResultSlots<R>(items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let result = Result { try body(items[index]) }
            slots.lock.lock()
            slots.results[index] = result
            slots.lock.unlock()
        }
        return try slots.results.map { try $0!.get() }
    }
}

/// Per-index result storage shared by the worker threads of ``Parallel/map(_:_:)``.
private final class ResultSlots<R>: @unchecked Sendable {
    var results: [Result<R, Error>?]
    let lock = NSLock()
    init(_ count: Int) { results = .init(repeating: nil, count: count) }
}
