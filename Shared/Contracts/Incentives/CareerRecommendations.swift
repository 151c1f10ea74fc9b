/// A promotion was recommended after sustained high ratings and potential
/// (`stride.incentives.v1`, key employee id).
public struct PromotionRecommended: StrideEvent {
    public static let eventType = "stride.incentives.promotion.recommended.v1"
    public static let topic = StrideTopic.incentives
    public var partitionKey: String { employeeID }

    /// The recommendation.
    public var recommendationID: String
    /// The employee.
    public var employeeID: String
    /// The review cycle.
    public var cycleID: String
    /// The latest appraisal.
    public var appraisalID: String
    /// The job title today.
    public var currentJobTitle: String
    /// The job level today.
    public var currentJobLevel: String
    /// The proposed job title.
    public var proposedJobTitle: String
    /// The proposed job level.
    public var proposedJobLevel: String
    /// The proposed base salary, when the promotion comes with one.
    public var proposedBaseSalary: Money?
    /// Consecutive cycles rated at or above the promotion threshold.
    public var consecutiveHighRatings: Int
    /// The assessed potential.
    public var potential: TalentLevel
    /// Why the employee is ready.
    public var justification: String
    /// The proposed effective day.
    public var effectiveDate: CalendarDate

    /// Creates the event.
    public init(
        recommendationID: String, employeeID: String, cycleID: String, appraisalID: String, currentJobTitle: String,
        currentJobLevel: String, proposedJobTitle: String, proposedJobLevel: String, proposedBaseSalary: Money?,
        consecutiveHighRatings: Int, potential: TalentLevel, justification: String, effectiveDate: CalendarDate
    ) {
        self.recommendationID = recommendationID
        self.employeeID = employeeID
        self.cycleID = cycleID
        self.appraisalID = appraisalID
        self.currentJobTitle = currentJobTitle
        self.currentJobLevel = currentJobLevel
        self.proposedJobTitle = proposedJobTitle
        self.proposedJobLevel = proposedJobLevel
        self.proposedBaseSalary = proposedBaseSalary
        self.consecutiveHighRatings = consecutiveHighRatings
        self.potential = potential
        self.justification = justification
        self.effectiveDate = effectiveDate
    }

    private enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case cycleID = "cycle_id"
        case appraisalID = "appraisal_id"
        case currentJobTitle = "current_job_title"
        case currentJobLevel = "current_job_level"
        case proposedJobTitle = "proposed_job_title"
        case proposedJobLevel = "proposed_job_level"
        case proposedBaseSalary = "proposed_base_salary"
        case consecutiveHighRatings = "consecutive_high_ratings"
        case potential
        case justification
        case effectiveDate = "effective_date"
    }
}

/// A development action was recommended for a competency gap (`stride.incentives.v1`, key employee id).
public struct DevelopmentActionRecommended: StrideEvent {
    public static let eventType = "stride.incentives.development-action.recommended.v1"
    public static let topic = StrideTopic.incentives
    public var partitionKey: String { employeeID }

    /// The recommendation.
    public var recommendationID: String
    /// The employee.
    public var employeeID: String
    /// The review cycle.
    public var cycleID: String
    /// The appraisal that showed the gap.
    public var appraisalID: String
    /// The competency with the gap.
    public var competencyID: String
    /// The level rated.
    public var currentLevel: Int
    /// The level expected for the job level.
    public var targetLevel: Int
    /// What kind of action.
    public var actionKind: DevelopmentActionKind
    /// The action, e.g. `Negotiation skills workshop`.
    public var title: String
    /// By when, if set.
    public var dueDate: CalendarDate?

    /// Creates the event.
    public init(
        recommendationID: String, employeeID: String, cycleID: String, appraisalID: String, competencyID: String,
        currentLevel: Int, targetLevel: Int, actionKind: DevelopmentActionKind, title: String, dueDate: CalendarDate?
    ) {
        self.recommendationID = recommendationID
        self.employeeID = employeeID
        self.cycleID = cycleID
        self.appraisalID = appraisalID
        self.competencyID = competencyID
        self.currentLevel = currentLevel
        self.targetLevel = targetLevel
        self.actionKind = actionKind
        self.title = title
        self.dueDate = dueDate
    }

    private enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case cycleID = "cycle_id"
        case appraisalID = "appraisal_id"
        case competencyID = "competency_id"
        case currentLevel = "current_level"
        case targetLevel = "target_level"
        case actionKind = "action_kind"
        case title
        case dueDate = "due_date"
    }
}

/// HR must review consequences for an employee (`stride.incentives.v1`, key employee id).
///
/// - Important: A recommendation for HR to decide on, never an automatic action.
public struct ConsequenceReviewRequired: StrideEvent {
    public static let eventType = "stride.incentives.consequence-review.required.v1"
    public static let topic = StrideTopic.incentives
    public var partitionKey: String { employeeID }

    /// The recommendation.
    public var recommendationID: String
    /// The employee.
    public var employeeID: String
    /// The review cycle that triggered it, if any.
    public var cycleID: String?
    /// What triggered it.
    public var trigger: ConsequenceTrigger
    /// The failed improvement plan, for `failed_improvement_plan`.
    public var improvementPlanID: String?
    /// The cycles with the lowest rating, for `repeated_low_rating`.
    public var lowRatingCycleIDs: [String]
    /// The HR partner asked to review, if assigned.
    public var hrPartnerID: String?
    /// A factual summary for HR.
    public var summary: String

    /// Creates the event.
    public init(
        recommendationID: String, employeeID: String, cycleID: String?, trigger: ConsequenceTrigger,
        improvementPlanID: String?, lowRatingCycleIDs: [String], hrPartnerID: String?, summary: String
    ) {
        self.recommendationID = recommendationID
        self.employeeID = employeeID
        self.cycleID = cycleID
        self.trigger = trigger
        self.improvementPlanID = improvementPlanID
        self.lowRatingCycleIDs = lowRatingCycleIDs
        self.hrPartnerID = hrPartnerID
        self.summary = summary
    }

    private enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case cycleID = "cycle_id"
        case trigger
        case improvementPlanID = "improvement_plan_id"
        case lowRatingCycleIDs = "low_rating_cycle_ids"
        case hrPartnerID = "hr_partner_id"
        case summary
    }
}
