import MatchPlanFileSystem
import MatchPlanModel
import Mustache

/// The view models the report templates render: every value pre-formatted as text, every list
/// in a fixed order, no optionals (swift-mustache renders a nil inside `Any` as "nil"), only
/// stored properties (it cannot see computed ones). Built by ``ReportViewBuilder``.
///
/// One view of the whole report: the layout (`report.html`, `report.md`) includes each section's
/// partial inside that section's field (`{{#glance}}{{>partials/glance.html}}{{/glance}}`), so a
/// school overriding one partial sees the names it sees in the layout. Swift builds data only;
/// the one pre-rendered text is a guidance page's body, rendered from Markdown by cmark.
/// Every view is `Encodable` (synthesized) so ``CompiledTemplates`` can read its shape and
/// strings without reflection.
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

    /// Sections, each rendered by the partial of the same name, in reading order: what to do
    /// now, the personal plan, then the general guidance as a collapsed appendix.
    var doNow: DoNowView
    var glance: GlanceView
    var findings: FindingsView
    var timing: TimingView
    var list: ListSectionView
    /// PL1–PL9: the student's own program list, audited: one element, or none when no list was given.
    var programList: [ProgramListView]
    /// The contents list links to the program-list section.
    var hasProgramList: Bool
    var checklist: ChecklistSectionView
    var timeline: TimelineSectionView
    var pathways: PathwaysView
    var signals: SignalsView
    var guidance: GuidanceView
    var sources: SourcesView
}

/// `partials/guidance`: the general guidance pages that apply, by topic, each collapsed
/// (`<details>`) in HTML unless ``isOpen`` (`--print-guidance`); print CSS hides collapsed ones.
struct GuidanceView: Encodable, Sendable {
    /// Render every page open, so it prints.
    var isOpen: Bool
    var hasStrategy: Bool
    var strategy: [PageView]
    var hasTiming: Bool
    var timing: [PageView]
    var hasList: Bool
    var list: [PageView]
    var hasPathways: Bool
    var pathways: [PageView]
    var hasHolistic: Bool
    var holistic: [PageView]
    var hasSignals: Bool
    var signals: [PageView]
    var hasIntro: Bool
    var intro: [PageView]
    var hasFaq: Bool
    var faq: [PageView]
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
    /// D20: sat, no score yet: the card gives the expected score date (or says it is overdue)
    /// instead of a date to sit by.
    var isAwaitingScore: Bool
    var scoreOverdue: Bool
    var expectedScore: String
    var expectedScoreISO: String
    /// N4: not sat and the latest recommended date is more than a season away (MS1, MS2): the
    /// card says the date is chosen later rather than "sit by".
    var isFarAhead: Bool
    /// The "Sit Step 2 CK by" card: none of the above.
    var showSitBy: Bool
    /// S1.1 / D19: Step 1 not yet passed: its retake target leads.
    var hasStep1Retake: Bool
    var step1Retake: String
    var step1RetakeISO: String
    /// The section's rule ids, once each (one quiet line).
    var rules: String
    /// `partials/score-scale`, drawn in the score card. Here, not on the report, so the glance
    /// partial reads only its own view (the compiled layer reuses its program across students).
    var scoreScale: ScoreScaleView
}

/// `partials/findings`: red flags and warnings, each item through `partials/finding`.
struct FindingsView: Encodable, Sendable {
    var hasRedFlags: Bool
    var redFlagItems: [FindingView]
    var hasWarnings: Bool
    var warningItems: [FindingView]
    /// Each list's rule ids, once each (one quiet line per list).
    var redFlagRules: String
    var warningRules: String
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
    /// Render the page open (`--print-guidance`); the same for every page of a report, kept on
    /// each page so `partials/page` reads only its own view. The site's pages never open.
    var isOpen: Bool = false
}

/// `partials/checklist`: counts and items (each through `partials/checklist-item`).
struct ChecklistSectionView: Encodable, Sendable {
    var counts: String
    /// Open items in the order to act on them (``ChecklistOrder``).
    var items: [ChecklistView]
    /// Done and closed items (collapsed in HTML).
    var hasFinished: Bool
    var finished: [ChecklistView]
    var finishedCount: String
    var rules: String
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
    /// Current and upcoming events, in date order.
    var items: [TimelineView]
    /// Past events (collapsed in HTML).
    var hasPast: Bool
    var past: [TimelineView]
    var pastCount: String
    var rules: String
    /// `partials/timeline-chart`, drawn above the events (kept here so the partial reads only
    /// its own view).
    var timelineChart: TimelineChartView
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
}

/// `partials/list`: the list-size table and the list pages.
struct ListSectionView: Encodable, Sendable {
    var rows: [ListRowView]
    var rules: String
    /// `partials/what-if`, below the table (kept here so the partial reads only its own view).
    var whatIf: WhatIfSectionView
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
}

/// `partials/signals`: the cycle's signal counts and the signal pages.
struct SignalsView: Encodable, Sendable {
    var gold: String
    var silver: String
    var verify: Bool
    var source: String
    var evidence: String
    var includeESIRPrograms: Bool
}

/// `partials/sources`: the approximation note and the cycle figures to verify.
struct SourcesView: Encodable, Sendable {
    var matchYear: String
    var cycleNotes: [String]
    var hasCycleNotes: Bool
}

/// Pre-rendered text with a key, rendered as its text (`{{{pages}}}`; an empty one is null in
/// sections). The report no longer uses it (its sections hold ``PageView`` lists); kept for
/// views of school templates and the compiled layer, which knows its shape (``ViewShape``).
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
