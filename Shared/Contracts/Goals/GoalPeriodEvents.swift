import Foundation

/// A goal period was closed and its goals frozen (`stride.goals.v1`, key org unit id: the
/// unit that owns the period, usually the company).
public struct GoalPeriodClosed: StrideEvent {
    public static let eventType = "stride.goals.period.closed.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { orgUnitID }

    /// The period.
    public var periodID: String
    /// The org unit the period belongs to.
    public var orgUnitID: String
    /// Display name, e.g. `FY2026`.
    public var name: String
    /// Year, half or quarter.
    public var kind: GoalPeriodKind
    /// First day of the period.
    public var startsOn: CalendarDate
    /// Last day of the period.
    public var endsOn: CalendarDate
    /// Who closed it.
    public var actorID: String
    /// How many goals were frozen.
    public var goalCount: Int
    /// How many owners had goals (each gets an ``AttainmentFinalized``).
    public var ownerCount: Int

    /// Creates the event.
    public init(
        periodID: String, orgUnitID: String, name: String, kind: GoalPeriodKind, startsOn: CalendarDate,
        endsOn: CalendarDate, actorID: String, goalCount: Int, ownerCount: Int
    ) {
        self.periodID = periodID
        self.orgUnitID = orgUnitID
        self.name = name
        self.kind = kind
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.actorID = actorID
        self.goalCount = goalCount
        self.ownerCount = ownerCount
    }

    private enum CodingKeys: String, CodingKey {
        case periodID = "period_id"
        case orgUnitID = "org_unit_id"
        case name
        case kind
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case actorID = "actor_id"
        case goalCount = "goal_count"
        case ownerCount = "owner_count"
    }
}

/// One employee's goal attainment for a closed period (`stride.goals.v1`, key employee id):
/// the quantitative input to the appraisal.
public struct AttainmentFinalized: StrideEvent {
    public static let eventType = "stride.goals.attainment.finalized.v1"
    public static let topic = StrideTopic.goals
    public var partitionKey: String { employeeID }

    /// The employee.
    public var employeeID: String
    /// The period.
    public var periodID: String
    /// First day of the period.
    public var periodStartsOn: CalendarDate
    /// Last day of the period.
    public var periodEndsOn: CalendarDate
    /// Who finalized it (HR, or the goals service at period close).
    public var actorID: String
    /// 1, or higher when a correction re-finalizes the period; the highest version wins.
    public var version: Int
    /// Each goal's attainment and weight.
    public var goals: [GoalAttainment]
    /// Σ weight × attainment / 100 over the goals, in percent.
    @DecimalString public var weightedAttainmentPercent: Decimal

    /// Creates the event.
    public init(
        employeeID: String, periodID: String, periodStartsOn: CalendarDate, periodEndsOn: CalendarDate, actorID: String,
        version: Int, goals: [GoalAttainment], weightedAttainmentPercent: Decimal
    ) {
        self.employeeID = employeeID
        self.periodID = periodID
        self.periodStartsOn = periodStartsOn
        self.periodEndsOn = periodEndsOn
        self.actorID = actorID
        self.version = version
        self.goals = goals
        self.weightedAttainmentPercent = weightedAttainmentPercent
    }

    private enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case periodID = "period_id"
        case periodStartsOn = "period_starts_on"
        case periodEndsOn = "period_ends_on"
        case actorID = "actor_id"
        case version
        case goals
        case weightedAttainmentPercent = "weighted_attainment_percent"
    }
}

/// One goal's line in ``AttainmentFinalized``.
public struct GoalAttainment: Codable, Sendable, Equatable {
    /// The goal.
    public var goalID: String
    /// The goal's title.
    public var title: String
    /// Objective, KPI or milestone.
    public var kind: GoalKind
    /// The goal's final status (`completed`, `active` at close, `cancelled`).
    public var status: GoalStatus
    /// The goal's weight, in percent of the employee's goals.
    @DecimalString public var weight: Decimal
    /// The goal's attainment, in percent (may exceed 100 up to the plan's cap).
    @DecimalString public var attainmentPercent: Decimal
    /// weight × attainment / 100: this goal's contribution to the total, in percentage points.
    @DecimalString public var weightedPoints: Decimal

    /// Creates a line.
    public init(
        goalID: String, title: String, kind: GoalKind, status: GoalStatus, weight: Decimal, attainmentPercent: Decimal,
        weightedPoints: Decimal
    ) {
        self.goalID = goalID
        self.title = title
        self.kind = kind
        self.status = status
        self.weight = weight
        self.attainmentPercent = attainmentPercent
        self.weightedPoints = weightedPoints
    }

    private enum CodingKeys: String, CodingKey {
        case goalID = "goal_id"
        case title
        case kind
        case status
        case weight
        case attainmentPercent = "attainment_percent"
        case weightedPoints = "weighted_points"
    }
}
