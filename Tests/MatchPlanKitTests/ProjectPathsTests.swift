import Foundation
import Testing
@testable import MatchPlanLoad

/// Finding Content/ and Templates/ from the binary's path.
@Suite struct ProjectPathsTests {
    @Test func aBinaryRunAsDotSlashPathResolvesWithoutTrapping() throws {
        let root = (Fixtures.contentDirectory as NSString).deletingLastPathComponent
        let paths = try ProjectPaths.resolve(content: nil, templates: nil, executablePath: "./.build/release/matchplan",
                                             currentDirectory: root)
        #expect(paths.content == "Content" && paths.templates == "Templates")
    }
}
