import MatchPlanFileSystem
import MatchPlanModel
import Mustache

/// A view model taken apart for ``CompiledTemplates``: its *shape* (everything swift-mustache's
/// output can depend on besides the text of its strings), its strings in a fixed order, and a
/// probe view in which each string is replaced by a numbered marker.
///
/// Shape (``ShapeCode``): the view's type, each boolean and integer, the length of each list, and for each
/// string whether it is empty and whether it ends with a line break (swift-mustache looks at
/// both when it indents a partial). Views are read through their synthesized `Encodable`
/// conformance (stored properties in declaration order, the names swift-mustache looks up,
/// no reflection), so two views of the same shape number their strings the same way; small
/// views list the same fields themselves (``ShapeWalkable``, checked against `Encodable` in
/// debug builds).
///
/// A view may hold strings, booleans, integers, arrays and nested structs, plus
/// ``RenderedPages``; anything else (an optional, a floating-point number) makes ``init(_:)``
/// return nil, and the view is rendered directly.
struct ViewShape {
    /// The shape, as a list of numbers; equal signatures render through the same program.
    let signature: [Int]
    /// The view's non-empty strings, numbered in visiting order (marker `i` is `strings[i]`).
    let strings: [String]
    /// Whether each string ends with a line break (its marker does too); empty for a shape made
    /// by walking (``init(walking:)``), which is never compiled from.
    let endsWithLineBreak: [Bool]
    /// The view with each non-empty string replaced by its marker, ready for swift-mustache
    /// (nil unless asked for: only a shape seen for the first time needs it).
    let probe: Any?

    /// First and last scalars of a marker; private-use code points no template or view uses
    /// (a template that prints them makes its program fail to cut, and renders directly).
    static let markerStart: Unicode.Scalar = "\u{E000}"
    static let markerEnd: Unicode.Scalar = "\u{E001}"

    /// Nested views split off this one (only when made with `splits`), in visiting order:
    /// each struct field and each non-empty list of structs, rendered through programs of their
    /// own (``SplitCompiler``), so a parent's shape does not grow with them.
    let children: [ViewChild]

    /// - Parameters:
    ///   - probe: whether to build ``probe`` too.
    ///   - splits: whether to split nested views off (``children``) instead of taking them into
    ///     this view's shape.
    init?(_ view: some Encodable, probe: Bool, splits: Bool = false) {
        let state = State(buildsProbe: probe, splits: splits)
        guard let result = Self.encode(view, into: state) else { return nil }
        signature = state.signature
        strings = state.strings
        endsWithLineBreak = state.endsWithLineBreak
        children = state.children
        self.probe = probe ? result : nil
    }

    /// Walks `view` into `state` (its type first, then its fields); the probe value, or nil
    /// when the view holds something a shape cannot stand for. Several views may be walked into
    /// one state (``SplitCompiler``): their strings and children are numbered one after another.
    static func encode(_ view: some Encodable, into state: State) -> Any? {
        state.signature.append(Int(bitPattern: ObjectIdentifier(type(of: view))))  // the view's type
        let encoder = ShapeEncoder(state: state, isView: true)
        guard (try? view.encode(to: encoder)) != nil, !state.unsupported else { return nil }
        return encoder.result
    }

    /// `view` as swift-mustache reads it (a ``TemplateValue`` of its fields, nested, with its
    /// own strings), read through `Encodable` like the shape: what ``TemplateValue/wrap(_:)``
    /// gives without reflection (profiled: `Mirror` was a fifth of a single report's time).
    /// nil when the view holds something a shape cannot stand for.
    static func values(_ view: some Encodable) -> Any? {
        encode(view, into: State(buildsProbe: true, keepsText: true))
    }

    /// Marker for string `index`: `U+E000 <index> & " U+E001`, plus the string's final line
    /// break. `&"` shows how swift-mustache escaped the slot: as is (`&"`), HTML (`&amp;&quot;`)
    /// or Markdown (`\&"`, the line break a space; ``TemplateProgram/Escaping``); any other
    /// treatment (a string printed inside a struct's or list's description, where the quote
    /// gets a backslash) leaves a marker the program cannot cut, and the view renders directly.
    static func marker(_ index: Int, endsWithLineBreak: Bool) -> String {
        "\(Character(markerStart))\(index)&\"\(Character(markerEnd))\(endsWithLineBreak ? "\n" : "")"
    }

