import Foundation

/// Substring search over UTF-8 bytes (memchr for the first byte, memcmp for the rest): for
/// generated text in the view builders, where Foundation's `contains` goes through CFString
/// (profiled: the do-now section's one test per action was a hundredth of a roster's time), and
/// for the compiled layer's cut of a child out of its parent's render.
enum TextSearch {
    /// Whether `text` contains `needle`, byte for byte (no Unicode equivalence: for text the
    /// plan wrote itself, such as a date in a sentence).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { hay in needle.withUTF8 { mark in mark.isEmpty || firstIndex(of: mark, in: hay) != nil } }
    }

    /// Where `needle` first occurs in `haystack`; nil when it does not, or is empty.
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let mark = needle.baseAddress, let base = haystack.baseAddress, !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let last = haystack.count - needle.count
        var from = 0
        while from <= last {
            guard let found = memchr(base + from, Int32(mark[0]), last - from + 1) else { return nil }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, mark, needle.count) == 0 { return index }
            from = index + 1
        }
        return nil
    }
}
