import MatchPlanModel
@testable import MatchPlanRender

// A composed version of the report's view models and builder (commit e529917, reverted for its
// speed): one view of the whole report, which the layouts in Tests/ComposedTemplates render by
// including their partials over it. A fixture for the compiled-template layer's differential
// test and its speed measurement; the report itself is not built this way yet. Types that
// stayed the same (GlanceView, PageView, ChecklistView, ...) are the module's.

/// The view models the report templates render: every value pre-formatted as text, every list
/// in a fixed order, no optionals (swift-mustache renders a nil inside `Any` as "nil"), only
/// stored properties (it cannot see computed ones). Built by ``ReportViewBuilder``.
///
/// One view of the whole report: the layout (`report.html`, `report.md`) includes each section's
/// partial inside that section's view (`{{#glance}}{{> partials/glance.html}}{{/glance}}`), so a
/// partial sees its section's names first and the report's names (`title`, `matchYear`) behind
/// them, the same names the layout uses. Swift builds only data; the templates write all markup.
/// Every view is `Encodable` (synthesized) so ``CompiledTemplates`` can read its shape and
/// strings without reflection, and compiles the whole report, partials included, per shape.
struct ComposedReportView: Encodable {
    var title: String
    var matchYear: String
    var seasonYear: String
    var today: String
    var todayISO: String
    var stage: String
    var hasStage: Bool
    var hasRedFlags: Bool
    var hasWarnings: Bool

    /// Sections: each a section view its partial renders, or the guidance pages the layout
    /// renders through `partials/page`.
    var glance: GlanceView
    var findings: ComposedFindingsView
    var strategy: [PageView]
    var checklist: ComposedChecklistSectionView
    var timeline: ComposedTimelineSectionView
    var timing: ComposedTimingView
    var list: ComposedListSectionView
    var pathways: ComposedPathwaysView
    var holistic: [PageView]
    var signals: ComposedSignalsView
    var intro: [PageView]
    var faq: [PageView]
    var sources: SourcesView
}

/// `partials/findings`: red flags and warnings, each item through `partials/finding`.
struct ComposedFindingsView: Encodable, Sendable {
    var hasRedFlags: Bool
    var redFlagItems: [FindingView]
    var hasWarnings: Bool
    var warningItems: [FindingView]
}

/// `partials/checklist`: counts and items (each through `partials/checklist-item`).
struct ComposedChecklistSectionView: Encodable, Sendable {
    var counts: String
    var items: [ChecklistView]
}

/// `partials/timeline`: events, each through `partials/timeline-event`.
struct ComposedTimelineSectionView: Encodable, Sendable {
    var items: [TimelineView]
}

/// `partials/timing`: the Step 2 CK timing box and the timing pages.
struct ComposedTimingView: Encodable, Sendable {
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
    var pages: [PageView]
}

/// `partials/list`: the list-size table and the list pages.
struct ComposedListSectionView: Encodable, Sendable {
    var rows: [ListRowView]
    var pages: [PageView]
}

/// `partials/pathways`: the student's pathway and the pathway pages.
struct ComposedPathwaysView: Encodable, Sendable {
    var pathwayChosen: String
    var bothStronglyAdvised: Bool
    var pages: [PageView]
}

/// `partials/signals`: the cycle's signal counts and the signal pages.
struct ComposedSignalsView: Encodable, Sendable {
    var gold: String
    var silver: String
    var verify: Bool
    var source: String
    var evidence: String
    var includeESIRPrograms: Bool
    var pages: [PageView]
}

struct ComposedViewBuilder {
    let rules: Rules
    let cycle: Cycle
    let pages: [GuidancePage]

