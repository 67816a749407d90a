import MatchPlanModel

// The report and its sections walk themselves too (``ShapeWalkable``): their nested views and
// lists of views are split off as children exactly as ``ViewShape/State/split(_:key:)`` splits
// them (a struct: ``ShapeCode/splitView``; a non-empty list of structs:
// ``ShapeCode/splitList``; an empty one stays in the shape as an empty list). Fields in
// declaration order; debug builds check each walk against the `Encodable` one.

extension ShapeWalk {
    /// A nested view: a child of its own.
    mutating func add(view: some Encodable) {
        signature.append(ShapeCode.splitView.rawValue)
        children.append(.view(view))
    }

    /// A nested view that walks itself: a child of its own.
    mutating func add(view: some ShapeWalkable) {
        signature.append(ShapeCode.splitView.rawValue)
        children.append(.walkingView(view))
    }

    /// A list of views that walk themselves: a child of its own unless empty.
    mutating func add<View: ShapeWalkable>(views: [View]) {
        addList(isEmpty: views.isEmpty) { .walkingList(WalkingList(views: views)) }
    }

    /// A list of views: a child of its own unless empty.
    mutating func add<View: Encodable>(views: [View]) {
        addList(isEmpty: views.isEmpty) { .list(views.map { $0 }) }
    }

    /// An empty list stays in the shape; any other is the child `child` makes.
    private mutating func addList(isEmpty: Bool, child: () -> ViewChild) {
        guard !isEmpty else {
            signature.append(ShapeCode.listStart.rawValue)
            signature.append(ShapeCode.listEnd.rawValue)
            return
        }
        signature.append(ShapeCode.splitList.rawValue)
        children.append(child())
    }

    /// A list of strings: part of the view's own shape.
    mutating func add(strings list: [String]) {
        signature.append(ShapeCode.listStart.rawValue)
        for text in list { add(text) }
        signature.append(ShapeCode.listEnd.rawValue)
    }
}

extension ReportView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(title); walk.add(matchYear); walk.add(seasonYear); walk.add(today); walk.add(todayISO); walk.add(stage)
        walk.add(hasStage); walk.add(hasRedFlags); walk.add(hasWarnings)
        walk.add(view: doNow); walk.add(view: glance); walk.add(view: findings); walk.add(view: timing); walk.add(view: list)
        walk.add(views: programList); walk.add(hasProgramList)
        walk.add(view: checklist); walk.add(view: timeline); walk.add(view: pathways); walk.add(view: signals)
        walk.add(view: guidance); walk.add(view: sources)
    }
}

extension GlanceView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(band); walk.add(bandName); walk.add(bandKey); walk.add(bandRule); walk.add(scoreText); walk.add(scenario)
        walk.add(scenarioName); walk.add(scenarioRule); walk.add(scenarioDiffers); walk.add(hasList); walk.add(listIR); walk.add(listDR)
        walk.add(listRule); walk.add(listInterpolated); walk.add(timingScenario); walk.add(hasReportedScore); walk.add(timingLatest)
        walk.add(timingLatestISO); walk.add(redFlagCount); walk.add(hasRedFlags); walk.add(hasNearBoundary); walk.add(nearBoundary)
        walk.add(recovery); walk.add(isRetake); walk.add(isAwaitingScore); walk.add(scoreOverdue); walk.add(expectedScore)
        walk.add(expectedScoreISO); walk.add(isFarAhead); walk.add(showSitBy); walk.add(hasStep1Retake); walk.add(step1Retake)
        walk.add(step1RetakeISO); walk.add(rules); walk.add(view: scoreScale)
    }
}

extension ScoreScaleView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(hasScore); walk.add(views: segments); walk.add(views: boundaries); walk.add(markerX); walk.add(hasRange)
        walk.add(rangeX); walk.add(rangeWidth); walk.add(labelX); walk.add(labelAnchor); walk.add(label); walk.add(summary)
    }
}

extension FindingsView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(hasRedFlags); walk.add(views: redFlagItems); walk.add(hasWarnings); walk.add(views: warningItems)
        walk.add(redFlagRules); walk.add(warningRules)
    }
}

extension DoNowView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(hasActions); walk.add(views: actions); walk.add(rules)
    }
}

extension ListSectionView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(views: rows); walk.add(rules); walk.add(view: whatIf)
    }
}

extension WhatIfSectionView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(hasRows); walk.add(views: rows); walk.add(strings: rules)
    }
}

extension ChecklistSectionView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(counts); walk.add(views: items); walk.add(hasFinished); walk.add(views: finished); walk.add(finishedCount)
        walk.add(rules)
    }
}

extension TimelineSectionView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(views: items); walk.add(hasPast); walk.add(views: past); walk.add(pastCount); walk.add(rules)
        walk.add(view: timelineChart)
    }
}

extension TimelineChartView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(hasChart); walk.add(today); walk.add(matchDay); walk.add(matchDayISO); walk.add(daysToMatch)
        walk.add(views: events); walk.add(height); walk.add(summary)
    }
}

extension GuidanceView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(isOpen); walk.add(hasStrategy); walk.add(views: strategy); walk.add(hasTiming); walk.add(views: timing)
        walk.add(hasList); walk.add(views: list); walk.add(hasPathways); walk.add(views: pathways); walk.add(hasHolistic)
        walk.add(views: holistic); walk.add(hasSignals); walk.add(views: signals); walk.add(hasIntro); walk.add(views: intro)
        walk.add(hasFaq); walk.add(views: faq)
    }
}

extension SourcesView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(matchYear); walk.add(strings: cycleNotes); walk.add(hasCycleNotes)
    }
}
