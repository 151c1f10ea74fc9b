import StrideContracts

/// The filters of a goal list; nil means "any".
public struct GoalFilter: Sendable, Equatable {
    public var periodID: String?
    public var ownerID: String?
    public var status: GoalStatus?
    public var level: GoalLevel?
    public var atRisk: Bool?
    public var needsReassignment: Bool?
    public var parentGoalID: String?

    public init(
        periodID: String? = nil, ownerID: String? = nil, status: GoalStatus? = nil, level: GoalLevel? = nil,
        atRisk: Bool? = nil, needsReassignment: Bool? = nil, parentGoalID: String? = nil
    ) {
        self.periodID = periodID
        self.ownerID = ownerID
        self.status = status
        self.level = level
        self.atRisk = atRisk
        self.needsReassignment = needsReassignment
        self.parentGoalID = parentGoalID
    }
}

/// Whose goals a reader may see.
public enum GoalVisibility: Sendable, Equatable {
    /// HR, admins and services: every goal.
    case everything
    /// Everyone else: org-level goals, their own, and those of their whole reporting line.
    case viewer(String)
}
