import Foundation
import MatchPlanModel

/// Lists the files of a templates folder without skipping anything silently: a symbolic link
/// to a folder (`partials -> elsewhere`), a broken or looping link, and a file that looks like
/// a template but lacks `.mustache` (`partials/glance.html`) are errors naming the file, where
/// a plain listing would leave them out and the built-in template would be used unannounced.
enum TemplateFiles {
    /// Relative paths below `folder`, sorted: `templates` end in `.mustache`, `others` do not.
    /// Hidden entries (`.git`, `.DS_Store`) are skipped.
    /// - Throws: ``MatchPlanError`` `.data` for a link to a folder or a broken or looping link.
    static func list(under folder: String) throws -> (templates: [String], others: [String]) {
        var templates: [String] = [], others: [String] = []
        try walk(folder, relative: "", templates: &templates, others: &others)
        return (templates.sorted(), others.sorted())
    }

    private static func walk(_ folder: String, relative: String, templates: inout [String], others: inout [String]) throws {
        let here = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: here)) ?? []).sorted()
        for name in names where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name)
            let full = (folder as NSString).appendingPathComponent(path)
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            var kind = info.st_mode & S_IFMT
            if kind == S_IFLNK {
                var target = stat()
                guard stat(full, &target) == 0 else {
                    throw MatchPlanError(.data, file: full, "broken or looping symbolic link; expected a template file")
                }
                kind = target.st_mode & S_IFMT
                if kind == S_IFDIR {
                    throw MatchPlanError(.data, file: full, "is a symbolic link to a folder; templates are read only from real folders, so copy the files into \(folder)/\(path) instead")
                }
            }
            if kind == S_IFDIR {
                try walk(folder, relative: path, templates: &templates, others: &others)
            } else if name.hasSuffix(".mustache") {
                templates.append(path)
            } else {
                others.append(path)
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
