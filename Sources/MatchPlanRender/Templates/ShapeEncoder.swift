import MatchPlanFileSystem
import MatchPlanModel

/// The `Encoder` that walks a view for ``ViewShape``: a struct becomes a ``TemplateValue`` of
/// its fields, an array a list of element probes, each leaf goes through
/// ``ViewShape/State/probe(_:)-(T)``. Single values, `nil`s and floating-point numbers are not
/// view fields and mark the view unsupported.
final class ShapeEncoder: Encoder {
    let state: ViewShape.State
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private var fields: Fields?
    private var elements: Elements?
    /// Whether this encoder walks the view itself (whose fields may split off children), not a
    /// value nested in it.
    private let isView: Bool

    init(state: ViewShape.State, isView: Bool = false) {
        self.state = state
        self.isView = isView
    }

    /// The probe for what was encoded: a ``TemplateValue`` or an array.
    var result: Any? {
        if let fields { return TemplateValue(fields: fields.values) }
        if let elements {
            state.append(.listEnd)
            return elements.values
        }
        return nil
    }

    final class Fields { var values: [String: Any] = [:] }
    final class Elements { var values: [Any] = []; var count = 0 }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if fields == nil { fields = Fields() }
        return KeyedEncodingContainer(Keyed<Key>(state: state, fields: fields!, splits: isView && state.splits))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if elements == nil {
            elements = Elements()
            state.append(.listStart)
        }
        return Unkeyed(state: state, elements: elements!)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        state.unsupported = true
        return Unsupported()
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let state: ViewShape.State
        let fields: Fields
        /// Whether nested views split off (``ViewShape/State/split(_:key:)``).
        var splits = false
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws { state.unsupported = true }
        // The three leaf types views hold, without a dynamic cast each.
        mutating func encode(_ value: String, forKey key: Key) throws { store(state.probe(value), key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { store(state.probe(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { store(state.probe(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if splits, let probe = state.split(value, key: key.stringValue) {
                store(probe, key)
                return
            }
            guard T.self != Double.self, T.self != Float.self, let probe = state.probe(value) else {
                state.unsupported = true
                return
            }
            store(probe, key)
        }
        private func store(_ probe: Any, _ key: Key) {
            if state.buildsProbe { fields.values[key.stringValue] = probe }
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            guard let value else { state.unsupported = true; return }
            try encode(value, forKey: key)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            state.unsupported = true
            return KeyedEncodingContainer(Keyed<NestedKey>(state: state, fields: Fields()))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            state.unsupported = true
            return Unkeyed(state: state, elements: Elements())
        }
        mutating func superEncoder() -> any Encoder { state.unsupported = true; return ShapeEncoder(state: state) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let state: ViewShape.State
        let elements: Elements
        var codingPath: [any CodingKey] = []
        var count: Int { elements.count }

        mutating func encodeNil() throws { state.unsupported = true }
        mutating func encode<T: Encodable>(_ value: T) throws {
            guard T.self != Double.self, T.self != Float.self, let probe = state.probe(value) else {
                state.unsupported = true
                return
            }
            elements.count += 1
            if state.buildsProbe { elements.values.append(probe) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            state.unsupported = true
            return KeyedEncodingContainer(Keyed<NestedKey>(state: state, fields: Fields()))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            state.unsupported = true
            return Unkeyed(state: state, elements: Elements())
        }
        mutating func superEncoder() -> any Encoder { state.unsupported = true; return ShapeEncoder(state: state) }
    }

    struct Unsupported: SingleValueEncodingContainer {
        var codingPath: [any CodingKey] = []
        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws {}
    }
}
