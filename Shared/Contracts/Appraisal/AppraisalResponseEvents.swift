/// The employee acknowledged their final appraisal (`stride.appraisal.v1`, key employee id).
/// Acknowledging means "I have seen it", not "I agree".
public struct AppraisalAcknowledged: StrideEvent {
    public static let eventType = "stride.appraisal.appraisal.acknowledged.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { employeeID }

    /// The appraisal.
    public var appraisalID: String
    /// The cycle.
    public var cycleID: String
    /// The employee.
    public var employeeID: String
    /// The version acknowledged.
    public var version: Int
    /// Who acknowledged (the employee).
    public var actorID: String
    /// The employee's comment, if any.
    public var comment: String?

    /// Creates the event.
    public init(appraisalID: String, cycleID: String, employeeID: String, version: Int, actorID: String, comment: String?) {
        self.appraisalID = appraisalID
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.version = version
        self.actorID = actorID
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case appraisalID = "appraisal_id"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case version
        case actorID = "actor_id"
        case comment
    }
}

/// The employee disputed their final appraisal (`stride.appraisal.v1`, key employee id).
/// Incentives holds the employee's recommendations until the dispute is resolved.
public struct AppraisalDisputed: StrideEvent {
    public static let eventType = "stride.appraisal.appraisal.disputed.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { employeeID }

    /// The dispute.
    public var disputeID: String
    /// The appraisal.
    public var appraisalID: String
    /// The cycle.
    public var cycleID: String
    /// The employee.
    public var employeeID: String
    /// The version disputed.
    public var version: Int
    /// Who raised it (the employee).
    public var actorID: String
    /// The JSON names of the disputed parts, e.g. `["rating", "competency_score"]`.
    public var disputedFields: [String]
    /// The employee's reason.
    public var reason: String

    /// Creates the event.
    public init(
        disputeID: String, appraisalID: String, cycleID: String, employeeID: String, version: Int, actorID: String,
        disputedFields: [String], reason: String
    ) {
        self.disputeID = disputeID
        self.appraisalID = appraisalID
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.version = version
        self.actorID = actorID
        self.disputedFields = disputedFields
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case disputeID = "dispute_id"
        case appraisalID = "appraisal_id"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case version
        case actorID = "actor_id"
        case disputedFields = "disputed_fields"
        case reason
    }
}

/// HR resolved a dispute (`stride.appraisal.v1`, key employee id). When `amended`, an
/// ``AppraisalFinalized`` with `resulting_version` follows.
public struct AppraisalDisputeResolved: StrideEvent {
    public static let eventType = "stride.appraisal.dispute.resolved.v1"
    public static let topic = StrideTopic.appraisal
    public var partitionKey: String { employeeID }

    /// The dispute.
    public var disputeID: String
    /// The appraisal.
    public var appraisalID: String
    /// The cycle.
    public var cycleID: String
    /// The employee.
    public var employeeID: String
    /// The HR person who resolved it.
    public var actorID: String
    /// Upheld, amended or withdrawn.
    public var resolution: DisputeResolution
    /// The appraisal version in force after the resolution.
    public var resultingVersion: Int
    /// HR's explanation.
    public var comment: String

    /// Creates the event.
    public init(
        disputeID: String, appraisalID: String, cycleID: String, employeeID: String, actorID: String,
        resolution: DisputeResolution, resultingVersion: Int, comment: String
    ) {
        self.disputeID = disputeID
        self.appraisalID = appraisalID
        self.cycleID = cycleID
        self.employeeID = employeeID
        self.actorID = actorID
        self.resolution = resolution
        self.resultingVersion = resultingVersion
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case disputeID = "dispute_id"
        case appraisalID = "appraisal_id"
        case cycleID = "cycle_id"
        case employeeID = "employee_id"
        case actorID = "actor_id"
        case resolution
        case resultingVersion = "resulting_version"
        case comment
    }
}
