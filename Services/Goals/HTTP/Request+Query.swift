import Hummingbird
import StrideContracts
import StrideRuntime

extension Request {
    /// The goal filters of a list request.
    func goalFilter() throws(Problem) -> GoalFilter {
        GoalFilter(
            periodID: query("period_id"), ownerID: query("owner_id"), status: try query("status", as: GoalStatus.self),
            level: try query("level", as: GoalLevel.self), atRisk: try queryBool("at_risk"),
            needsReassignment: try queryBool("needs_reassignment"), parentGoalID: query("parent_goal_id"))
    }
}
