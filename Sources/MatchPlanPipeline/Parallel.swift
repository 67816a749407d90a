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

    /// Runs three independent jobs of different types on all cores; each result (or error) comes
    /// back typed, in argument order. Jobs start in argument order as cores come free: put the
    /// longest first.
    static func all<A: Sendable, B: Sendable, C: Sendable>(
        _ a: @Sendable () throws -> A, _ b: @Sendable () throws -> B, _ c: @Sendable () throws -> C
    ) -> (Result<A, Error>, Result<B, Error>, Result<C, Error>) {
        let slots = (ResultSlots<A>(1), ResultSlots<B>(1), ResultSlots<C>(1))
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            switch index {
            case 0: slots.0.results[0] = Result { try a() }
            case 1: slots.1.results[0] = Result { try b() }
            default: slots.2.results[0] = Result { try c() }
            }
        }
        return (slots.0.results[0]!, slots.1.results[0]!, slots.2.results[0]!)
    }
}

/// Per-index result storage shared by the worker threads of ``Parallel/map(_:_:)``.
private final class ResultSlots<R>: @unchecked Sendable {
    var results: [Result<R, Error>?]
    let lock = NSLock()
    init(_ count: Int) { results = .init(repeating: nil, count: count) }
}
