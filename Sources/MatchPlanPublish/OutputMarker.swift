import Foundation
import MatchPlanModel

/// What kind of folder MatchPlan published: a school's site or a class's reports. Recorded in
/// the folder's marker so one kind of run never replaces the other's folder (a roster's
/// confidential overview must never land in a public site folder, nor a site wipe a class's
/// reports).
public enum OutputKind: String, Sendable, CaseIterable {
    /// A school's advising site (`matchplan site`).
    case site
    /// A class's reports and their overview (`matchplan report --roster`).
    case roster

    /// How the refusal names the folder's contents.
    var described: String {
        switch self {
        case .site: "a site"
        case .roster: "a class's reports"
        }
    }

    /// The command that makes this kind of folder.
    var command: String {
        switch self {
        case .site: "matchplan site"
        case .roster: "matchplan report --roster"
        }
    }
}

/// The marker file (`.matchplan-output`) in a folder MatchPlan published: a first line
/// `# kind: site` (or `roster`), then the relative paths MatchPlan wrote, one a line, sorted.
/// Markers written before the kind was recorded have no first line; they are read as a list of
/// paths of no known kind, and either kind of run may replace such a folder (as before).
struct OutputMarker: Equatable {
    static let kindPrefix = "# kind: "

    /// The kind recorded, or nil for an older marker (or an unknown word).
    var kind: OutputKind?
    /// Relative paths MatchPlan wrote.
    var files: Set<String>

    init(kind: OutputKind?, files: Set<String>) {
        self.kind = kind
        self.files = files
    }

    /// Parses a marker's text.
    init(text: String) {
        var kind: OutputKind?
        var files: Set<String> = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix(Self.kindPrefix) {
                kind = OutputKind(rawValue: String(line.dropFirst(Self.kindPrefix.count)))
            } else {
                files.insert(String(line))
            }
        }
        self.init(kind: kind, files: files)
    }

    /// Reads the marker of the folder at `folder`; nil when there is none or it cannot be read.
    static func read(in folder: String) -> OutputMarker? {
        let path = (folder as NSString).appendingPathComponent(FolderPublisher.markerName)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return OutputMarker(text: text)
    }

    /// The marker's text: the kind line, then the sorted paths.
    var text: String {
        var lines = kind.map { ["\(Self.kindPrefix)\($0.rawValue)"] } ?? []
        lines += files.sorted()
        return lines.joined(separator: "\n") + "\n"
    }

    /// Refuses a run of kind `kind` into `folder` when its marker records another kind.
    /// - Throws: ``MatchPlanError`` `.cannotCreate` naming both kinds.
    static func requireKind(_ kind: OutputKind, in folder: String) throws {
        guard let found = read(in: folder)?.kind, found != kind else { return }
        throw MatchPlanError(.cannotCreate, file: folder,
                             "the output folder holds \(found.described) made by \(found.command); refusing to replace it with \(kind.described) (choose another --out)")
    }
}
