// The command line and the fuzz harness import the pipeline alone; the stage modules'
// public types (profile, plan, formats, errors) come with it.
@_exported import MatchPlanFileSystem
@_exported import MatchPlanLoad
@_exported import MatchPlanModel
@_exported import MatchPlanPlan
@_exported import MatchPlanPublish
@_exported import MatchPlanRender
