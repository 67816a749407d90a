import MatchPlanModel

/// D13 / W3 / D10 (docs/rules.md): the concerns on a student's record, however they were entered.
/// A clerkship graded fail is a course failure whether the profile lists it under `concerns`
/// or only as the grade, so both decide the same way (red flag, "apply to both", T2 timing).
enum RecordConcerns {
    /// The profile's concerns plus `course_failure` for any clerkship graded fail, in the
    /// vocabulary's order, each once.
    static func concerns(of profile: Profile) -> [Profile.Concern] {
        var found = Set(profile.concerns)
        if !failedClerkships(profile).isEmpty { found.insert(.courseFailure) }
        return Profile.Concern.allCases.filter(found.contains)
    }

    /// Names of the clerkships graded fail ("internal medicine", "surgery", "radiology").
    static func failedClerkships(_ profile: Profile) -> [String] {
        let grades: [(String, Profile.Grade?)] = [("internal medicine", profile.clerkships.internalMedicine),
                                                  ("surgery", profile.clerkships.surgery),
                                                  ("radiology", profile.clerkships.radiology)]
        return grades.filter { $0.1 == .fail }.map(\.0)
    }
}
