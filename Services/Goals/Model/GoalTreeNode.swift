import Foundation
import StrideContracts

/// One goal in a subtree view: the goal, its own progress and the progress rolled up from the
/// goals aligned below it by weight.
public struct GoalTreeNode: Sendable, Codable, Equatable {
    public var goalID: String
    public var parentGoalID: String?
    public var ownerID: String
    public var level: GoalLevel
    public var title: String
    public var status: GoalStatus
    @DecimalString public var weight: Decimal
    @DecimalString public var progressPercent: Decimal
    @DecimalString public var rolledUpProgressPercent: Decimal
    public var atRisk: Bool
    /// How deep below the subtree's root (0 = the root).
    public var depth: Int

    enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case parentGoalID = "parent_goal_id"
        case ownerID = "owner_id"
        case level
        case title
        case status
        case weight
        case progressPercent = "progress_percent"
        case rolledUpProgressPercent = "rolled_up_progress_percent"
        case atRisk = "at_risk"
        case depth
    }
}
