import MatchPlanFileSystem
import MatchPlanLoad
import MatchPlanModel

extension RosterBuild {
    /// The validate stage for one roster student: the report name their id gives, which must be
    /// usable, not reserved and not taken by an earlier student (call in roster order; claims it).
    /// - Throws: ``MatchPlanError`` `.data` pointing at the student's id.
    static func reportName(_ entry: RosterEntry, _ profile: Profile, reader: RosterReader) throws -> String {
        try Stage.validate.run {
            guard let slug = entry.slug(profile) else {
                throw entry.idError("expected an id made of letters or digits, found none")
            }
            guard !reservedSlugs.contains(slug) else {
                throw entry.idError("the report name '\(slug)' is reserved (\(slug).html is the class overview); choose another id")
            }
            guard reader.claim(slug) else {
                throw entry.idError("another student already uses the report files '\(slug).html' and '\(slug).md'; ids must be unique")
            }
            return slug
        }
    }

    /// The error for a roster with no students (a header only, or a folder without profiles).
    static func emptyRosterError(_ rosterPath: String, io: FileIO) -> MatchPlanError {
        let isFolder = io.isFolder(rosterPath)
        return MatchPlanError(.data, file: rosterPath, location: isFolder ? nil : .init(line: 1, column: 1),
                              isFolder ? "the folder has no .yaml, .yml or .json profiles"
                                       : "the roster has no students; expected one row per student after the header").staged(.load)
    }
}
