import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanPublish
@testable import MatchPlanRender

/// Guidance pages, cycles, rosters, program lists and a whole site load through ``FileIO``: from
/// an in-memory copy of `Content/` and `Templates/` under `/memory` (a path that is not on disk,
/// so a loader that went around the seam would find nothing) they give what the disk gives.
@Suite struct InMemoryLoadingTests {
    static let root = CompiledTemplatesTests.root
    static let paths = ProjectPaths(content: "/memory/Content", templates: "/memory/Templates")
    static let diskPaths = ProjectPaths(content: root + "/Content", templates: root + "/Templates")

    /// `Content/` and `Templates/` as text under `/memory`, plus `extra`.
    static func memory(_ extra: [String: String] = [:]) throws -> FileIO {
        var files: [String: String] = [:]
        for folder in ["Content", "Templates"] {
            for relative in FileTreeListing.files(under: root + "/" + folder) {
                files["/memory/\(folder)/\(relative)"] = try String(contentsOfFile: "\(root)/\(folder)/\(relative)", encoding: .utf8)
            }
        }
        return .memory(files.merging(extra) { $1 })
    }

    @Test func guidancePagesLoadFromMemoryAsFromDisk() throws {
        let memory = try ContentLoader(io: Self.memory()).load(contentDirectory: Self.paths.content)
        let disk = try ContentLoader().load(contentDirectory: Self.diskPaths.content)
        #expect(memory.count == disk.count && memory.count > 10)
        for (fromMemory, fromDisk) in zip(memory, disk) {
            #expect(fromMemory.sourcePath == fromDisk.sourcePath.replacingOccurrences(of: Self.root, with: "/memory"))
            var moved = fromMemory
            moved.sourcePath = fromDisk.sourcePath
            #expect(moved == fromDisk)
        }
        // The same errors: a missing folder, a bad page named with its line.
        #expect { try ContentLoader(io: .memory([:])).load(contentDirectory: "/memory/none") } throws: { ($0 as? MatchPlanError)?.kind == .noInput }
        let bad = try Self.memory(["/memory/Content/guidance/zz-bad.md": "---\nid: Bad Id\ntitle: T\nsection: general\n---\nBody\n"])
        let error = try #require(throws: MatchPlanError.self) { try ContentLoader(io: bad).load(contentDirectory: Self.paths.content) }
        #expect(error.file == "/memory/Content/guidance/zz-bad.md" && error.location?.line == 2 && error.keyPath == "id")
    }

    @Test func aCycleLoadsFromMemoryAsFromDisk() throws {
        let io = try Self.memory()
        let memory = try CycleLoader.load(matchYear: 2027, contentDirectory: Self.paths.content, io: io)
        let disk = try CycleLoader.load(matchYear: 2027, contentDirectory: Self.diskPaths.content)
        #expect(memory.events == disk.events && memory.signals == disk.signals && memory.passingScore == disk.passingScore)
        // A year without a file names the years the memory holds.
        let years = io.names("/memory/Content/cycles").filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        let error = try #require(throws: MatchPlanError.self) { try CycleLoader.load(matchYear: 2059, contentDirectory: Self.paths.content, io: io) }
        #expect(!years.isEmpty && error.message.hasSuffix("available match years: \(years.joined(separator: ", "))"))
    }

    @Test func aRosterLoadsFromMemoryAsFromDisk() throws {
        let rules = try RulesLoader.load(Self.diskPaths.content + "/rules.yaml")
        let loader = ProfileLoader(scoreScale: rules.scoreScale, checklistIDs: rules.checklist.map(\.id))
        let io = try Self.memory()
        let memory = try RosterReader(path: "/memory/Content/profiles/roster.csv", loader: loader, io: io)
        let disk = try RosterReader(path: Self.diskPaths.content + "/profiles/roster.csv", loader: loader)
        #expect(memory.estimatedCount == disk.estimatedCount && memory.estimatedCount > 2)
        let fromMemory = try Array(memory).map { try $0.load().get() }
        let fromDisk = try Array(disk).map { try $0.load().get() }
        #expect(fromMemory == fromDisk)
        // A folder of profiles, and the CSV checks made on the stream (an unclosed quote, an empty file).
        let folder = try RosterReader(path: "/memory/Content/profiles", loader: loader, io: io)
        #expect(folder.estimatedCount == (try FileManager.default.contentsOfDirectory(atPath: Self.diskPaths.content + "/profiles"))
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.count)
        let broken = FileIO.memory(["/c/quote.csv": "id,match_year\n\"a,2027\nb,2027\n", "/c/empty.csv": ""])
        let quote = try #require(throws: MatchPlanError.self) { try RosterReader(path: "/c/quote.csv", loader: loader, io: broken) }
        #expect(quote.location == .init(line: 2, column: 1) && quote.message.contains("never closed"))
        let empty = try #require(throws: MatchPlanError.self) { try RosterReader(path: "/c/empty.csv", loader: loader, io: broken) }
        #expect(empty.message.hasPrefix("is empty"))
        #expect { try RosterReader(path: "/c/none.csv", loader: loader, io: broken) } throws: { ($0 as? MatchPlanError)?.kind == .noInput }
    }

    @Test func aSiteBuildsFromMemoryAsFromDisk() throws {
        var build = SiteBuild(paths: Self.paths, configPath: "/memory/Content/site/site.yaml")
        build.io = try Self.memory()
        let memory = MemoryFolder(), disk = MemoryFolder()
        let written = try build.run(into: .memory(memory))
        _ = try SiteBuild(paths: Self.diskPaths, configPath: Self.diskPaths.content + "/site/site.yaml").run(into: .memory(disk))
        #expect(written.count > 10 && memory.files.keys.sorted() == disk.files.keys.sorted())
        for name in written { #expect(memory.files[name] == disk.files[name], "\(name)") }
        #expect(Check.site(configPath: "/memory/Content/site/site.yaml", paths: Self.paths, templateOverrides: nil, io: build.io).isEmpty)
        #expect(try Check.content(paths: Self.paths, io: build.io).isEmpty)
    }

    @Test func aProgramListAndASchoolPageLinkReadThroughTheSeam() throws {
        let io = try Self.memory(["/memory/Content/site/pages/linked.md": "---\ntitle: Linked\n---\nSee [the form](form.txt).\n",
                                  "/memory/Content/site/pages/form.txt": "a form"])
        let pages = try SchoolPagesLoader.load(folder: "/memory/Content/site/pages", allowRawHTML: false, reserved: [], io: io)
        #expect(pages.first { $0.slug == "linked" }?.files == [.init(path: "form.txt", data: Data("a form".utf8))])
        let rules = try ProgramListRulesLoader.load(contentDirectory: Self.paths.content, io: io)
        let list = try ProgramListReader.load("/memory/Content/profiles/example-programs.csv", states: rules.stateCodes, io: io)
        #expect(list == (try ProgramListReader.load(Self.diskPaths.content + "/profiles/example-programs.csv", states: rules.stateCodes)))
    }
}
