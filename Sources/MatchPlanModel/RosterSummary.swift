/// One student's line in a class overview (`index.html` of `report --roster`): what the
/// pipeline learned from their plan, in the units the overview shows.
public struct RosterSummary: Sendable, Equatable {
    /// The report name: `<slug>.html`, `<slug>.md`.
    public var slug: String
    /// The student's name, else their id, else the slug.
    public var name: String
    public var band: Band
    public var scenario: Band
    /// How many red flags the plan raised.
    public var redFlags: Int
    /// The CSV row (`students.csv:5`) or profile file the student came from.
    public var source: String

    public init(slug: String, name: String, band: Band, scenario: Band, redFlags: Int, source: String) {
        self.slug = slug
        self.name = name
        self.band = band
        self.scenario = scenario
        self.redFlags = redFlags
        self.source = source
    }
}
