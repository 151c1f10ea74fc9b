/// A goal was written (`stride.goals.v1`, key owner id). Usually a draft; cascaded goals may
/// start approved.
public struct GoalCreated: StrideEvent {
    public static let eventType = "stride.goals.goal.created.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The employee or org unit that owns the goal.
    public var ownerID: String
    /// The goal period.
    public var periodID: String
    /// Who created it.
    public var actorID: String
    /// The goal's version; 1 on creation, +1 on every change.
    public var version: Int
    /// The status it starts in.
    public var status: GoalStatus
    /// What the goal says.
    public var definition: GoalDefinition

    /// Creates the event.
    public init(
        goalID: String, ownerID: String, periodID: String, actorID: String, version: Int, status: GoalStatus,
        definition: GoalDefinition
    ) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.periodID = periodID
        self.actorID = actorID
        self.version = version
        self.status = status
        self.definition = definition
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case periodID = "period_id"
        case actorID = "actor_id"
        case version
        case status
        case definition
    }
}

/// A goal's definition changed (`stride.goals.v1`, key owner id). Carries the whole new
/// definition, plus which fields changed.
public struct GoalUpdated: StrideEvent {
    public static let eventType = "stride.goals.goal.updated.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The goal's owner.
    public var ownerID: String
    /// The goal period.
    public var periodID: String
    /// Who changed it.
    public var actorID: String
    /// The new version.
    public var version: Int
    /// The definition after the change.
    public var definition: GoalDefinition
    /// The JSON names of the definition fields that changed, e.g. `["weight"]`.
    public var changedFields: [String]

    /// Creates the event.
    public init(
        goalID: String, ownerID: String, periodID: String, actorID: String, version: Int, definition: GoalDefinition,
        changedFields: [String]
    ) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.periodID = periodID
        self.actorID = actorID
        self.version = version
        self.definition = definition
        self.changedFields = changedFields
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case periodID = "period_id"
        case actorID = "actor_id"
        case version
        case definition
        case changedFields = "changed_fields"
    }
}

/// The employee submitted a goal for the manager's agreement (`stride.goals.v1`, key owner id).
public struct GoalSubmitted: StrideEvent {
    public static let eventType = "stride.goals.goal.submitted.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The goal's owner.
    public var ownerID: String
    /// The goal period.
    public var periodID: String
    /// Who submitted it (normally the owner).
    public var actorID: String
    /// The version submitted.
    public var version: Int
    /// The manager asked to approve.
    public var approverID: String
    /// A note to the approver, if any.
    public var comment: String?

    /// Creates the event.
    public init(
        goalID: String, ownerID: String, periodID: String, actorID: String, version: Int, approverID: String,
        comment: String?
    ) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.periodID = periodID
        self.actorID = actorID
        self.version = version
        self.approverID = approverID
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case periodID = "period_id"
        case actorID = "actor_id"
        case version
        case approverID = "approver_id"
        case comment
    }
}

/// The manager agreed a submitted goal (`stride.goals.v1`, key owner id).
public struct GoalApproved: StrideEvent {
    public static let eventType = "stride.goals.goal.approved.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The goal's owner.
    public var ownerID: String
    /// The goal period.
    public var periodID: String
    /// The approving manager.
    public var actorID: String
    /// The version approved.
    public var version: Int
    /// A note to the owner, if any.
    public var comment: String?

    /// Creates the event.
    public init(goalID: String, ownerID: String, periodID: String, actorID: String, version: Int, comment: String?) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.periodID = periodID
        self.actorID = actorID
        self.version = version
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case periodID = "period_id"
        case actorID = "actor_id"
        case version
        case comment
    }
}

/// The manager returned a submitted goal for changes (`stride.goals.v1`, key owner id).
public struct GoalRejected: StrideEvent {
    public static let eventType = "stride.goals.goal.rejected.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The goal's owner.
    public var ownerID: String
    /// The goal period.
    public var periodID: String
    /// The manager who returned it.
    public var actorID: String
    /// The version returned.
    public var version: Int
    /// What must change.
    public var reason: String

    /// Creates the event.
    public init(goalID: String, ownerID: String, periodID: String, actorID: String, version: Int, reason: String) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.periodID = periodID
        self.actorID = actorID
        self.version = version
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case periodID = "period_id"
        case actorID = "actor_id"
        case version
        case reason
    }
}
