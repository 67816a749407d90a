import MatchPlanFileSystem
import MatchPlanModel
import MatchPlanPlan

/// Turns a plan and the guidance pages into the one ``ReportView`` the layout renders with its
/// partials. Builds data only: no template is rendered here. The guidance pages of each set of
/// applicable pages are built once per run (``ReportFragments``).
///
/// Text from a profile, front matter or cycle file goes into the view as it is: the templates'
/// content type escapes it (HTML in `.html` templates, `MARKDOWN` in `.md` ones,
/// ``MarkdownContentType``), so one view serves every format.
struct ReportViewBuilder {
    let rules: Rules
    let cycle: Cycle
    let pages: [GuidancePage]
    /// Page views of this format, built once per run.
    let fragments: ReportFragments
    /// Render the general guidance open (`--print-guidance`), so it prints.
    var guidanceOpen = false

    func build(_ plan: StrategyPlan) -> ReportView {
        let conditions = Set(plan.conditions)
        // Indices, not copies: a GuidancePage is a dozen strings to retain and release.
        let applicable = pages.indices.filter { pages[$0].applies(to: conditions) }
        func pageGroup(_ sections: [GuidancePage.Section]) -> [PageView] {
            applicable.filter { sections.contains(pages[$0].section) }.map { index in
                let page = pages[index]
                return PageView(id: page.id, title: page.title, html: page.html,
                                markdown: page.markdown.trimmingTrailingNewlines, rules: page.rules.joined(separator: ", "),
                                isOpen: guidanceOpen)
            }
        }
        // Students with the same applicable pages share every group.
        let groups = fragments.pageGroups.value(for: PageGroupsKey(pages: applicable, isOpen: guidanceOpen)) {
            PageGroups(strategy: pageGroup([.strategy, .situation]), timing: pageGroup([.timing]), list: pageGroup([.list]),
                       pathways: pageGroup([.pathways]), holistic: pageGroup([.holistic]), signals: pageGroup([.signals]),
                       intro: pageGroup([.intro]), faq: pageGroup([.faq]))
        }
        func findings(_ list: [StrategyPlan.Finding], kind: String, label: String) -> [FindingView] {
            list.map { FindingView(id: $0.id, rule: $0.rule, message: $0.message, kind: kind, label: label) }
        }
        // The same for every student of a run on the same day (the renderer's cycle is fixed).
        let notes = fragments.cycleNotes.value(for: plan.today) { cycleNotes(today: plan.today) }
        let checklist = ChecklistOrder.forAction(plan.checklist)
        let past = plan.timeline.filter { $0.status == .past }, ahead = plan.timeline.filter { $0.status != .past }
        // Students with the same scores and band share the picture.
        let scaleKey = ScoreScaleKey(scoreUsed: plan.step2ck.scoreUsed, reported: plan.step2ck.reported, practiceLow: plan.step2ck.practiceLow,
                                     practiceHigh: plan.step2ck.practiceHigh, band: plan.band)
        let scale = fragments.scoreScales.value(for: scaleKey) { scoreScaleView(plan) }
        let whatIf = whatIfView(plan.whatIf)
        let chart = timelineChartView(plan)
        return ReportView(
            title: plan.name.map { "IR application strategy for \($0)" } ?? "IR application strategy",
            matchYear: "\(plan.matchYear)",
            seasonYear: "\(plan.seasonYear)",
            today: plan.today.longForm,
            todayISO: plan.today.description,
            stage: plan.stage?.rawValue ?? "",
            hasStage: plan.stage != nil,
            hasRedFlags: !plan.redFlags.isEmpty,
            hasWarnings: !plan.warnings.isEmpty,
            doNow: doNowView(plan.actions),
            glance: glanceView(plan, scoreScale: scale),
            findings: FindingsView(
                hasRedFlags: !plan.redFlags.isEmpty, redFlagItems: findings(plan.redFlags, kind: "red-flag", label: "Red flag"),
                hasWarnings: !plan.warnings.isEmpty, warningItems: findings(plan.warnings, kind: "warning", label: "Warning"),
                redFlagRules: Self.ruleLine(plan.redFlags.map(\.rule)), warningRules: Self.ruleLine(plan.warnings.map(\.rule))
            ),
            timing: timingView(plan.timing),
            list: ListSectionView(rows: listRows(current: plan.list.rule),
                                  rules: Self.ruleLine([plan.list.rule ?? ""] + plan.list.adviceRules + (plan.whatIf.isEmpty ? [] : whatIf.rules)),
                                  whatIf: whatIf),
            programList: plan.programList.map { [Self.programListView($0, plan: plan)] } ?? [],
            hasProgramList: plan.programList != nil,
            checklist: ChecklistSectionView(
                counts: counts(plan.checklist), items: checklist.open.map(checklistView),
                hasFinished: !checklist.finished.isEmpty, finished: checklist.finished.map(checklistView),
                finishedCount: "\(checklist.finished.count)", rules: Self.ruleLine(checklist.open.map(\.rule) + checklist.finished.map(\.rule))
            ),
            timeline: TimelineSectionView(items: ahead.map(timelineView), hasPast: !past.isEmpty, past: past.map(timelineView),
                                          pastCount: "\(past.count)", rules: Self.ruleLine(plan.timeline.map(\.rule)),
                                          timelineChart: chart),
            pathways: PathwaysView(
                pathwayChosen: plan.pathway.chosen.map(pathwayName) ?? "not chosen yet",
                bothStronglyAdvised: plan.pathway.bothStronglyAdvised
            ),
            signals: SignalsView(
                gold: "\(plan.signals.gold)", silver: "\(plan.signals.silver)", verify: plan.signals.confidence.needsVerification,
                source: cycle.signals.source, evidence: cycle.signals.evidence,
                includeESIRPrograms: plan.signals.includeESIRPrograms
            ),
            guidance: GuidanceView(
                isOpen: guidanceOpen,
                hasStrategy: !groups.strategy.isEmpty, strategy: groups.strategy, hasTiming: !groups.timing.isEmpty, timing: groups.timing,
                hasList: !groups.list.isEmpty, list: groups.list, hasPathways: !groups.pathways.isEmpty, pathways: groups.pathways,
                hasHolistic: !groups.holistic.isEmpty, holistic: groups.holistic, hasSignals: !groups.signals.isEmpty, signals: groups.signals,
                hasIntro: !groups.intro.isEmpty, intro: groups.intro, hasFaq: !groups.faq.isEmpty, faq: groups.faq
            ),
            sources: SourcesView(matchYear: "\(plan.matchYear)", cycleNotes: notes, hasCycleNotes: !notes.isEmpty)
        )
    }

