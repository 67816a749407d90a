import Foundation
import Testing
@testable import MatchPlanPublish

/// Tester report item 2: the publish marker records the kind of output, and older markers
/// (a bare list of paths) keep working.
@Suite struct OutputMarkerTests {
    @Test func markerRecordsKindAndFiles() {
        let marker = OutputMarker(kind: .roster, files: ["index.html", "a.html"])
        #expect(marker.text == "# kind: roster\na.html\nindex.html\n")
        #expect(OutputMarker(text: marker.text) == marker)
    }

    @Test func olderMarkerHasNoKindAndItsFiles() {
        let marker = OutputMarker(text: "index.html\nfaq.html\n")
        #expect(marker.kind == nil)
        #expect(marker.files == ["index.html", "faq.html"])
    }

    @Test func eachKindRefusesTheOthersFolderButNotAnOlderOne() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("marker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent(FolderPublisher.markerName)
        try "index.html\n".write(toFile: path, atomically: true, encoding: .utf8)
        try OutputMarker.requireKind(.site, in: folder)
        try OutputMarker.requireKind(.roster, in: folder)
        try OutputMarker(kind: .site, files: ["index.html"]).text.write(toFile: path, atomically: true, encoding: .utf8)
        try OutputMarker.requireKind(.site, in: folder)
        #expect(throws: (any Error).self) { try OutputMarker.requireKind(.roster, in: folder) }
    }
}
