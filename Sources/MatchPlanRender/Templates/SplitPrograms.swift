import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Mustache

/// A view's compiled program in a tree of programs: its own text and strings, and for each
/// child it splits off (``ViewShape/children``) a site holding the programs of that child's
/// views, one per child shape.
///
/// This keeps a composed layout fast: a whole report's shape (every list's length, every item's
/// flags) is nearly unique per student, but the shape of the report without its children, and
/// of each checklist item, guidance page or section on its own, repeats across students. A
/// program belongs to one place in its parent's program (its call site), so what surrounds it
/// there (content type, the enclosing views) is the same for every view it runs.
final class SplitProgram: @unchecked Sendable {
    let program: TemplateProgram
    /// One per child of the view (``TemplateProgram/Piece/call(_:)`` indexes them).
    let sites: [Site]

    init(_ program: TemplateProgram, children: Int) {
        self.program = program
        self.sites = (0..<children).map { _ in Site() }
    }

    /// The programs of one child's views, by shape. Thread-safe.
    final class Site: @unchecked Sendable {
        private var programs: [ShapeKey: SplitProgram] = [:]
        private let lock = NSLock()
        /// Most programs kept per site; starts over when full.
        static let capacity = 4096

        func program(for signature: ShapeKey) -> SplitProgram? {
            lock.lock()
            defer { lock.unlock() }
            return programs[signature]
        }

        func store(_ program: SplitProgram, for signature: ShapeKey) {
            lock.lock()
            defer { lock.unlock() }
            if programs.count >= Self.capacity { programs.removeAll(keepingCapacity: true) }
            programs[signature] = program
        }

        /// The root's probe rendered with this site's call marker in place of its child, as
        /// UTF-8 before and after the marker (``SplitCompiler``): the same for every view
        /// compiled here (the views on the path above have the shapes of the programs above),
        /// so rendered once per site.
        var outer: SplitCompiler.Outer? {
            get { lock.lock(); defer { lock.unlock() }; return storedOuter }
            set { lock.lock(); defer { lock.unlock() }; storedOuter = newValue }
        }
        private var storedOuter: SplitCompiler.Outer?
    }
}

/// Compiles one view of a tree of views into a ``SplitProgram``, with swift-mustache deciding
/// every byte: the root view with its children replaced by lambdas that print call markers
/// (``CallMarker``) is rendered, and cut at its string and call markers. A child's view is
/// compiled by rendering the root again, with that one view in its place (and its own children
/// as markers), and taking what it added where its parent's call marker was.
///
/// Sound when: a section over a child only ever renders the child (a variable, a dotted name
/// or an empty section over it makes the compile fail); a child's section appears once in its
/// parent's program; a view's output depends on its own shape only (a name it lacks, looked up
/// in the views around it, makes the compile fail, ``TemplateValue/watch``); and no partial
/// indents its output (``CompiledTemplates/splittable(_:)``), so a section's output is the
/// concatenation of its views' outputs. A failed compile renders the root as a whole view.
enum SplitCompiler {
    /// One view on the path from the root: the view, and which child of its parent it belongs
    /// to (ignored for the root).
    struct Step {
        /// The view, walked (boxed only when a compile reads ``view``).
        let walked: WalkedView
        let child: Int
        var view: any Encodable { walked.view }
    }

