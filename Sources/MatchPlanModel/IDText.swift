extension String {
    /// `leave_of_absence` → `leave-of-absence` (ids and CSS classes use hyphens).
    public var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
