import MatchPlanFileSystem
import MatchPlanModel
import Mustache

/// The view models the report templates render: every value pre-formatted as text, every list
/// in a fixed order, no optionals (swift-mustache renders a nil inside `Any` as "nil"), only
/// stored properties (it cannot see computed ones). Built by ``ReportViewBuilder``.
///
/// The layout (`report.html`, `report.md`) receives each section already rendered through its
/// partial (`partials/glance.html`, `partials/checklist.md`, …) with a small section view below.
/// Every view is `Encodable` (synthesized) so ``CompiledTemplates`` can read its shape and
/// strings without reflection; guidance pages are rendered once per run (``FragmentCache``).
struct ReportView: Encodable {
    var title: String
    var matchYear: String
    var seasonYear: String
    var today: String
    var todayISO: String
    var stage: String
    var hasStage: Bool
    var hasRedFlags: Bool
    var hasWarnings: Bool

    /// Sections, rendered through their partials.
    var glance: String
    var findings: String
    var strategy: String
    var checklist: String
    var timeline: String
    var timing: String
    var list: String
    /// PL1–PL8: the student's own program list, audited ("" when none was given).
    var programList: String
    var pathways: String
    var holistic: String
    var signals: String
    var intro: String
    var faq: String
    var sources: String
}

/// `partials/glance`: the summary cards.
struct GlanceView: Encodable, Sendable {
    var band: String
    var bandName: String
    var bandKey: String
    var bandRule: String
    var scoreText: String
    var scenario: String
    var scenarioName: String
    var scenarioRule: String
    var scenarioDiffers: Bool
    var hasList: Bool
    var listIR: String
    var listDR: String
    var listRule: String
    var listInterpolated: Bool
    var timingScenario: String
    /// A score is reported: the timing card says so instead of a deadline.
    var hasReportedScore: Bool
    var timingLatest: String
    var timingLatestISO: String
    var redFlagCount: String
    var hasRedFlags: Bool
    var hasNearBoundary: Bool
    var nearBoundary: String
    var recovery: Bool
    /// D8: after a failed Step 2 CK the date shown is the earliest sensible retake.
    var isRetake: Bool
    /// S1.1 / D19: Step 1 not yet passed: its retake target leads.
    var hasStep1Retake: Bool
    var step1Retake: String
    var step1RetakeISO: String
}

/// `partials/findings`: red flags and warnings, items rendered through `partials/finding`.
struct FindingsView: Encodable, Sendable {
    var hasRedFlags: Bool
    var redFlagItems: String
    var hasWarnings: Bool
    var warningItems: String
}

struct FindingView: Encodable, Sendable {
    var id: String
    var rule: String
    var message: String
    /// `red-flag` or `warning` (CSS class and id prefix).
    var kind: String
    /// `Red flag` or `Warning`.
    var label: String
}

/// `partials/page`: one guidance page.
struct PageView: Encodable, Sendable {
    var id: String
    var title: String
    var html: String
    var markdown: String
    var rules: String
}

/// `partials/checklist`: counts and items (each through `partials/checklist-item`).
struct ChecklistSectionView: Encodable, Sendable {
    var counts: String
    var items: String
}

struct ChecklistView: Encodable, Sendable {
    var id: String
    var text: String
    var rule: String
    var status: String
    var statusLabel: String
    var isDone: Bool
    var hasDue: Bool
    var due: String
    var dueISO: String
}

/// `partials/timeline`: events, each through `partials/timeline-event`.
struct TimelineSectionView: Encodable, Sendable {
    var items: String
}

struct TimelineView: Encodable, Sendable {
    var id: String
    var title: String
    var rule: String
    var dateISO: String
    var date: String
    var hasEnd: Bool
    var endISO: String
    var end: String
    var status: String
    var statusLabel: String
    var isCurrent: Bool
    var verify: Bool
    var confidence: String
}

/// `partials/timing`: the Step 2 CK timing box and the timing pages.
struct TimingView: Encodable, Sendable {
    var scenario: String
    var reason: String
    var hasWindowStart: Bool
    var windowStart: String
    var windowStartISO: String
    var latest: String
    var latestISO: String
    var lateAfter: String
    var hasSitting: Bool
    var sitting: String
    var sittingISO: String
    var expectedScore: String
    var expectedScoreISO: String
    var programsReview: String
    var programsReviewISO: String
    var reportingWeeks: String
    var pages: RenderedPages
}

/// `partials/list`: the list-size table and the list pages.
struct ListSectionView: Encodable, Sendable {
    var rows: [ListRowView]
    var pages: RenderedPages
}

struct ListRowView: Encodable, Sendable {
    var rule: String
    var scores: String
    var integratedIR: String
    var diagnosticRadiology: String
    var isCurrent: Bool
    var interpolated: Bool
}

/// `partials/pathways`: the student's pathway and the pathway pages.
struct PathwaysView: Encodable, Sendable {
    var pathwayChosen: String
    var bothStronglyAdvised: Bool
    var pages: RenderedPages
}

/// `partials/signals`: the cycle's signal counts and the signal pages.
struct SignalsView: Encodable, Sendable {
    var gold: String
    var silver: String
    var verify: Bool
    var source: String
    var evidence: String
    var includeESIRPrograms: Bool
    var pages: RenderedPages
}

/// `partials/sources`: the approximation note and the cycle figures to verify.
struct SourcesView: Encodable, Sendable {
    var matchYear: String
    var cycleNotes: [String]
    var hasCycleNotes: Bool
}

/// Guidance pages already rendered through `partials/page`, with the page ids they hold.
/// Renders as its text in `{{{pages}}}`; an empty one is null in sections. ``ViewShape`` reads
/// both strings directly (`encode(to:)` is there for the `Encodable` conformance of the views
/// that hold it).
struct RenderedPages: Sendable, Encodable, MustacheCustomRenderable {
    /// The page ids, joined.
    let key: String
    let text: String

    static let empty = RenderedPages(key: "", text: "")

    var renderText: String { text }
    var isNull: Bool { text.isEmpty }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
