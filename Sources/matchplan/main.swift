import MatchPlanKit
print("stub")
