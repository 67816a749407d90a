/// MatchPlan's version, printed by `matchplan --version`. Raise it with each release.
public enum MatchPlanVersion {
    public static let current = "0.9.0"
}
