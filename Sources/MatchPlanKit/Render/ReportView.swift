/// The view model the report templates render: every value pre-formatted as text, every list
/// in a fixed order, no optionals (swift-mustache renders a nil inside `Any` as "nil"), only
/// stored properties (it cannot see computed ones). Built by ``ReportViewBuilder``.
///
/// Repeated pieces (guidance pages, checklist items, timeline events, findings) arrive already
/// rendered through their partials by ``FragmentCache``, so the layout inserts them with `{{{…}}}`.
struct ReportView {
    var title: String
    var hasName: Bool
    var name: String
    var matchYear: String
    var seasonYear: String
    var today: String
    var todayISO: String
    var stage: String
    var hasStage: Bool

    var band: String
    var bandName: String
    var bandKey: String
    var bandRule: String
    var scenario: String
    var scenarioName: String
    var scenarioKey: String
    var scenarioRule: String
    var scenarioDiffers: Bool
    var scoreText: String
    var hasScore: Bool
    var nearBoundary: String
    var hasNearBoundary: Bool
    var recovery: Bool

    var hasList: Bool
    var listRule: String
    var listIR: String
    var listDR: String
    var listInterpolated: Bool
    var listRows: [ListRowView]

    var pathwayChosen: String
    var bothStronglyAdvised: Bool

    var timing: TimingView
    /// Rendered `partials/finding` fragments.
    var redFlagItems: String
    var hasRedFlags: Bool
    var redFlagCount: String
    var warningItems: String
    var hasWarnings: Bool

    /// Rendered `partials/page` fragments, one string per report section.
    var intro: String
    var strategy: String
    var list: String
    var pathways: String
    var timingPages: String
    var holistic: String
    var signalsPages: String
    var faq: String

    /// Rendered `partials/checklist-item` fragments.
    var checklistItems: String
    var checklistCounts: String
    /// Rendered `partials/timeline-event` fragments.
    var timelineItems: String
    var signals: SignalsView
    var cycleNotes: [String]
    var hasCycleNotes: Bool
}

struct ListRowView {
    var rule: String
    var scores: String
    var integratedIR: String
    var diagnosticRadiology: String
    var isCurrent: Bool
    var interpolated: Bool
}

struct TimingView {
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

struct FindingView: Hashable, Sendable {
    var id: String
    var rule: String
    var message: String
    /// `red-flag` or `warning` (CSS class and id prefix).
    var kind: String
    /// `Red flag` or `Warning`.
    var label: String
}

struct PageView: Hashable, Sendable {
    var id: String
    var title: String
    var html: String
    var markdown: String
    var rules: String
}

struct ChecklistView: Hashable, Sendable {
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

struct TimelineView: Hashable, Sendable {
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

struct SignalsView {
    var gold: String
    var silver: String
    var verify: Bool
    var source: String
    var evidence: String
    var includeESIRPrograms: Bool
}