    private func glanceView(_ plan: StrategyPlan, scoreScale: ScoreScaleView) -> GlanceView {
        let summary = plan.step2ck
        let hasReportedScore = summary.basis == .reported && plan.timing.retakeEarliest == nil
        let isRetake = plan.timing.retakeEarliest != nil
        // D20: one Step 2 CK state decides the timing card, as it decides the timing text.
        let isAwaitingScore = summary.state == .satAwaitingScore || summary.state == .scoreOverdue
        // N4: a date years away is not yet a deadline.
        let isFarAhead = !summary.state.sat && plan.today.days(until: plan.timing.latestDate) > DoNow.seasonHorizonDays
        return GlanceView(
            band: plan.band.label, bandName: plan.band.name, bandKey: plan.band.rawValue, bandRule: plan.bandRule,
            scoreText: scoreText(summary),
            scenario: plan.scenario.label, scenarioName: plan.scenario.name, scenarioRule: plan.scenarioRule,
            scenarioDiffers: plan.scenario != plan.band,
            hasList: plan.list.rule != nil,
            listIR: plan.list.integratedIR.map(range) ?? "", listDR: plan.list.diagnosticRadiology.map(range) ?? "",
            listRule: plan.list.rule ?? "", listInterpolated: plan.list.interpolated,
            // D8: a failed score is reported, but a retake date still applies.
            timingScenario: plan.timing.scenario.rawValue, hasReportedScore: hasReportedScore,
            timingLatest: plan.timing.latestDate.longForm,
            timingLatestISO: plan.timing.latestDate.description,
            redFlagCount: "\(plan.redFlags.count)", hasRedFlags: !plan.redFlags.isEmpty,
            hasNearBoundary: summary.nearBoundary != nil,
            nearBoundary: summary.nearBoundary.map {
                "Your score is within \(rules.nearBoundaryPoints) points of the \($0.boundary) boundary, and bands are approximate: weigh the advice for both the \($0.neighbours[0].name) and the \($0.neighbours[1].name) bands (D1)."
            } ?? "",
            recovery: summary.recovery,
            isRetake: isRetake,
            isAwaitingScore: isAwaitingScore, scoreOverdue: summary.state == .scoreOverdue,
            expectedScore: plan.timing.expectedScoreDate?.longForm ?? "", expectedScoreISO: plan.timing.expectedScoreDate?.description ?? "",
            isFarAhead: isFarAhead, showSitBy: !hasReportedScore && !isRetake && !isAwaitingScore && !isFarAhead,
            hasStep1Retake: plan.timing.step1RetakeTarget != nil,
            step1Retake: plan.timing.step1RetakeTarget?.longForm ?? "",
            step1RetakeISO: plan.timing.step1RetakeTarget?.description ?? "",
            rules: Self.ruleLine([plan.bandRule, plan.scenarioRule, plan.list.rule ?? "", plan.timing.scenario.rawValue]
                                 + (summary.nearBoundary != nil ? ["D1"] : []) + (plan.timing.retakeEarliest != nil ? ["D8"] : [])
                                 + (plan.timing.step1RetakeTarget != nil ? ["S1.1"] : []) + (summary.recovery ? ["S1.2"] : [])),
            scoreScale: scoreScale
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
    func range(_ range: Rules.CountRange) -> String { range.max == 0 ? "no" : "\(range.min) to \(range.max)" }

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
            reportingWeeks: "\(timing.reportingWeeks)"
        )
    }

    func checklistView(_ item: StrategyPlan.ChecklistItem) -> ChecklistView {
        ChecklistView(id: item.id, text: item.text, rule: item.rule, status: item.status.slug,
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
        let label = switch event.status {
        case .past: "Past"
        case .current: "Now"
        case .upcoming: "Upcoming"
        }
        return TimelineView(
            id: event.id, title: event.title, rule: event.rule,
            dateISO: event.date.description, date: event.date.longForm,
            hasEnd: event.end != nil, endISO: event.end?.description ?? "", end: event.end?.longForm ?? "",
            status: event.status.rawValue, statusLabel: label, isCurrent: event.status == .current,
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
