import Foundation

/// A manager adjusted a recommendation (`stride.incentives.v1`, key employee id). Every
/// adjustment carries a reason; outside the guidelines it needs HR approval.
public struct RecommendationAdjusted: StrideEvent {
    public static let eventType = "stride.incentives.recommendation.adjusted.v1"
    public static let topic = StrideTopic.incentives
    public var partitionKey: String { employeeID }

    /// The recommendation.
    public var recommendationID: String
    /// The employee.
    public var employeeID: String
    /// The review cycle.
    public var cycleID: String
    /// What the recommendation is about.
    public var recommendationKind: RecommendationKind
    /// Who adjusted it.
    public var actorID: String
    /// The recommendation's version after the adjustment.
    public var version: Int
    /// The amount before, for merit, bonus and promotion.
    public var previousAmount: Money?
    /// The amount after, for merit, bonus and promotion.
    public var amount: Money?
    /// The percentage before, for merit.
    @OptionalDecimalString public var previousPercent: Decimal?
    /// The percentage after, for merit.
    @OptionalDecimalString public var percent: Decimal?
    /// Whether the result is inside the merit matrix or bonus plan guidelines.
    public var withinGuidelines: Bool
    /// Why.
    public var reason: String

    /// Creates the event.
    public init(
        recommendationID: String, employeeID: String, cycleID: String, recommendationKind: RecommendationKind,
        actorID: String, version: Int, previousAmount: Money?, amount: Money?, previousPercent: Decimal?,
        percent: Decimal?, withinGuidelines: Bool, reason: String
    ) {
        self.recommendationID = recommendationID
        self.employeeID = employeeID
        self.cycleID = cycleID
        self.recommendationKind = recommendationKind
        self.actorID = actorID
        self.version = version
        self.previousAmount = previousAmount
        self.amount = amount
        self.previousPercent = previousPercent
        self.percent = percent
        self.withinGuidelines = withinGuidelines
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case cycleID = "cycle_id"
        case recommendationKind = "recommendation_kind"
        case actorID = "actor_id"
        case version
        case previousAmount = "previous_amount"
        case amount
        case previousPercent = "previous_percent"
        case percent
        case withinGuidelines = "within_guidelines"
        case reason
    }
}

/// HR approved a recommendation (`stride.incentives.v1`, key employee id). Approved merit,
/// bonus and promotion recommendations lead to a ``CompensationChangeApproved`` on
/// `stride.payroll.v1` with `compensation_change_id`.
public struct RecommendationApproved: StrideEvent {
    public static let eventType = "stride.incentives.recommendation.approved.v1"
    public static let topic = StrideTopic.incentives
    public var partitionKey: String { employeeID }

    /// The recommendation.
    public var recommendationID: String
    /// The employee.
    public var employeeID: String
    /// The review cycle.
    public var cycleID: String
    /// What the recommendation is about.
    public var recommendationKind: RecommendationKind
    /// The approving HR person.
    public var actorID: String
    /// The version approved.
    public var version: Int
    /// The approved amount, for merit, bonus and promotion.
    public var amount: Money?
    /// The approved percentage, for merit.
    @OptionalDecimalString public var percent: Decimal?
    /// When it takes effect, for compensation changes.
    public var effectiveDate: CalendarDate?
    /// The payroll change it produced, for compensation changes.
    public var compensationChangeID: String?
    /// HR's comment, if any.
    public var comment: String?

    /// Creates the event.
    public init(
        recommendationID: String, employeeID: String, cycleID: String, recommendationKind: RecommendationKind,
        actorID: String, version: Int, amount: Money?, percent: Decimal?, effectiveDate: CalendarDate?,
        compensationChangeID: String?, comment: String?
    ) {
        self.recommendationID = recommendationID
        self.employeeID = employeeID
        self.cycleID = cycleID
        self.recommendationKind = recommendationKind
        self.actorID = actorID
        self.version = version
        self.amount = amount
        self.percent = percent
        self.effectiveDate = effectiveDate
        self.compensationChangeID = compensationChangeID
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case cycleID = "cycle_id"
        case recommendationKind = "recommendation_kind"
        case actorID = "actor_id"
        case version
        case amount
        case percent
        case effectiveDate = "effective_date"
        case compensationChangeID = "compensation_change_id"
        case comment
    }
}
