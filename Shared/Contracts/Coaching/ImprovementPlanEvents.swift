/// An improvement plan began (`stride.coaching.v1`, key employee id).
public struct ImprovementPlanStarted: StrideEvent {
    public static let eventType = "stride.coaching.improvement-plan.started.v1"
    public static let topic = StrideTopic.coaching
    public var partitionKey: String { employeeID }

    /// The plan.
    public var planID: String
    /// The employee on the plan.
    public var employeeID: String
    /// The employee's manager.
    public var managerID: String
    /// The HR partner involved, if any.
    public var hrPartnerID: String?
    /// Who started it.
    public var actorID: String
    /// The appraisal that led to it, if any.
    public var appraisalID: String?
    /// First day.
    public var startsOn: CalendarDate
    /// Planned last day.
    public var endsOn: CalendarDate
    /// Why the plan is needed.
    public var reason: String
    /// What must improve and how it is judged.
    public var objectives: [ImprovementObjective]
    /// Support offered (training, mentoring, tools…).
    public var supportOffered: [String]
    /// The days of the planned checkpoint reviews.
    public var checkpointDates: [CalendarDate]

    /// Creates the event.
    public init(
        planID: String, employeeID: String, managerID: String, hrPartnerID: String?, actorID: String,
        appraisalID: String?, startsOn: CalendarDate, endsOn: CalendarDate, reason: String,
        objectives: [ImprovementObjective], supportOffered: [String], checkpointDates: [CalendarDate]
    ) {
        self.planID = planID
        self.employeeID = employeeID
        self.managerID = managerID
        self.hrPartnerID = hrPartnerID
        self.actorID = actorID
        self.appraisalID = appraisalID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.reason = reason
        self.objectives = objectives
        self.supportOffered = supportOffered
        self.checkpointDates = checkpointDates
    }

    private enum CodingKeys: String, CodingKey {
        case planID = "plan_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case hrPartnerID = "hr_partner_id"
        case actorID = "actor_id"
        case appraisalID = "appraisal_id"
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case reason
        case objectives
        case supportOffered = "support_offered"
        case checkpointDates = "checkpoint_dates"
    }
}

/// An improvement plan checkpoint was reviewed (`stride.coaching.v1`, key employee id).
public struct ImprovementPlanCheckpointReviewed: StrideEvent {
    public static let eventType = "stride.coaching.improvement-plan.checkpoint-reviewed.v1"
    public static let topic = StrideTopic.coaching
    public var partitionKey: String { employeeID }

    /// The plan.
    public var planID: String
    /// The checkpoint.
    public var checkpointID: String
    /// The employee on the plan.
    public var employeeID: String
    /// The reviewer (manager or HR partner).
    public var actorID: String
    /// The day of the review.
    public var reviewedOn: CalendarDate
    /// The verdict.
    public var assessment: CheckpointAssessment
    /// Objectives met so far.
    public var objectivesMet: Int
    /// Objectives in the plan.
    public var objectivesTotal: Int
    /// The reviewer's comment, if any.
    public var comment: String?

    /// Creates the event.
    public init(
        planID: String, checkpointID: String, employeeID: String, actorID: String, reviewedOn: CalendarDate,
        assessment: CheckpointAssessment, objectivesMet: Int, objectivesTotal: Int, comment: String?
    ) {
        self.planID = planID
        self.checkpointID = checkpointID
        self.employeeID = employeeID
        self.actorID = actorID
        self.reviewedOn = reviewedOn
        self.assessment = assessment
        self.objectivesMet = objectivesMet
        self.objectivesTotal = objectivesTotal
        self.comment = comment
    }

    private enum CodingKeys: String, CodingKey {
        case planID = "plan_id"
        case checkpointID = "checkpoint_id"
        case employeeID = "employee_id"
        case actorID = "actor_id"
        case reviewedOn = "reviewed_on"
        case assessment
        case objectivesMet = "objectives_met"
        case objectivesTotal = "objectives_total"
        case comment
    }
}

/// An improvement plan ended: succeeded, extended or failed (`stride.coaching.v1`, key employee id).
/// A failed plan makes Incentives raise a ``ConsequenceReviewRequired``.
public struct ImprovementPlanClosed: StrideEvent {
    public static let eventType = "stride.coaching.improvement-plan.closed.v1"
    public static let topic = StrideTopic.coaching
    public var partitionKey: String { employeeID }

    /// The plan.
    public var planID: String
    /// The employee on the plan.
    public var employeeID: String
    /// Who closed it.
    public var actorID: String
    /// The outcome.
    public var outcome: ImprovementPlanOutcome
    /// The day it closed.
    public var closedOn: CalendarDate
    /// The new end date, when `outcome` is `extended`.
    public var extendedUntil: CalendarDate?
    /// Objectives met.
    public var objectivesMet: Int
    /// Objectives in the plan.
    public var objectivesTotal: Int
    /// Why this outcome.
    public var reason: String

    /// Creates the event.
    public init(
        planID: String, employeeID: String, actorID: String, outcome: ImprovementPlanOutcome, closedOn: CalendarDate,
        extendedUntil: CalendarDate?, objectivesMet: Int, objectivesTotal: Int, reason: String
    ) {
        self.planID = planID
        self.employeeID = employeeID
        self.actorID = actorID
        self.outcome = outcome
        self.closedOn = closedOn
        self.extendedUntil = extendedUntil
        self.objectivesMet = objectivesMet
        self.objectivesTotal = objectivesTotal
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case planID = "plan_id"
        case employeeID = "employee_id"
        case actorID = "actor_id"
        case outcome
        case closedOn = "closed_on"
        case extendedUntil = "extended_until"
        case objectivesMet = "objectives_met"
        case objectivesTotal = "objectives_total"
        case reason
    }
}