    func build(_ plan: StrategyPlan, escapeText: (String) -> String) throws -> ComposedReportView {
        let conditions = Set(plan.conditions)
        // Indices, not copies: a GuidancePage is a dozen strings to retain and release.
        let applicable = pages.indices.filter { pages[$0].applies(to: conditions) }
        func pageGroup(_ sections: [GuidancePage.Section]) -> [PageView] {
            applicable.filter { sections.contains(pages[$0].section) }.map { index in
                let page = pages[index]
                return PageView(id: page.id, title: escapeText(page.title), html: page.html, markdown: page.markdown.trimmingTrailingNewlines,
                                rules: escapeText(page.rules.joined(separator: ", ")))
            }
        }
        let groups = (strategy: pageGroup([.strategy, .situation]), timing: pageGroup([.timing]), list: pageGroup([.list]),
                      pathways: pageGroup([.pathways]), holistic: pageGroup([.holistic]), signals: pageGroup([.signals]),
                      intro: pageGroup([.intro]), faq: pageGroup([.faq]))
        func findings(_ list: [StrategyPlan.Finding], kind: String, label: String) -> [FindingView] {
            list.map { FindingView(id: $0.id, rule: $0.rule, message: $0.message, kind: kind, label: label) }
        }
        var timing = timingView(plan.timing)
        timing.pages = groups.timing
        let notes = cycleNotes(today: plan.today).map(escapeText)
        return ComposedReportView(
            title: plan.name.map { "IR application strategy for \(escapeText($0))" } ?? "IR application strategy",
            matchYear: "\(plan.matchYear)",
            seasonYear: "\(plan.seasonYear)",
            today: plan.today.longForm,
            todayISO: plan.today.description,
            stage: plan.stage?.rawValue ?? "",
            hasStage: plan.stage != nil,
            hasRedFlags: !plan.redFlags.isEmpty,
            hasWarnings: !plan.warnings.isEmpty,
            glance: glanceView(plan),
            findings: ComposedFindingsView(
                hasRedFlags: !plan.redFlags.isEmpty, redFlagItems: findings(plan.redFlags, kind: "red-flag", label: "Red flag"),
                hasWarnings: !plan.warnings.isEmpty, warningItems: findings(plan.warnings, kind: "warning", label: "Warning")
            ),
            strategy: groups.strategy,
            checklist: ComposedChecklistSectionView(counts: counts(plan.checklist), items: plan.checklist.map(checklistView)),
            timeline: ComposedTimelineSectionView(items: plan.timeline.map(timelineView)),
            timing: timing,
            list: ComposedListSectionView(rows: listRows(current: plan.list.rule), pages: groups.list),
            pathways: ComposedPathwaysView(
                pathwayChosen: plan.pathway.chosen.map(pathwayName) ?? "not chosen yet",
                bothStronglyAdvised: plan.pathway.bothStronglyAdvised, pages: groups.pathways
            ),
            holistic: groups.holistic,
            signals: ComposedSignalsView(
                gold: "\(plan.signals.gold)", silver: "\(plan.signals.silver)", verify: plan.signals.confidence.needsVerification,
                source: escapeText(cycle.signals.source), evidence: escapeText(cycle.signals.evidence),
                includeESIRPrograms: plan.signals.includeESIRPrograms,
                pages: groups.signals
            ),
            intro: groups.intro,
            faq: groups.faq,
            sources: SourcesView(matchYear: "\(plan.matchYear)", cycleNotes: notes, hasCycleNotes: !notes.isEmpty)
        )
    }

    private func glanceView(_ plan: StrategyPlan) -> GlanceView {
        let summary = plan.step2ck
        return GlanceView(
            band: plan.band.label, bandName: plan.band.name, bandKey: plan.band.rawValue, bandRule: plan.bandRule,
            scoreText: scoreText(summary),
            scenario: plan.scenario.label, scenarioName: plan.scenario.name, scenarioRule: plan.scenarioRule,
            scenarioDiffers: plan.scenario != plan.band,
            hasList: plan.list.rule != nil,
            listIR: plan.list.integratedIR.map(range) ?? "", listDR: plan.list.diagnosticRadiology.map(range) ?? "",
            listRule: plan.list.rule ?? "", listInterpolated: plan.list.interpolated,
            // D8: a failed score is reported, but a retake date still applies.
            timingScenario: plan.timing.scenario.rawValue, hasReportedScore: summary.basis == .reported && plan.timing.retakeEarliest == nil,
            timingLatest: plan.timing.latestDate.longForm,
            timingLatestISO: plan.timing.latestDate.description,
            redFlagCount: "\(plan.redFlags.count)", hasRedFlags: !plan.redFlags.isEmpty,
            hasNearBoundary: summary.nearBoundary != nil,
            nearBoundary: summary.nearBoundary.map {
                "Your score is within \(rules.nearBoundaryPoints) points of the \($0.boundary) boundary, and bands are approximate: weigh the advice for both the \($0.neighbours[0].name) and the \($0.neighbours[1].name) bands (D1)."
            } ?? "",
            recovery: summary.recovery,
            isRetake: plan.timing.retakeEarliest != nil,
            hasStep1Retake: plan.timing.step1RetakeTarget != nil,
            step1Retake: plan.timing.step1RetakeTarget?.longForm ?? "",
            step1RetakeISO: plan.timing.step1RetakeTarget?.description ?? "",
            // The old report had no rule line and no score scale in its glance.
            rules: "",
            scoreScale: ScoreScaleView(hasScore: false, segments: [], boundaries: [], markerX: "", hasRange: false, rangeX: "",
                                       rangeWidth: "", labelX: "", labelAnchor: "", label: "", summary: "")
        )
    }