    /// What the encoders collect while walking one view.
    final class State {
        /// Whether to build the probe view (markers, field dictionaries) or only the shape.
        let buildsProbe: Bool
        var signature: [Int] = []
        var strings: [String] = []
        var endsWithLineBreak: [Bool] = []
        /// Set when the view holds something the shape cannot stand for.
        var unsupported = false
        /// Whether the walked view's own fields split nested views off (``children``).
        let splits: Bool
        var children: [ViewChild] = []
        /// The field name of each child (probes only).
        var childKeys: [String] = []
        /// How often each child's section was rendered in a probe render, and whether a
        /// child was used as anything but a section's value (``SplitCompiler``).
        var calls: [Int] = []
        var misusedChild = false

        /// Whether the probe keeps each string's text instead of its marker (``values(_:)``).
        let keepsText: Bool

        init(buildsProbe: Bool, splits: Bool = false, keepsText: Bool = false) {
            self.buildsProbe = buildsProbe
            self.splits = splits
            self.keepsText = keepsText
            signature.reserveCapacity(32)
            strings.reserveCapacity(16)
            endsWithLineBreak.reserveCapacity(16)
        }

        func probe(_ flag: Bool) -> Any {
            append(flag ? .trueFlag : .falseFlag)
            return flag
        }

        func probe(_ number: Int) -> Any {
            append(.integer)
            signature.append(number)
            return number
        }

        /// The probe value for one leaf or nested value.
        func probe<T: Encodable>(_ value: T) -> Any? {
            // Type comparisons, not dynamic casts: a cast that fails (every nested view) was a
            // profiled hot spot of a roster.
            if T.self == String.self { return probe(unsafeBitCast(value, to: String.self)) }
            if T.self == Bool.self { return probe(unsafeBitCast(value, to: Bool.self)) }
            if T.self == Int.self { return probe(unsafeBitCast(value, to: Int.self)) }
            if T.self == RenderedPages.self {
                let pages = unsafeBitCast(value, to: RenderedPages.self)
                // Renders as its text (an empty one is null in sections); a template can also
                // print its key (`{{pages.key}}`), so both are strings of the shape.
                append(.renderedPages)
                return RenderedPages(key: probe(pages.key), text: probe(pages.text))
            }
            let encoder = ShapeEncoder(state: self)
            guard (try? value.encode(to: encoder)) != nil, let result = encoder.result else {
                unsupported = true
                return nil
            }
            return result
        }

        /// Whether the last Character of `text` is `"\n"` (not `"\r\n"`, one Character), read
        /// from its bytes: a line feed always ends a Character, so no grapheme breaking is needed.
        static func endsWithLineFeed(_ text: String) -> Bool {
            // The last two bytes, read from contiguous storage (`utf8.last` walks indices:
            // profiled at a hundredth of a roster's time).
            if let result = text.utf8.withContiguousStorageIfAvailable({ bytes in
                bytes.last == 0x0A && (bytes.count == 1 || bytes[bytes.count - 2] != 0x0D)
            }) { return result }
            let utf8 = text.utf8
            guard utf8.last == 0x0A else { return false }
            return utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] != 0x0D
        }

        func probe(_ text: String) -> String {
            guard !text.isEmpty else {
                append(.emptyString)
                return text
            }
            let lineBreak = Self.endsWithLineFeed(text)
            append(lineBreak ? .stringEndingWithLineBreak : .string)
            strings.append(text)
            endsWithLineBreak.append(lineBreak)
            guard buildsProbe else { return "" }
            return keepsText ? text : ViewShape.marker(strings.count - 1, endsWithLineBreak: lineBreak)
        }

