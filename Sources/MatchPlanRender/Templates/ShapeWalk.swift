import MatchPlanModel

/// A view that lists its own fields for ``ViewShape``, in declaration order: what its
/// synthesized `Encodable` conformance visits, without an `Encoder`. Profiling a roster showed
/// the `Encoder` walk (a container box, dynamic casts and several allocations per view) to be
/// a fifth of its time, most of it on the many small views of lists (checklist items, timeline
/// events).
///
/// Only shapes are read this way (to find and run a view's program); probes still go through
/// `Encodable`. Debug builds (the tests) check every walk against the `Encodable` one, so a
/// field added to a view and not to its walk fails any test that renders it.
protocol ShapeWalkable: Encodable {
    func walk(_ walk: inout ShapeWalk)
}

/// What ``ShapeWalkable/walk(_:)`` collects: the same entries ``ViewShape/State`` would.
struct ShapeWalk {
    var signature: [Int] = []
    var strings: [String] = []
    /// Nested views split off (``ViewShape/children``; `ShapeWalk+Sections.swift`).
    var children: [ViewChild] = []

    mutating func add(_ text: String) {
        guard !text.isEmpty else {
            signature.append(ShapeCode.emptyString.rawValue)
            return
        }
        let lineBreak = ViewShape.State.endsWithLineFeed(text)
        signature.append((lineBreak ? ShapeCode.stringEndingWithLineBreak : .string).rawValue)
        strings.append(text)
    }

    mutating func add(_ flag: Bool) {
        signature.append((flag ? ShapeCode.trueFlag : .falseFlag).rawValue)
    }

    mutating func add(_ number: Int) {
        signature.append(ShapeCode.integer.rawValue)
        signature.append(number)
    }
}

extension ViewShape {
    /// The shape of a view that walks itself, nested views split off (no probe).
    init(walking view: some ShapeWalkable) {
        var walk = ShapeWalk()
        walk.signature.reserveCapacity(24)
        walk.strings.reserveCapacity(12)
        walk.signature.append(Int(bitPattern: ObjectIdentifier(type(of: view))))  // the view's type
        view.walk(&walk)
        signature = walk.signature
        strings = walk.strings
        // Only a compile reads it, and a compile walks the view through `Encodable` (a string's
        // line break is in the signature too: ShapeCode.stringEndingWithLineBreak).
        endsWithLineBreak = []
        children = walk.children
        probe = nil
        assert(Self.sameAsEncoded(self, view), "\(type(of: view)).walk(_:) differs from its Encodable fields")
    }

    /// `view` as a ``ShapeWalkable``, or nil. Whether a type is one is remembered per type: a
    /// failing cast to a protocol costs about as much as walking a small view.
    static func walkable(_ view: any Encodable) -> (any ShapeWalkable)? {
        let isWalkable = walkableTypes.value(for: ObjectIdentifier(type(of: view))) { view is any ShapeWalkable }
        return isWalkable ? view as? any ShapeWalkable : nil
    }

    private static let walkableTypes = FragmentCache<ObjectIdentifier, Bool>(capacity: 1024)

    /// Whether `shape` is what the `Encodable` walk gives for `view`.
    private static func sameAsEncoded(_ shape: ViewShape, _ view: some ShapeWalkable) -> Bool {
        guard let encoded = ViewShape(view, probe: false, splits: true) else { return false }
        return encoded.signature == shape.signature && encoded.strings == shape.strings
            && encoded.children.count == shape.children.count
            && zip(encoded.children, shape.children).allSatisfy { $0.isList == $1.isList && $0.views.count == $1.views.count }
    }
}

// The small views of the report's lists and sections, fields in declaration order.

extension ChecklistView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(id); walk.add(text); walk.add(rule); walk.add(status); walk.add(statusLabel)
        walk.add(isDone); walk.add(hasDue); walk.add(due); walk.add(dueISO)
    }
}

extension TimelineView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(id); walk.add(title); walk.add(rule); walk.add(dateISO); walk.add(date); walk.add(hasEnd); walk.add(endISO)
        walk.add(end); walk.add(status); walk.add(statusLabel); walk.add(isCurrent); walk.add(verify); walk.add(confidence)
    }
}

extension FindingView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(id); walk.add(rule); walk.add(message); walk.add(kind); walk.add(label)
    }
}

extension PageView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(id); walk.add(title); walk.add(html); walk.add(markdown); walk.add(rules); walk.add(isOpen)
    }
}

extension ActionView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(id); walk.add(text); walk.add(hasDue); walk.add(due); walk.add(dueISO); walk.add(daysLeft); walk.add(isUrgent)
    }
}

extension ListRowView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(rule); walk.add(scores); walk.add(integratedIR); walk.add(diagnosticRadiology); walk.add(isCurrent); walk.add(interpolated)
    }
}

extension WhatIfRowView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(score); walk.add(why); walk.add(band); walk.add(scenario); walk.add(scenarioDiffers); walk.add(integratedIR)
        walk.add(diagnosticRadiology); walk.add(timing); walk.add(hasTiming)
    }
}

extension ScaleSegmentView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(bandKey); walk.add(name); walk.add(x); walk.add(width); walk.add(centerX); walk.add(isYours)
    }
}

extension ScaleBoundaryView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(score); walk.add(x)
    }
}

extension ChartEventView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(x); walk.add(labelY); walk.add(anchor); walk.add(label)
    }
}

extension TimingView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(scenario); walk.add(reason); walk.add(hasWindowStart); walk.add(windowStart); walk.add(windowStartISO); walk.add(latest)
        walk.add(latestISO); walk.add(lateAfter); walk.add(hasSitting); walk.add(sitting); walk.add(sittingISO); walk.add(expectedScore)
        walk.add(expectedScoreISO); walk.add(programsReview); walk.add(programsReviewISO); walk.add(reportingWeeks)
    }
}

extension PathwaysView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(pathwayChosen); walk.add(bothStronglyAdvised)
    }
}

extension SignalsView: ShapeWalkable {
    func walk(_ walk: inout ShapeWalk) {
        walk.add(gold); walk.add(silver); walk.add(verify); walk.add(source); walk.add(evidence); walk.add(includeESIRPrograms)
    }
}