    /// The program of the last view of `path` (the first is the root view), or nil.
    /// - Parameter site: where the program will be stored (nil for the root): keeps the
    ///   render of the view's parent (``SplitProgram/Site/outer``), the same for every view there.
    static func compile(_ path: [Step], template: String, library: MustacheLibrary, site: SplitProgram.Site? = nil) -> SplitProgram? {
        let state = ViewShape.State(buildsProbe: true, splits: true)
        var probes: [TemplateValue] = []
        var strings: [Range<Int>] = [], children: [Range<Int>] = []
        for step in path {
            let firstString = state.strings.count, firstChild = state.children.count
            guard let probe = ViewShape.encode(step.view, into: state) as? TemplateValue else { return nil }
            probes.append(probe)
            strings.append(firstString..<state.strings.count)
            children.append(firstChild..<state.children.count)
        }
        let target = path.count - 1
        let watch = TemplateValue.Watch()
        probes[target].watch = watch
        /// The root's probe with the views of the path down to `last` in their places.
        func assembled(downTo last: Int) -> Any {
            var value: Any = probes[last]
            for level in stride(from: last, to: 0, by: -1) {
                let id = children[level - 1].lowerBound + path[level].child
                var parent = probes[level - 1]
                parent.fields[state.childKeys[id]] = state.children[id].isList ? [value] : value
                value = parent
            }
            return value
        }
        func render(downTo last: Int) -> String? {
            state.calls = []
            guard let output = library.render(assembled(downTo: last), withTemplate: template), !state.misusedChild else { return nil }
            return output
        }
        guard var output = render(downTo: target), !watch.missed,
              children[target].allSatisfy({ $0 >= state.calls.count || state.calls[$0] <= 1 }) else { return nil }
        if target > 0 {
            let call = children[target - 1].lowerBound + path[target].child
            let outer: Outer
            if let known = site?.outer {
                outer = known
            } else {
                guard let rendered = render(downTo: target - 1), state.calls.count > call, state.calls[call] == 1,
                      let split = Outer(rendered, marker: CallMarker(id: call).description) else { return nil }
                outer = split
                site?.outer = outer
            }
            guard let cut = outer.cut(output) else { return nil }
            output = cut
        }
        guard let program = TemplateProgram(output: output, strings: strings[target], endsWithLineBreak: state.endsWithLineBreak,
                                            children: children[target]) else { return nil }
        return SplitProgram(program, children: children[target].count)
    }

    /// A parent's render split at a child's call marker (which must appear in it).
    struct Outer: Sendable {
        let before: [UInt8]
        let after: [UInt8]

        init?(_ outer: String, marker: String) {
            let bytes = Array(outer.utf8), mark = Array(marker.utf8)
            guard let start = Self.firstIndex(of: mark, in: bytes) else { return nil }
            before = Array(bytes[..<start])
            after = Array(bytes[(start + mark.count)...])
        }

        /// Where `needle` first occurs in `haystack` (``TextSearch``: a render of a whole report is
        /// some 100 KB, searched at every site's first compile).
        static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
            haystack.withUnsafeBufferPointer { hay in needle.withUnsafeBufferPointer { TextSearch.firstIndex(of: $0, in: hay) } }
        }

        /// What `full` holds where the parent held the marker: `full` must be the same text
        /// before and after. Compared as UTF-8 bytes (memcmp).
        func cut(_ full: String) -> String? {
            var full = full
            return full.withUTF8 { whole -> String? in
                guard whole.count >= before.count + after.count else { return nil }
                let base = whole.baseAddress
                func same(_ bytes: [UInt8], at offset: Int) -> Bool {
                    bytes.isEmpty || bytes.withUnsafeBufferPointer { memcmp(base! + offset, $0.baseAddress!, $0.count) == 0 }
                }
                guard same(before, at: 0), same(after, at: whole.count - after.count) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: whole[before.count..<(whole.count - after.count)]), as: UTF8.self)
            }
        }
    }
}

/// A shape signature as a dictionary key, its hash worked out once (a view's key is looked up
/// at a site in every format it renders in; hashing the whole signature each time was most of
/// a lookup). Equal keys have equal signatures.
struct ShapeKey: Hashable {
    let signature: [Int]
    private let hash: Int

    init(_ signature: [Int]) {
        self.signature = signature
        // FNV-1a over the numbers; the dictionary's own seeded hasher mixes the result.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in signature { hash = (hash ^ UInt64(bitPattern: Int64(value))) &* 0x100_0000_01b3 }
        self.hash = Int(bitPattern: UInt(hash))
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    static func == (a: ShapeKey, b: ShapeKey) -> Bool { a.hash == b.hash && a.signature == b.signature }
}
