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
///
/// A template whose partials never indent (``splittable(_:)``) compiles as a tree
/// (``SplitProgram``): a view's nested structs and lists of structs are split off, each
/// compiled per its own shape, so a layout that includes its partials over one view of a whole
/// report reuses its programs across students. Otherwise, or when a tree cannot be cut, the
/// whole view is compiled per its whole shape.
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

    private enum TreeEntry {
        case seenOnce
        /// nil when the tree could not be cut (the view renders as a whole).
        case compiled(SplitProgram?)
    }

    private var programs: [Key: Entry] = [:]
    /// Root programs of trees, keyed by the root's shape without its children.
    private var trees: [Key: TreeEntry] = [:]
    /// Templates compiled as trees.
    let splitting: Set<String>
    private let lock = NSLock()

    init(library: MustacheLibrary, enabled: Bool, splitting: Set<String> = [], capacity: Int = 4096) {
        self.library = library
        self.enabled = enabled
        self.splitting = splitting
        self.capacity = capacity
    }

    /// `view` rendered with `template`; nil when no such template is loaded.
    ///
    /// A shape is compiled the second time it is seen: compiling costs about one direct render,
    /// so a shape used once (every shape of a single report) is simply rendered directly.
    /// - Parameter memo: keeps the view's walked form for the next template that renders it.
    func render(_ view: Any, template: String, memo: RenderMemo? = nil) -> String? {
        guard enabled, let encodable = view as? any Encodable else {
            return library.render(TemplateValue.wrap(view), withTemplate: template)
        }
        if splitting.contains(template), let output = renderTree(encodable, template: template, memo: memo) { return output }
        guard let shape = ViewShape(encodable, probe: false) else {
            return library.render(Self.values(encodable), withTemplate: template)
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
            return program?.run(shape.strings) ?? library.render(Self.values(encodable), withTemplate: template)
        case .compiled(nil)?, nil:
            return library.render(Self.values(encodable), withTemplate: template)
        }
    }

    /// `view` for swift-mustache to render directly: read through `Encodable`
    /// (``ViewShape/values(_:)``), or reflected when it holds something else.
    static func values(_ view: any Encodable) -> Any {
        ViewShape.values(view) ?? TemplateValue.wrap(view)
    }

    /// Trees compiled so far, and trees that could not be cut (for tests).
    var treeCounts: (compiled: Int, failed: Int) {
        lock.lock()
        defer { lock.unlock() }
        var compiled = 0, failed = 0
        for entry in trees.values {
            if case .compiled(let program) = entry { if program == nil { failed += 1 } else { compiled += 1 } }
        }
        return (compiled, failed)
    }

    /// `view` rendered through its tree of programs; nil to render it as a whole view instead.
    /// The root's shape is compiled the second time it is seen (the first renders directly);
    /// a child's shape is compiled the first time (its root's shape has been seen before).
    private func renderTree(_ view: any Encodable, template: String, memo: RenderMemo?) -> String? {
        guard let root = memo?.root ?? WalkedView(view) else { return nil }
        memo?.root = root
        let key = Key(template: template, signature: root.shape.signature)
        lock.lock()
        let entry = trees[key]
        if entry == nil {
            if trees.count >= capacity { trees.removeAll(keepingCapacity: true) }
            trees[key] = .seenOnce
        }
        lock.unlock()
        let program: SplitProgram
        var path = [SplitCompiler.Step(walked: root, child: 0)]
        switch entry {
        case nil:
            return library.render(Self.values(view), withTemplate: template)
        case .compiled(nil)?:
            return nil
        case .compiled(let known?)?:
            program = known
        case .seenOnce?:
            let made = SplitCompiler.compile(path, template: template, library: library)
            lock.lock()
            trees[key] = .compiled(made)
            lock.unlock()
            guard let made else { return nil }
            program = made
        }
        var output = ""
        output.reserveCapacity(program.program.literalBytes * 2)
        guard run(program, root, path: &path, template: template, into: &output) else {
            lock.lock()
            trees[key] = .compiled(nil)  // a child could not be cut: whole views from now on
            lock.unlock()
            return nil
        }
        return output
    }

    /// Appends the output of `program` for the view `walked` (the last of `path`) and its children.
    private func run(_ program: SplitProgram, _ walked: WalkedView, path: inout [SplitCompiler.Step], template: String,
                     into output: inout String) -> Bool {
        program.program.run(walked.shape.strings, into: &output) { child, output in
            let site = program.sites[child]
            guard let views = walked.children(child) else { return false }
            for view in views {
                guard renderChild(view, child: child, site: site, path: &path, template: template, into: &output) else { return false }
            }
            return true
        }
    }

    /// Appends the output of `walked`, child `child` of the last view of `path`, through its
    /// program at `site` (compiled the first time its shape is seen there).
    private func renderChild(_ walked: WalkedView, child: Int, site: SplitProgram.Site, path: inout [SplitCompiler.Step],
                             template: String, into output: inout String) -> Bool {
        path.append(SplitCompiler.Step(walked: walked, child: child))
        defer { path.removeLast() }
        let childProgram: SplitProgram
        if let known = site.program(for: walked.key) {
            childProgram = known
        } else {
            guard let made = SplitCompiler.compile(path, template: template, library: library, site: site) else { return false }
            site.store(made, for: walked.key)
            childProgram = made
        }
        return run(childProgram, walked, path: &path, template: template, into: &output)
    }

    /// The templates that may compile as trees: those from which no partial is reached that
    /// swift-mustache indents (a partial tag with spaces or tabs before it on its line), and no
    /// parent or block (`{{<name}}`, `{{$name}}`), whose overrides travel with the context.
    /// - Parameter texts: template name → text.
    static func splittable(_ texts: [String: String]) -> Set<String> {
        var unsafe: Set<String> = [], edges: [String: [String]] = [:]
        for (name, text) in texts {
            for tag in TemplateTag.tags(in: text) {
                let kind = tag.content.first
                if kind == "<" || kind == "$" || (kind == ">" && tag.startsIndented) { unsafe.insert(name) }
            }
            edges[name] = TemplateSet.references(in: text).map(\.name)
        }
        var result: Set<String> = []
        for name in texts.keys {
            var seen: Set<String> = [name], queue = [name], safe = true
            while let next = queue.popLast() {
                if unsafe.contains(next) { safe = false; break }
                for reference in edges[next] ?? [] where seen.insert(reference).inserted { queue.append(reference) }
            }
            if safe { result.insert(name) }
        }
        return result
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