    private func scoreText(_ summary: StrategyPlan.Step2CKSummary) -> String {
        switch summary.basis {
        case .reported:
            return "\(summary.reported!) (reported)"
        case .predicted:
            let low = summary.practiceLow!, high = summary.practiceHigh!
            let range = low == high ? "\(low)" : "\(low) to \(high)"
            return "\(low) (low end of NBME practice scores \(range); score not reported yet)"
        case .none:
            return "none yet"
        }
    }

    /// D12: a count of zero programs (DR-only pathway) reads "no".
    private func range(_ range: Rules.CountRange) -> String { range.max == 0 ? "no" : "\(range.min) to \(range.max)" }

    private func listRows(current: String?) -> [ListRowView] {
        rules.listSizes.enumerated().map { index, row in
            let upper = index == 0 ? "and above" : "to \(rules.listSizes[index - 1].minimum - 1)"
            let scores = index == rules.listSizes.count - 1 ? "under \(rules.listSizes[index - 1].minimum)" : "\(row.minimum) \(upper)"
            return ListRowView(rule: row.rule, scores: scores, integratedIR: range(row.integratedIR),
                               diagnosticRadiology: range(row.diagnosticRadiology), isCurrent: row.rule == current,
                               interpolated: row.interpolated)
        }
    }

    private func pathwayName(_ pathway: Profile.Pathway) -> String {
        switch pathway {
        case .integratedIR: "integrated IR only"
        case .drESIR: "DR with ESIR"
        case .both: "integrated IR and DR with ESIR"
        }
    }

    private func timingView(_ timing: StrategyPlan.TimingPlan) -> ComposedTimingView {
        ComposedTimingView(
            scenario: timing.scenario.rawValue, reason: timing.reason,
            hasWindowStart: timing.windowStart != nil,
            windowStart: timing.windowStart?.longForm ?? "", windowStartISO: timing.windowStart?.description ?? "",
            latest: timing.latestDate.longForm, latestISO: timing.latestDate.description,
            lateAfter: timing.lateAfter.longForm,
            hasSitting: timing.sittingDate != nil,
            sitting: timing.sittingDate?.longForm ?? "", sittingISO: timing.sittingDate?.description ?? "",
            expectedScore: timing.expectedScoreDate?.longForm ?? "", expectedScoreISO: timing.expectedScoreDate?.description ?? "",
            programsReview: timing.programsReview.longForm, programsReviewISO: timing.programsReview.description,
            reportingWeeks: "\(timing.reportingWeeks)", pages: []
        )
    }

    private func checklistView(_ item: StrategyPlan.ChecklistItem) -> ChecklistView {
        ChecklistView(id: item.id, text: item.text, rule: item.rule, status: item.status.rawValue.replacingUnderscores,
                      statusLabel: item.status.label, isDone: item.status == .done, hasDue: item.due != nil,
                      due: item.due?.longForm ?? "", dueISO: item.due?.description ?? "")
    }

    private func counts(_ items: [StrategyPlan.ChecklistItem]) -> String {
        // D16: "closed" is named only when the Match has closed something.
        StrategyPlan.Status.allCases.filter { $0 != .closed || items.contains { $0.status == .closed } }.map { status in
            "\(items.filter { $0.status == status }.count) \(status.label.lowercased())"
        }.joined(separator: ", ")
    }

    private func timelineView(_ event: StrategyPlan.TimelineEvent) -> TimelineView {
        let labels: [StrategyPlan.TimelineStatus: String] = [.past: "Past", .current: "Now", .upcoming: "Upcoming"]
        return TimelineView(
            id: event.id, title: event.title, rule: event.rule,
            dateISO: event.date.description, date: event.date.longForm,
            hasEnd: event.end != nil, endISO: event.end?.description ?? "", end: event.end?.longForm ?? "",
            status: event.status.rawValue, statusLabel: labels[event.status]!, isCurrent: event.status == .current,
            verify: event.verify, confidence: event.confidence.rawValue
        )
    }

    /// S0.4: which cycle figures are not official; a date already past "was" projected, with nothing left to verify.
    private func cycleNotes(today: CalendarDate) -> [String] {
        var notes = cycle.events.filter { $0.confidence.needsVerification }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map {
            $0.date < today
                ? ($0.confidence == .projected ? "\($0.title): \($0.date.longForm) was projected (\($0.source))."
                                               : "\($0.title): \($0.date.longForm), from a \($0.confidence.rawValue) source (\($0.source)).")
                : "\($0.title): \($0.date.longForm) is \($0.confidence.rawValue) (\($0.source)); verify."
        }
        if cycle.passingScore.confidence.needsVerification {
            notes.append("Step 2 CK passing score \(cycle.passingScore.value) is \(cycle.passingScore.confidence.rawValue) (\(cycle.passingScore.source)); verify.")
        }
        return notes
    }
}

