import Foundation
import Testing
@testable import MatchPlanFileSystem
@testable import MatchPlanLoad
@testable import MatchPlanModel
@testable import MatchPlanPipeline
@testable import MatchPlanRender

/// Templates are listed and read through the file-system seam (``FileIO``), so a template set
/// loads from memory as it does from disk.
@Suite struct TemplateIOTests {
    static let root = CompiledTemplatesTests.root

    /// The built-in templates as an in-memory file system under `/memory/Templates`.
    static func builtInInMemory(plus extra: [String: String] = [:]) throws -> [String: String] {
        var files: [String: String] = [:]
        for relative in FileTreeListing.files(under: root + "/Templates") where relative.hasSuffix(".mustache") {
            files["/memory/Templates/" + relative] = try String(contentsOfFile: root + "/Templates/" + relative, encoding: .utf8)
        }
        return files.merging(extra) { $1 }
    }

    @Test func builtInTemplatesLoadFromMemoryAsFromDisk() throws {
        let memory = try TemplateSet.load(folders: ["/memory/Templates"], required: ReportRenderer.requiredTemplates,
                                          io: .memory(try Self.builtInInMemory()))
        let disk = try TemplateSet.load(folders: [Self.root + "/Templates"], required: ReportRenderer.requiredTemplates)
        #expect(memory.names == disk.names && memory.names.count > 20)
        #expect(memory.sources["report.html"] == "/memory/Templates/report.html.mustache")
        let view = SourcesView(matchYear: "2027", cycleNotes: ["a & b"], hasCycleNotes: true)
        #expect(try memory.render(view, template: "partials/sources.html") == disk.render(view, template: "partials/sources.html"))
    }

    @Test func overridesAndMistakesInMemory() throws {
        var files = try Self.builtInInMemory()
        files["/memory/school/partials/sources.html.mustache"] = "<p>{{matchYear}}</p>"
        let set = try TemplateSet.load(folders: ["/memory/Templates", "/memory/school"], required: [], io: .memory(files))
        #expect(set.sources["partials/sources.html"] == "/memory/school/partials/sources.html.mustache")
        #expect(try set.render(SourcesView(matchYear: "2027", cycleNotes: [], hasCycleNotes: false), template: "partials/sources.html") == "<p>2027</p>")
        // The same checks as on disk: a missing folder, a missing partial, a template without .mustache.
        #expect { try TemplateSet.load(folders: ["/memory/none"], required: [], io: .memory(files)) } throws: { ($0 as? MatchPlanError)?.kind == .noInput }
        files["/memory/school/partials/glance.html"] = "x"
        #expect(throws: MatchPlanError.self) { try TemplateSet.load(folders: ["/memory/Templates", "/memory/school"], required: [], io: .memory(files)) }
        files["/memory/school/partials/glance.html"] = nil
        files["/memory/school/report.html.mustache"] = "{{> partials/nothing.html}}"
        #expect(throws: MatchPlanError.self) { try TemplateSet.load(folders: ["/memory/Templates", "/memory/school"], required: [], io: .memory(files)) }
    }

    @Test func symbolicLinksAreReportedThroughTheSeam() throws {
        let io = FileIO(read: FileIO.disk.read, entry: { path in
            path.hasSuffix("/partials") ? .linkToFolder : path.hasSuffix("x.mustache") ? .file : .folder
        }, names: { $0.hasSuffix("/t") ? ["partials", "x.mustache"] : [] })
        #expect { try TemplateSet.load(folders: ["/t"], required: [], io: io) } throws: {
            ($0 as? MatchPlanError)?.message.contains("symbolic link to a folder") == true
        }
    }
}
