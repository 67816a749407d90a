import Foundation
import MatchPlanFileSystem
import MatchPlanLoad
import MatchPlanModel
import MatchPlanPublish

/// A site kept in memory for `matchplan serve`: built by ``SiteBuild`` into a ``MemoryFolder``,
/// rebuilt when a watched file changes, and answering requests by path. A build that fails
/// leaves the last good site in place. No HTTP here: the `matchplan-serve` program puts a
/// server in front of ``response(for:)``.
public final class SitePreview: @unchecked Sendable {
    public let build: SiteBuild
    /// The last site that built.
    public let site = MemoryFolder()
    private var lastFingerprint: [String]?
    private let lock = NSLock()

    public init(build: SiteBuild) {
        self.build = build
    }

    /// The outcome of one rebuild.
    public enum Outcome: Sendable {
        /// Built: how many files the site has.
        case built(Int)
        /// Failed: the error; the previous site is still served.
        case failed(MatchPlanError)
        /// Nothing watched had changed.
        case unchanged
    }

    /// Folders and files whose change triggers a rebuild: the config, the content and template
    /// folders (built-in and the config's), the school's pages and the logo. When the config does
    /// not load, the config and the built-in folders.
    public func watchedPaths() -> [String] {
        var paths = [build.configPath, build.paths.content, build.paths.templates] + [build.templateOverrides].compactMap { $0 }
        if let config = try? SiteConfigLoader.load(build.configPath) {
            paths += [config.contentFolder, config.templatesFolder, config.pagesFolder, config.logo].compactMap { $0 }
        }
        return paths
    }

    /// One line per watched regular file (path, size, modification time), sorted: when it
    /// differs from the last build's, something changed.
    public func fingerprint() -> [String] {
        var lines: [String] = []
        let manager = FileManager.default
        func add(_ path: String) {
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { return }
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            lines.append("\(path)\t\(attributes[.size] as? Int ?? -1)\t\(date)")
        }
        for root in watchedPaths() {
            add(root)
            guard ProjectPaths.isDirectory(root), let walker = manager.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                if relative.hasPrefix(".") || relative.contains("/.") { continue }
                add((root as NSString).appendingPathComponent(relative))
            }
        }
        return lines.sorted()
    }

    /// Builds the site when a watched file changed since the last build (always the first time).
    public func rebuildIfChanged() -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        let now = fingerprint()
        guard now != lastFingerprint else { return .unchanged }
        lastFingerprint = now
        do {
            let written = try build.run(into: .memory(site))
            return .built(written.count)
        } catch let error as MatchPlanError {
            return .failed(error)
        } catch {
            return .failed(MatchPlanError(.internalError, "\(error)"))
        }
    }

    /// A response to a request for `path` (the URL path, percent-encoded, query allowed).
    public struct Response: Sendable, Equatable {
        /// 200, or 404 for a path the site does not have (with the site's 404 page as body).
        public var status: Int
        public var mediaType: String
        public var body: Data
    }

    /// The file at `path`: `/` and any path ending in `/` give that folder's `index.html`; a
    /// path the site lacks gives `404.html` with status 404 (a plain sentence before the first build).
    public func response(for path: String) -> Response {
        var relative = String(path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        relative = relative.removingPercentEncoding ?? relative
        while relative.hasPrefix("/") { relative.removeFirst() }
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        let files = site.files
        if !relative.split(separator: "/").contains(".."), let body = files[relative] {
            return Response(status: 200, mediaType: Self.mediaType(relative), body: body)
        }
        return Response(status: 404, mediaType: "text/html; charset=utf-8",
                        body: files["404.html"] ?? Data("<!DOCTYPE html><title>Not found</title><p>Not found (the site has not built yet).</p>\n".utf8))
    }

    /// The media type for a file name's extension.
    static func mediaType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "webp": return "image/webp"
        case "gif": return "image/gif"
        case "pdf": return "application/pdf"
        case "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
