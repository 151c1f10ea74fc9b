import Foundation

/// How a progress update came in. JSON: `manual`, `metric`.
public enum ProgressOrigin: String, Codable, Sendable, CaseIterable {
    /// Entered by a person.
    case manual
    /// Applied from a ``MetricReading``.
    case metric
}

/// Progress on a goal was recorded (`stride.goals.v1`, key owner id).
public struct GoalProgressRecorded: StrideEvent {
    public static let eventType = "stride.goals.goal.progress-recorded.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The goal's owner.
    public var ownerID: String
    /// The goal period.
    public var periodID: String
    /// This update's id.
    public var progressID: String
    /// Who recorded it (for `metric` updates, the metric source's service id).
    public var actorID: String
    /// Manual entry or metric reading.
    public var origin: ProgressOrigin
    /// The goal's kind, so consumers know which value fields apply.
    public var kind: GoalKind
    /// The key result updated, for objectives.
    public var keyResultID: String?
    /// The measured value before, for KPIs and key results.
    @OptionalDecimalString public var previousValue: Decimal?
    /// The measured value now, for KPIs and key results.
    @OptionalDecimalString public var currentValue: Decimal?
    /// Whether the milestone is done, for milestones.
    public var milestoneDone: Bool?
    /// The goal's progress before, 0–100 (may exceed 100 when over-achieved).
    @DecimalString public var previousProgressPercent: Decimal
    /// The goal's progress now, 0–100 (may exceed 100 when over-achieved).
    @DecimalString public var progressPercent: Decimal
    /// The owner's comment, if any.
    public var comment: String?
    /// A link to evidence, if any.
    public var evidenceURL: String?

    /// Creates the event.
    public init(
        goalID: String, ownerID: String, periodID: String, progressID: String, actorID: String, origin: ProgressOrigin,
        kind: GoalKind, keyResultID: String?, previousValue: Decimal?, currentValue: Decimal?, milestoneDone: Bool?,
        previousProgressPercent: Decimal, progressPercent: Decimal, comment: String?, evidenceURL: String?
    ) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.periodID = periodID
        self.progressID = progressID
        self.actorID = actorID
        self.origin = origin
        self.kind = kind
        self.keyResultID = keyResultID
        self.previousValue = previousValue
        self.currentValue = currentValue
        self.milestoneDone = milestoneDone
        self.previousProgressPercent = previousProgressPercent
        self.progressPercent = progressPercent
        self.comment = comment
        self.evidenceURL = evidenceURL
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case periodID = "period_id"
        case progressID = "progress_id"
        case actorID = "actor_id"
        case origin
        case kind
        case keyResultID = "key_result_id"
        case previousValue = "previous_value"
        case currentValue = "current_value"
        case milestoneDone = "milestone_done"
        case previousProgressPercent = "previous_progress_percent"
        case progressPercent = "progress_percent"
        case comment
        case evidenceURL = "evidence_url"
    }
}

/// A goal moved in its workflow, e.g. approved → active or active → completed
/// (`stride.goals.v1`, key owner id).
public struct GoalStatusChanged: StrideEvent {
    public static let eventType = "stride.goals.goal.status-changed.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The goal's owner.
    public var ownerID: String
    /// The goal period.
    public var periodID: String
    /// Who changed the status.
    public var actorID: String
    /// The goal's version after the change.
    public var version: Int
    /// The status before.
    public var fromStatus: GoalStatus
    /// The status after.
    public var toStatus: GoalStatus
    /// Why, e.g. for a cancellation.
    public var reason: String?

    /// Creates the event.
    public init(
        goalID: String, ownerID: String, periodID: String, actorID: String, version: Int, fromStatus: GoalStatus,
        toStatus: GoalStatus, reason: String?
    ) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.periodID = periodID
        self.actorID = actorID
        self.version = version
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case periodID = "period_id"
        case actorID = "actor_id"
        case version
        case fromStatus = "from_status"
        case toStatus = "to_status"
        case reason
    }
}

/// A goal fell behind its expected pace (`stride.goals.v1`, key owner id). Coaching turns it
/// into a nudge for the manager.
public struct GoalAtRisk: StrideEvent {
    public static let eventType = "stride.goals.goal.flagged-at-risk.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The goal's owner.
    public var ownerID: String
    /// The owner's manager, who gets the nudge.
    public var managerID: String?
    /// The goal period.
    public var periodID: String
    /// The goal's title, for the nudge.
    public var title: String
    /// The day the pace was assessed.
    public var assessedOn: CalendarDate
    /// Progress expected by now given linear pace, 0–100.
    @DecimalString public var expectedProgressPercent: Decimal
    /// Progress actually recorded, 0–100.
    @DecimalString public var actualProgressPercent: Decimal
    /// Expected minus actual, in percentage points.
    @DecimalString public var deviationPoints: Decimal

    /// Creates the event.
    public init(
        goalID: String, ownerID: String, managerID: String?, periodID: String, title: String, assessedOn: CalendarDate,
        expectedProgressPercent: Decimal, actualProgressPercent: Decimal, deviationPoints: Decimal
    ) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.managerID = managerID
        self.periodID = periodID
        self.title = title
        self.assessedOn = assessedOn
        self.expectedProgressPercent = expectedProgressPercent
        self.actualProgressPercent = actualProgressPercent
        self.deviationPoints = deviationPoints
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case managerID = "manager_id"
        case periodID = "period_id"
        case title
        case assessedOn = "assessed_on"
        case expectedProgressPercent = "expected_progress_percent"
        case actualProgressPercent = "actual_progress_percent"
        case deviationPoints = "deviation_points"
    }
}

/// A goal that was at risk is back within its expected pace (`stride.goals.v1`, key owner id):
/// the end of the at-risk episode a ``GoalAtRisk`` began. Coaching clears the manager's nudge.
///
/// Emitted once each time the goal's at-risk flag goes from true to false (a progress update, a
/// metric reading or the pace sweep), in the same transaction as the change.
public struct GoalBackOnTrack: StrideEvent {
    public static let eventType = "stride.goals.goal.back-on-track.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { ownerID }

    /// The goal.
    public var goalID: String
    /// The goal's owner.
    public var ownerID: String
    /// The owner's manager, whose nudge is cleared.
    public var managerID: String?
    /// The goal period.
    public var periodID: String
    /// The day the pace was assessed.
    public var assessedOn: CalendarDate
    /// Progress expected by now given linear pace, 0–100.
    @DecimalString public var expectedProgressPercent: Decimal
    /// Progress actually recorded, 0–100 (may exceed 100 when over-achieved).
    @DecimalString public var actualProgressPercent: Decimal

    /// Creates the event.
    public init(
        goalID: String, ownerID: String, managerID: String?, periodID: String, assessedOn: CalendarDate,
        expectedProgressPercent: Decimal, actualProgressPercent: Decimal
    ) {
        self.goalID = goalID
        self.ownerID = ownerID
        self.managerID = managerID
        self.periodID = periodID
        self.assessedOn = assessedOn
        self.expectedProgressPercent = expectedProgressPercent
        self.actualProgressPercent = actualProgressPercent
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case ownerID = "owner_id"
        case managerID = "manager_id"
        case periodID = "period_id"
        case assessedOn = "assessed_on"
        case expectedProgressPercent = "expected_progress_percent"
        case actualProgressPercent = "actual_progress_percent"
    }
}
