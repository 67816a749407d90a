import Foundation
import MatchPlanTestSupport

/// Every regular file below `folder`, as relative path → bytes (hidden files included).
func snapshot(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
    while let relative = enumerator.nextObject() as? String {
        let full = (folder as NSString).appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
        }
    }
    return result
}

/// Paths below `folder` whose name marks a staging or temporary folder left behind by a writer.
func leftovers(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        if name.hasPrefix(".matchplan") || name.contains("staging") || name.hasSuffix(".tmp") { found.append(relative) }
    }
    return found
}

let fixedToday = "2026-08-15"