        /// A field of the walked view itself, in a view that splits: a struct, or a list of
        /// structs, becomes a child (``ShapeCode/splitView``, ``ShapeCode/splitList``) and, in
        /// a probe, a lambda that prints the child's call marker where a section renders it.
        /// nil for anything else (walked as before). An empty list stays in the shape.
        func split<T: Encodable>(_ value: T, key: String) -> Any? {
            if T.self == String.self || T.self == Bool.self || T.self == Int.self || T.self == Double.self || T.self == Float.self
                || T.self == RenderedPages.self {
                return nil
            }
            let child: ViewChild
            if let list = value as? any ViewList {
                guard list.holdsViews else { return nil }
                let views = list.views
                guard !views.isEmpty else {
                    append(.listStart)
                    append(.listEnd)
                    return [Any]()
                }
                child = .list(views)
                append(.splitList)
            } else {
                child = .view(value)
                append(.splitView)
            }
            let id = children.count
            children.append(child)
            guard buildsProbe else { return true }
            childKeys.append(key)
            return MustacheLambda { [self] sectionText in
                // A section passes its text; a variable or a dotted name passes "".
                if sectionText.isEmpty { misusedChild = true }
                while calls.count <= id { calls.append(0) }
                calls[id] += 1
                return CallMarker(id: id)
            }
        }
    }
}

/// A nested view split off its parent (``ViewShape/children``).
enum ViewChild {
    /// A struct: a section over it renders it once.
    case view(any Encodable)
    /// A non-empty list of structs: a section renders each.
    case list([any Encodable])
    /// A struct that walks itself (``ShapeWalkable``), known so when it was split off: no
    /// dynamic cast per view to find out (profiled: a twentieth of a roster's time).
    case walkingView(any ShapeWalkable)
    /// A non-empty list of structs that walk themselves, kept as the typed list (no box per
    /// element: a view is boxed only when a compile needs it).
    case walkingList(any WalkingViews)

    /// How many views a section over this child renders.
    var count: Int {
        switch self {
        case .view, .walkingView: 1
        case .list(let views): views.count
        case .walkingList(let views): views.count
        }
    }

    /// View `index`, walked; nil when it holds something a shape cannot stand for.
    func walked(at index: Int) -> WalkedView? {
        switch self {
        case .view(let view): WalkedView(view)
        case .list(let views): WalkedView(views[index])
        case .walkingView(let view): WalkedView(view, walkable: view)
        case .walkingList(let views): views.walked(at: index)
        }
    }

    var views: [any Encodable] {
        switch self {
        case .view(let view): [view]
        case .list(let views): views
        case .walkingView(let view): [view]
        case .walkingList(let views): (0..<views.count).map(views.element(at:))
        }
    }

    var isList: Bool {
        switch self {
        case .list, .walkingList: true
        case .view, .walkingView: false
        }
    }
}

/// A list of views that walk themselves, its element type erased once for the whole list.
protocol WalkingViews {
    var count: Int { get }
    /// Element `index`, boxed (for a compile, which renders it).
    func element(at index: Int) -> any Encodable
    /// Element `index`, walked (statically: no box, no cast).
    func walked(at index: Int) -> WalkedView
}

struct WalkingList<View: ShapeWalkable>: WalkingViews {
    let views: [View]
    var count: Int { views.count }
    func element(at index: Int) -> any Encodable { views[index] }
    func walked(at index: Int) -> WalkedView { WalkedView(walking: views[index], element: .init(list: self, index: index)) }
}

/// What a child's lambda prints in a probe render: `U+E002 <id> U+E003`, where its section's
/// output goes (``TemplateProgram/Piece/call(_:)``).
struct CallMarker: CustomStringConvertible {
    let id: Int
    var description: String { "\u{E002}\(id)\u{E003}" }
}

/// A list a view may hold; lists of structs are split off (``ViewShape/State/split(_:key:)``).
protocol ViewList {
    /// Whether the elements are views (structs), not strings, flags, numbers or lists.
    var holdsViews: Bool { get }
    var views: [any Encodable] { get }
}

extension Array: ViewList where Element: Encodable {
    var holdsViews: Bool {
        !(Element.self == String.self || Element.self == Bool.self || Element.self == Int.self || Element.self == Double.self
          || Element.self == Float.self || Element.self == RenderedPages.self || Element.self is any ViewList.Type)
    }
    var views: [any Encodable] { map { $0 } }
}
