import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Lists the files of a templates folder without skipping anything silently: a symbolic link
/// to a folder (`partials -> elsewhere`), a broken or looping link, and a file that looks like
/// a template but lacks `.mustache` (`partials/glance.html`) are errors naming the file, where
/// a plain listing would leave them out and the built-in template would be used unannounced.
enum TemplateFiles {
    /// Relative paths below `folder`, sorted: `templates` end in `.mustache`, `others` do not.
    /// Hidden entries (`.git`, `.DS_Store`) are skipped. Listed through `io`.
    /// - Throws: ``MatchPlanError`` `.data` for a link to a folder or a broken or looping link.
    static func list(under folder: String, io: FileIO = .disk) throws -> (templates: [String], others: [String]) {
        var templates: [String] = [], others: [String] = []
        try walk(folder, relative: "", io: io, templates: &templates, others: &others)
        return (templates.sorted(), others.sorted())
    }

    private static func walk(_ folder: String, relative: String, io: FileIO, templates: inout [String], others: inout [String]) throws {
        let here = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
        for name in io.names(here).sorted() where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name)
            let full = (folder as NSString).appendingPathComponent(path)
            switch io.entry(full) {
            case nil:
                continue
            case .brokenLink?:
                throw MatchPlanError(.data, file: full, "broken or looping symbolic link; expected a template file")
            case .linkToFolder?:
                throw MatchPlanError(.data, file: full, "is a symbolic link to a folder; templates are read only from real folders, so copy the files into \(folder)/\(path) instead")
            case .folder?:
                try walk(folder, relative: path, io: io, templates: &templates, others: &others)
            case .file?:
                if name.hasSuffix(".mustache") { templates.append(path) } else { others.append(path) }
            }
        }
    }

    /// Refuses a file in an override folder named like a known template without `.mustache`.
    /// - Throws: ``MatchPlanError`` `.data` saying how to rename it.
    static func requireExtension(_ others: [String], in folder: String, known: Set<String>) throws {
        for other in others where known.contains(other) {
            throw MatchPlanError(.data, file: (folder as NSString).appendingPathComponent(other),
                                 "is not read as a template: template files end in .mustache; rename it to \((other as NSString).lastPathComponent).mustache")
        }
    }
}
