/// The entries of a view's shape signature (``ViewShape/signature``) besides the view's type
/// and its integers' values. Two views render through the same compiled program exactly when
/// their signatures are equal, so each code marks one thing swift-mustache's output depends on.
/// The raw values are arbitrary but must stay distinct (and distinct from the values that
/// follow ``integer``, which are read in position, never as codes).
enum ShapeCode: Int {
    /// A list begins (its elements follow, then ``listEnd``): the length decides how often a section repeats.
    case listStart = -1
    /// A list ends.
    case listEnd = -2
    /// A `true` boolean (a section renders).
    case trueFlag = 1
    /// A `false` boolean (an inverted section renders).
    case falseFlag = 2
    /// An integer; the next entry is its value (printed as digits, and zero is falsy).
    case integer = 3
    /// ``RenderedPages``: its two strings follow.
    case renderedPages = 4
    /// An empty string (falsy in a section; prints nothing).
    case emptyString = 7
    /// A non-empty string ending with a line break (swift-mustache indents a partial after it).
    case stringEndingWithLineBreak = 8
    /// Any other non-empty string.
    case string = 9
    /// A nested view (a struct) split off as a program of its own (``ViewShape/children``): in
    /// a section it renders through its own program; the parent's shape does not hold its own.
    case splitView = 10
    /// A non-empty list of views split off the same way: the parent's shape holds neither its
    /// length nor its elements' shapes (each element is looked up by its own).
    case splitList = 11
}

extension ViewShape.State {
    /// Appends `code` to the signature.
    func append(_ code: ShapeCode) {
        signature.append(code.rawValue)
    }
}
