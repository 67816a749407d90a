import MatchPlanFileSystem
import MatchPlanModel
import Mustache

/// A view model flattened for swift-mustache: a dictionary lookup per variable instead of a
/// `Mirror` walk over every stored property per lookup (which profiling showed to be 60% of a
/// report's render time).
///
/// ``wrap(_:)`` reflects each struct once, recursively; arrays and dictionaries keep their order
/// and values. View models hold no optionals (see ``ReportView``), so nothing renders as "nil".
struct TemplateValue: MustacheParent {
    var fields: [String: Any]
    /// Set on the probe of a view being compiled as a program of its own
    /// (``SplitCompiler``): records a name the view lacks, which swift-mustache would then look
    /// up in the views around it, so the view's output would not depend on its shape alone.
    var watch: Watch? = nil

    /// See ``watch``.
    final class Watch: @unchecked Sendable {
        var missed = false
    }

    func child(named name: String) -> Any? {
        if let value = fields[name] { return value }
        watch?.missed = true
        return nil
    }

    /// Strings, numbers, booleans and custom renderables pass through; structs become ``TemplateValue``s; arrays are
    /// wrapped element by element; an already wrapped value is returned as is.
    static func wrap(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is TemplateValue, is MustacheCustomRenderable:
            return value
        case let array as [Any]:
            return array.map(wrap)
        case let dictionary as [String: Any]:
            return TemplateValue(fields: dictionary.mapValues(wrap))
        default:
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .struct else { return value }
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label { fields[label] = wrap(child.value) }
            }
            return TemplateValue(fields: fields)
        }
    }
}
