import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Where the guidance content and templates are: the folders given on the command line, or
/// the project's own `Content/` and `Templates/`.
public struct ProjectPaths: Sendable, Equatable {
    public var content: String
    public var templates: String

    public init(content: String, templates: String) {
        self.content = content
        self.templates = templates
    }

    /// Resolves the folders. Defaults are searched in the current folder, then in the folders
    /// above the `matchplan` binary (so `swift run` and `.build/release/matchplan` both find the
    /// project's own `Content/` and `Templates/`).
    /// - Throws: ``MatchPlanError`` `.noInput` naming what was searched when a folder is not found.
    public static func resolve(content: String?, templates: String?, executablePath: String,
                               currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> ProjectPaths {
        let candidates = [currentDirectory] + ancestors(of: executablePath)
        func find(_ given: String?, _ folder: String, marker: String, option: String) throws -> String {
            if let given {
                guard isDirectory(given) else {
                    throw MatchPlanError(.noInput, file: given, "\(option) folder not found; expected a folder")
                }
                return given
            }
            for base in candidates {
                let path = (base as NSString).appendingPathComponent(folder)
                if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(marker)) {
                    return base == currentDirectory ? folder : path
                }
            }
            throw MatchPlanError(.noInput, "cannot find the \(folder)/ folder in the current folder or above the matchplan binary; pass \(option) DIR")
        }
        return ProjectPaths(content: try find(content, "Content", marker: "rules.yaml", option: "--content"),
                            templates: try find(templates, "Templates", marker: "report.html.mustache", option: "--templates"))
    }

    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func ancestors(of executable: String) -> [String] {
        var folder = ((executable as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        var result: [String] = []
        // "." stops the walk: Foundation on Linux traps on "." (a binary run as ./.build/…/matchplan).
        for _ in 0..<6 where folder != "/" && !folder.isEmpty && folder != "." {
            result.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        return result
    }

    /// True when `path` is `folder` or inside it (``PathContainment/isInside(_:_:)``).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        PathContainment.isInside(path, folder)
    }
}
