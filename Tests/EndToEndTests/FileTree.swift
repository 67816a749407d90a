import Foundation
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPlan
@testable import MatchPlanPublish
@testable import MatchPlanRender
import MatchPlanTestSupport

/// Helpers for tests that look at a whole output folder.
enum FileTree {
    /// Relative paths of every regular file below `root`, sorted.
    static func files(_ root: String) -> [String] { FileTreeListing.files(under: root) }

    /// Every file's bytes, by relative path.
    static func snapshot(_ root: String) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: files(root).map { ($0, FileManager.default.contents(atPath: (root as NSString).appendingPathComponent($0))!) })
    }

    /// `href` and `src` attribute values in an HTML text (double-quoted, as MatchPlan writes them).
    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                found.append(String(after[..<end]))
                rest = after[end...]
            }
        }
        return found
    }

    /// `id` attribute values in an HTML text.
    static func ids(in html: String) -> Set<String> {
        var found: Set<String> = []
        var rest = html[...]
        while let start = rest.range(of: " id=\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            found.insert(String(after[..<end]))
            rest = after[end...]
        }
        return found
    }
}
