/// The post-appraisal feedback interview was held (`stride.coaching.v1`, key employee id):
/// what was agreed, any improvement plan, and goals suggested for the next cycle.
public struct FeedbackInterviewCompleted: StrideEvent {
    public static let eventType = "stride.coaching.feedback-interview.completed.v1"
    public static let topic = StrideTopic.coaching
    public var partitionKey: String { employeeID }

    /// The interview.
    public var interviewID: String
    /// The employee.
    public var employeeID: String
    /// The manager who held it.
    public var managerID: String
    /// Who recorded it.
    public var actorID: String
    /// The review cycle.
    public var cycleID: String
    /// The appraisal discussed.
    public var appraisalID: String
    /// The day it took place.
    public var heldOn: CalendarDate
    /// What was agreed, one line each.
    public var agreements: [String]
    /// The improvement plan agreed, if any.
    public var improvementPlanID: String?
    /// Goals suggested for the next cycle.
    public var nextCycleGoalSuggestions: [GoalSuggestion]

    /// Creates the event.
    public init(
        interviewID: String, employeeID: String, managerID: String, actorID: String, cycleID: String,
        appraisalID: String, heldOn: CalendarDate, agreements: [String], improvementPlanID: String?,
        nextCycleGoalSuggestions: [GoalSuggestion]
    ) {
        self.interviewID = interviewID
        self.employeeID = employeeID
        self.managerID = managerID
        self.actorID = actorID
        self.cycleID = cycleID
        self.appraisalID = appraisalID
        self.heldOn = heldOn
        self.agreements = agreements
        self.improvementPlanID = improvementPlanID
        self.nextCycleGoalSuggestions = nextCycleGoalSuggestions
    }

    private enum CodingKeys: String, CodingKey {
        case interviewID = "interview_id"
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case actorID = "actor_id"
        case cycleID = "cycle_id"
        case appraisalID = "appraisal_id"
        case heldOn = "held_on"
        case agreements
        case improvementPlanID = "improvement_plan_id"
        case nextCycleGoalSuggestions = "next_cycle_goal_suggestions"
    }
}
