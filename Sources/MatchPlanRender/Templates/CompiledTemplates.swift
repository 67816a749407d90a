import Foundation
import MatchPlanFileSystem
import MatchPlanModel
import Mustache

/// Renders views with a template set, each template compiled once per view shape.
///
/// swift-mustache resolves every `{{name}}` by walking the context stack with dynamic casts and
/// escapes text one Character at a time; profiling a roster showed that to be most of its CPU
/// time (about 3 µs per variable). So the first view of each shape (``ViewShape``) is rendered by
/// swift-mustache with markers in place of its strings, and the output is kept as a
/// ``TemplateProgram``; every later view of that shape is its program run with the view's
/// strings. The templates stay ordinary Mustache that a school can override, and swift-mustache
/// still decides every section, partial, inheritance block and escape.
///
/// Sound only where swift-mustache does nothing with a string but print it, so a template set
/// that could do more is rendered directly throughout (``isCompilable(_:)``); so is a view that
/// is not plain structs, strings, booleans, integers and arrays, or whose program could not be
/// cut. View models opt in by being `Encodable` (``ViewShape``). Thread-safe.
final class CompiledTemplates: @unchecked Sendable {
    private struct Key: Hashable {
        var template: String
        var signature: [Int]
    }

    let library: MustacheLibrary
    /// False: every render goes straight to swift-mustache.
    let enabled: Bool
    /// Compiled shapes kept at once; shapes are few (booleans and list lengths), this only
    /// bounds memory against unusual views.
    let capacity: Int
    private enum Entry {
        /// Rendered directly once so far.
        case seenOnce
        /// nil when the program could not be cut (rendered directly).
        case compiled(TemplateProgram?)
    }

    private var programs: [Key: Entry] = [:]
    private let lock = NSLock()

    init(library: MustacheLibrary, enabled: Bool, capacity: Int = 4096) {
        self.library = library
        self.enabled = enabled
        self.capacity = capacity
    }

    /// `view` rendered with `template`; nil when no such template is loaded.
    ///
    /// A shape is compiled the second time it is seen: compiling costs about one direct render,
    /// so a shape used once (every shape of a single report) is simply rendered directly.
    func render(_ view: Any, template: String) -> String? {
        guard enabled, let encodable = view as? any Encodable, let shape = ViewShape(encodable, probe: false) else {
            return library.render(TemplateValue.wrap(view), withTemplate: template)
        }
        let key = Key(template: template, signature: shape.signature)
        lock.lock()
        let entry = programs[key]
        if entry == nil {
            if programs.count >= capacity { programs.removeAll(keepingCapacity: true) }
            programs[key] = .seenOnce
        }
        lock.unlock()
        switch entry {
        case .compiled(let program?)?:
            return program.run(shape.strings)
        case .seenOnce?:
            guard let probe = ViewShape(encodable, probe: true)?.probe,
                  let output = library.render(probe, withTemplate: template) else { return nil }
            let program = TemplateProgram(output: output, endsWithLineBreak: shape.endsWithLineBreak)
            lock.lock()
            programs[key] = .compiled(program)
            lock.unlock()
            return program?.run(shape.strings) ?? library.render(TemplateValue.wrap(view), withTemplate: template)
        case .compiled(nil)?, nil:
            return library.render(TemplateValue.wrap(view), withTemplate: template)
        }
    }

    /// Whether templates with these texts only ever print strings: no transforms
    /// (`{{uppercased(x)}}`, `{{#empty(x)}}` and `sorted` depend on a string's text), no
    /// dynamic partials (`{{>*name}}` looks a string up as a template name), no delimiter
    /// changes (which would hide tags from this check), and no carriage returns (a CR before a
    /// value starting with LF would change how swift-mustache indents a partial).
    static func isCompilable(_ texts: some Sequence<String>) -> Bool {
        for text in texts {
            if text.utf8.contains(0x0D) { return false }
            for tag in TemplateTag.tags(in: text) {
                let content = tag.content.drop { $0 == "{" || $0 == " " }
                if content.hasPrefix("=") || content.utf8.contains(0x28) { return false }  // "("
                if content.hasPrefix(">") && content.dropFirst().drop(while: { $0 == " " }).hasPrefix("*") { return false }
            }
        }
        return true
    }
}
