import MatchPlanFileSystem
import MatchPlanModel

/// Turns a plan and the guidance pages into the ``ReportView`` the layout renders, rendering
/// each section through its partial (``TemplateSet/render(_:template:)``, compiled per view
/// shape) and each guidance page once per run (``FragmentCache``).
///
/// `escapeText` prepares text from a profile, front matter or cycle file for the output format:
/// identity for HTML (Mustache escapes it), Markdown escaping for the Markdown report (whose
/// templates turn HTML escaping off).
struct ReportViewBuilder {
    let rules: Rules
    let cycle: Cycle
    let pages: [GuidancePage]
    let templates: TemplateSet
    /// Guidance pages, page groups and shared items of this format, rendered once per run.
    let fragments: ReportFragments
    /// File extension of the partials to use: `html` or `md`.
    let format: String

    func build(_ plan: StrategyPlan, escapeText: (String) -> String) throws -> ReportView {
        let conditions = Set(plan.conditions)
        // Indices, not copies: a GuidancePage is a dozen strings to retain and release.
        let applicable = pages.indices.filter { pages[$0].applies(to: conditions) }
        func partial(_ name: String) -> String { "partials/\(name).\(format)" }
        func pageGroup(_ sections: [GuidancePage.Section]) throws -> RenderedPages {
            let selected = applicable.filter { sections.contains(pages[$0].section) }
            let text = try selected.map { index in
                try fragments.pages.value(for: index) {
                    let page = pages[index]
                    return try templates.render(PageView(id: page.id, title: escapeText(page.title), html: page.html,
                                                         markdown: page.markdown.trimmingTrailingNewlines,
                                                         rules: escapeText(page.rules.joined(separator: ", "))),
                                                template: partial("page"))
                }
            }.joined()
            return RenderedPages(key: selected.map { pages[$0].id }.joined(separator: " "), text: text)
        }
        // Students with the same applicable pages share every group.
        let groups = try fragments.pageGroups.value(for: applicable) {
            PageGroups(strategy: try pageGroup([.strategy, .situation]), timing: try pageGroup([.timing]), list: try pageGroup([.list]),
                       pathways: try pageGroup([.pathways]), holistic: try pageGroup([.holistic]), signals: try pageGroup([.signals]),
                       intro: try pageGroup([.intro]), faq: try pageGroup([.faq]))
        }
        func render(_ view: Any, _ name: String) throws -> String { try templates.render(view, template: partial(name)) }
        func renderAll(_ views: [Any], _ name: String) throws -> String { try views.map { try render($0, name) }.joined() }
        /// Items most students share, stored by value.
        func renderShared<Item: Hashable>(_ items: [Item], _ name: String, _ cache: FragmentCache<Item, String>,
                                          view: (Item) -> some Encodable) throws -> String {
            try items.map { item in try cache.value(for: item) { try render(view(item), name) } }.joined()
        }
        func findings(_ list: [StrategyPlan.Finding], kind: String, label: String) throws -> String {
            try renderAll(list.map { FindingView(id: $0.id, rule: $0.rule, message: $0.message, kind: kind, label: label) }, "finding")
        }
        var timing = timingView(plan.timing)
        timing.pages = groups.timing
        let notes = cycleNotes(today: plan.today).map(escapeText)
        return ReportView(
            title: plan.name.map { "IR application strategy for \(escapeText($0))" } ?? "IR application strategy",
            matchYear: "\(plan.matchYear)",
            seasonYear: "\(plan.seasonYear)",
            today: plan.today.longForm,
            todayISO: plan.today.description,
            stage: plan.stage?.rawValue ?? "",
            hasStage: plan.stage != nil,
            hasRedFlags: !plan.redFlags.isEmpty,
            hasWarnings: !plan.warnings.isEmpty,
            glance: try render(glanceView(plan), "glance"),
            findings: try render(FindingsView(
                hasRedFlags: !plan.redFlags.isEmpty, redFlagItems: try findings(plan.redFlags, kind: "red-flag", label: "Red flag"),
                hasWarnings: !plan.warnings.isEmpty, warningItems: try findings(plan.warnings, kind: "warning", label: "Warning")
            ), "findings"),
            strategy: groups.strategy.text,
            checklist: try render(ChecklistSectionView(
                counts: counts(plan.checklist),
                items: try renderShared(plan.checklist, "checklist-item", fragments.checklistItems, view: checklistView)
            ), "checklist"),
            timeline: try render(TimelineSectionView(
                items: try renderShared(plan.timeline, "timeline-event", fragments.timelineEvents, view: timelineView)
            ), "timeline"),
            timing: try render(timing, "timing"),
            list: try render(ListSectionView(rows: listRows(current: plan.list.rule), pages: groups.list), "list"),
            programList: try programListSection(plan, escapeText: escapeText),
            pathways: try render(PathwaysView(
                pathwayChosen: plan.pathway.chosen.map(pathwayName) ?? "not chosen yet",
                bothStronglyAdvised: plan.pathway.bothStronglyAdvised, pages: groups.pathways
            ), "pathways"),
            holistic: groups.holistic.text,
            signals: try render(SignalsView(
                gold: "\(plan.signals.gold)", silver: "\(plan.signals.silver)", verify: plan.signals.confidence.needsVerification,
                source: escapeText(cycle.signals.source), evidence: escapeText(cycle.signals.evidence),
                includeESIRPrograms: plan.signals.includeESIRPrograms,
                pages: groups.signals
            ), "signals"),
            intro: groups.intro.text,
            faq: groups.faq.text,
            sources: try render(SourcesView(matchYear: "\(plan.matchYear)", cycleNotes: notes, hasCycleNotes: !notes.isEmpty), "sources")
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
            step1RetakeISO: plan.timing.step1RetakeTarget?.description ?? ""
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

    private func timingView(_ timing: StrategyPlan.TimingPlan) -> TimingView {
        TimingView(
            scenario: timing.scenario.rawValue, reason: timing.reason,
            hasWindowStart: timing.windowStart != nil,
            windowStart: timing.windowStart?.longForm ?? "", windowStartISO: timing.windowStart?.description ?? "",
            latest: timing.latestDate.longForm, latestISO: timing.latestDate.description,
            lateAfter: timing.lateAfter.longForm,
            hasSitting: timing.sittingDate != nil,
            sitting: timing.sittingDate?.longForm ?? "", sittingISO: timing.sittingDate?.description ?? "",
            expectedScore: timing.expectedScoreDate?.longForm ?? "", expectedScoreISO: timing.expectedScoreDate?.description ?? "",
            programsReview: timing.programsReview.longForm, programsReviewISO: timing.programsReview.description,
            reportingWeeks: "\(timing.reportingWeeks)", pages: .empty
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
            // C7: "was projected" reads; "was secondary" does not: a past non-projected date names its source kind.
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

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
