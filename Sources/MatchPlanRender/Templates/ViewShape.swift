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
/// no reflection), so two views of the same shape number their strings the same way.
///
/// A view may hold strings, booleans, integers, arrays and nested structs, plus
/// ``RenderedPages``; anything else (an optional, a floating-point number) makes ``init(_:)``
/// return nil, and the view is rendered directly.
struct ViewShape {
    /// The shape, as a list of numbers; equal signatures render through the same program.
    let signature: [Int]
    /// The view's non-empty strings, numbered in visiting order (marker `i` is `strings[i]`).
    let strings: [String]
    /// Whether each string ends with a line break (its marker does too).
    let endsWithLineBreak: [Bool]
    /// The view with each non-empty string replaced by its marker, ready for swift-mustache
    /// (nil unless asked for: only a shape seen for the first time needs it).
    let probe: Any?

    /// First and last scalars of a marker; private-use code points no template or view uses
    /// (a template that prints them makes its program fail to cut, and renders directly).
    static let markerStart: Unicode.Scalar = "\u{E000}"
    static let markerEnd: Unicode.Scalar = "\u{E001}"

    /// - Parameter probe: whether to build ``probe`` too.
    init?(_ view: some Encodable, probe: Bool) {
        let state = State(buildsProbe: probe)
        state.signature.append(Int(bitPattern: ObjectIdentifier(type(of: view))))  // the view's type
        let encoder = ShapeEncoder(state: state)
        guard (try? view.encode(to: encoder)) != nil, !state.unsupported else { return nil }
        signature = state.signature
        strings = state.strings
        endsWithLineBreak = state.endsWithLineBreak
        self.probe = probe ? encoder.result : nil
    }

    /// Marker for string `index`: `U+E000 <index> & " U+E001`, plus the string's final line
    /// break. `&"` shows whether swift-mustache HTML-escaped the slot (`&amp;&quot;`); any other
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

        init(buildsProbe: Bool) {
            self.buildsProbe = buildsProbe
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
            switch value {
            case let text as String:
                return probe(text)
            case let flag as Bool:
                return probe(flag)
            case let number as Int:
                return probe(number)
            case let pages as RenderedPages:
                // Renders as its text (an empty one is null in sections); a template can also
                // print its key (`{{pages.key}}`), so both are strings of the shape.
                append(.renderedPages)
                return RenderedPages(key: probe(pages.key), text: probe(pages.text))
            default:
                let encoder = ShapeEncoder(state: self)
                guard (try? value.encode(to: encoder)) != nil, let result = encoder.result else {
                    unsupported = true
                    return nil
                }
                return result
            }
        }

        func probe(_ text: String) -> String {
            guard !text.isEmpty else {
                append(.emptyString)
                return text
            }
            let lineBreak = text.last == "\n"
            append(lineBreak ? .stringEndingWithLineBreak : .string)
            strings.append(text)
            endsWithLineBreak.append(lineBreak)
            return buildsProbe ? ViewShape.marker(strings.count - 1, endsWithLineBreak: lineBreak) : ""
        }
    }
}
