/// The rules for aligning a goal under a parent goal (top-down decomposition): the parent must
/// exist, belong to the same period, and the goal tree must stay a tree.
public enum Alignment {
    /// Checks that goal `goalID` (in period `periodID`) may align under `parentID`.
    ///
    /// - A goal cannot align to itself (``GoalRuleViolation/Code/alignmentCycle``).
    /// - The parent must exist (``GoalRuleViolation/Code/invalidField``, "No goal <id> to align to.")
    ///   and be in the same period (``GoalRuleViolation/Code/crossPeriodParent``).
    /// - Walking up from the parent must never reach the goal (``GoalRuleViolation/Code/alignmentCycle``).
    ///
    /// All with field `parent_goal_id`.
    /// - Important: Terminates on stored data that already loops: the walk stops at the first goal
    ///   it sees twice, or at an ancestor the lookup does not know.
    /// - Parameters:
    ///   - goalID: the goal being aligned (it need not exist yet).
    ///   - periodID: the goal's period.
    ///   - parentID: the proposed parent.
    ///   - lookup: an existing goal's parent and period, `nil` when there is no such goal.
    /// - Throws: the first rule broken, in the order above.
    public static func validate(
        goalID: String, periodID: String, parentID: String,
        lookup: (String) -> (parentID: String?, periodID: String)?
    ) throws(GoalRuleViolation) {
        guard parentID != goalID else {
            throw GoalRuleViolation(.alignmentCycle, field: "parent_goal_id", "A goal cannot align to itself.")
        }
        guard let parent = lookup(parentID) else {
            throw GoalRuleViolation(.invalidField, field: "parent_goal_id", "No goal \(parentID) to align to.")
        }
        guard parent.periodID == periodID else {
            throw GoalRuleViolation(
                .crossPeriodParent, field: "parent_goal_id",
                "Goal \(parentID) is in period \(parent.periodID); a goal can only align to a goal in its own period (\(periodID))."
            )
        }
        var seen: Set<String> = [parentID]
        var ancestorID = parent.parentID
        while let current = ancestorID {
            if current == goalID {
                throw GoalRuleViolation(
                    .alignmentCycle, field: "parent_goal_id",
                    "Goal \(parentID) is aligned under this goal, so this goal cannot align to it.")
            }
            guard seen.insert(current).inserted, let ancestor = lookup(current) else { return }
            ancestorID = ancestor.parentID
        }
    }
}
