import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Files a school page links to (images, PDFs): found in the page's Markdown (inline links and
/// images `[..](target)`, `![..](target)`, and reference definitions `[id]: target`), read as
/// regular files inside the school's pages folder (``SafeFile``), and published at the same
/// relative path beside the page, so the link stays as written. Links with a scheme
/// (`https:`, `mailto:`), absolute paths, fragments and links to `.html` pages are left alone.
public enum SchoolPageFiles {
    /// Largest linked file, in bytes (20 MiB).
    public static let maximumBytes = 20 * 1024 * 1024

    /// The local targets in a page's Markdown, with their 1-based line in the file.
    /// - Parameter firstLine: the file line the body starts on.
    static func localTargets(in body: String, firstLine: Int) -> [(line: Int, target: String)] {
        var found: [(Int, String)] = []
        let inline = try! NSRegularExpression(pattern: #"\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)"#)
        let reference = try! NSRegularExpression(pattern: #"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?"#)
        var inFence = false
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            if text.trimmingCharacters(in: .whitespaces).hasPrefix("```") || text.trimmingCharacters(in: .whitespaces).hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in inline.matches(in: text, range: range) + reference.matches(in: text, range: range) {
                guard let r = Range(match.range(at: 1), in: text) else { continue }
                let target = String(text[r])
                if isLocal(target) { found.append((firstLine + index, target)) }
            }
        }
        return found
    }

    static func isLocal(_ target: String) -> Bool {
        if target.hasPrefix("#") || target.hasPrefix("/") || target.hasPrefix("?") { return false }
        let beforeSlash = target.split(separator: "/", maxSplits: 1).first.map(String.init) ?? target
        if beforeSlash.contains(":") { return false }  // a scheme: https:, mailto:, data:
        let path = filePart(target)
        return !path.isEmpty && !path.lowercased().hasSuffix(".html")
    }

    /// The target without `#fragment` or `?query`, percent-decoded.
    static func filePart(_ target: String) -> String {
        let path = String(target.split(whereSeparator: { $0 == "#" || $0 == "?" }).first ?? "")
        return path.removingPercentEncoding ?? path
    }

    /// Reads every file the page links to.
    /// - Parameters:
    ///   - source: the page's full text (for line numbers); `body` its Markdown after the front matter.
    ///   - folder: the school's pages folder; every file must be a regular file inside it.
    ///   - reserved: output paths the site already uses.
    /// - Returns: output path (relative, as linked) → bytes.
    /// - Throws: ``MatchPlanError`` naming the page, line and target: `.noInput` for a missing
    ///   file, `.data` for a path leading out of the folder, a folder, a device or an oversize file.
    ///   - io: how the files are read.
    static func read(page path: String, body: String, firstLine: Int, folder: String, reserved: Set<String>, io: FileIO) throws -> [SchoolPage.LinkedFile] {
        var files: [SchoolPage.LinkedFile] = []
        let pageFolder = (path as NSString).deletingLastPathComponent
        for (line, target) in localTargets(in: body, firstLine: firstLine) {
            func fail(_ kind: MatchPlanError.Kind, _ message: String) -> MatchPlanError {
                MatchPlanError(kind, file: path, location: .init(line: line, column: 1), "the link '\(target)' \(message)")
            }
            let relative = (filePart(target) as NSString).standardizingPath
            guard !relative.hasPrefix(".."), !relative.hasPrefix("/"), !relative.isEmpty, relative != "." else {
                throw fail(.data, "leads out of the page's folder; keep linked files beside the page or in a folder under it")
            }
            guard !reserved.contains(relative), !relative.hasPrefix("assets/") else {
                throw fail(.data, "would replace the site's own file '\(relative)'; rename the file or put it in a folder")
            }
            let file = (pageFolder as NSString).appendingPathComponent(relative)
            guard io.exists(file) else {
                throw fail(.noInput, "names a file that does not exist: \(file)")
            }
            let data: Data
            do {
                data = try io.data(file, folder, maximumBytes)
            } catch let error as MatchPlanError {
                throw fail(error.kind, "cannot be published: \(error.message)")
            }
            if !files.contains(where: { $0.path == relative }) { files.append(.init(path: relative, data: data)) }
        }
        return files
    }
}
