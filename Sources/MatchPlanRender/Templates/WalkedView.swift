/// A view taken apart for the compiled layer (``ViewShape``), with its children taken apart as
/// they are first rendered: what a tree render reads of each view, kept so that rendering the
/// same view again (the report in HTML, then in Markdown) does not walk it again (profiled:
/// walking and freeing shapes was a tenth of a roster's time). Used on one thread.
final class WalkedView {
    /// Where the view is: boxed, or an element of a typed list (boxed when a compile asks).
    private let source: Source
    private enum Source {
        case boxed(any Encodable)
        case element(WalkingElement)
    }

    /// The view itself (a compile renders it).
    var view: any Encodable {
        switch source {
        case .boxed(let view): view
        case .element(let element): element.list.element(at: element.index)
        }
    }

    let shape: ViewShape
    /// The shape's signature as a key for a site's programs.
    let key: ShapeKey
    /// Child `i`'s views, walked, once asked for (``children(_:)``).
    private var walked: [[WalkedView]?]

    /// nil when the view holds something a shape cannot stand for.
    /// - Parameter walkable: `view` as a ``ShapeWalkable`` when the caller knows it is one
    ///   (else it is looked up).
    init?(_ view: any Encodable, walkable: (any ShapeWalkable)? = nil) {
        guard let shape = (walkable ?? ViewShape.walkable(view)).map({ ViewShape(walking: $0) })
                ?? ViewShape(view, probe: false, splits: true) else { return nil }
        self.source = .boxed(view)
        self.shape = shape
        self.key = ShapeKey(shape.signature)
        self.walked = Array(repeating: nil, count: shape.children.count)
    }

    /// Element `element.index` of a typed list, walked without boxing it.
    init(walking view: some ShapeWalkable, element: WalkingElement) {
        self.source = .element(element)
        self.shape = ViewShape(walking: view)
        self.key = ShapeKey(shape.signature)
        self.walked = Array(repeating: nil, count: shape.children.count)
    }

    /// The views of child `index` (``ViewShape/children``), walked the first time; nil when one
    /// cannot be (the tree does not cut).
    func children(_ index: Int) -> [WalkedView]? {
        if let known = walked[index] { return known }
        let child = shape.children[index]
        var views: [WalkedView] = []
        views.reserveCapacity(child.count)
        for position in 0..<child.count {
            guard let made = child.walked(at: position) else { return nil }
            views.append(made)
        }
        walked[index] = views
        return views
    }
}

/// An element of a list of views that walk themselves (``WalkingList``).
struct WalkingElement {
    let list: any WalkingViews
    let index: Int
}

/// Where a caller that renders one view in several templates keeps its walked form
/// (``TemplateSet/render(_:template:memo:)``); empty until the first tree render. Used on one
/// thread.
public final class RenderMemo {
    var root: WalkedView?

    public init() {}
}
