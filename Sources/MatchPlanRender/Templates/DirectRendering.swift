import Foundation

extension TemplateSet {
    /// The debugging switch of the compiled-template layer: with the environment variable
    /// `MATCHPLAN_RENDER_DIRECTLY=1`, every template set renders every view through
    /// swift-mustache directly (no compiled programs). The bytes are the same, only slower; use
    /// it to tell whether a rendering problem is in a template or in the compiled layer. Read
    /// once per process. Tests use ``renderingDirectly()`` instead.
    static let rendersDirectly = ProcessInfo.processInfo.environment["MATCHPLAN_RENDER_DIRECTLY"] == "1"
}
