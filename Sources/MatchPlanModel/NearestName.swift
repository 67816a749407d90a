/// Finds the known name closest to a misspelt one, for "did you mean …?" hints.
public enum NearestName {
    /// The candidate with the smallest edit distance to `name`, if it is close enough to be a
    /// plausible typo (distance at most a third of the longer name, minimum 2), else nil.
    public static func suggest(_ name: String, among candidates: [String]) -> String? {
        let normalized = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(Array(normalized), Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(2, max(name.count, best.name.count) / 3)
        return best.distance <= allowed ? best.name : nil
    }

    /// Levenshtein distance where deleting `_` or `-` is free, so `step2_ck` ≈ `step2ck`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        let a = a.filter { $0 != "_" && $0 != "-" }
        let b = b.filter { $0 != "_" && $0 != "-" }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
