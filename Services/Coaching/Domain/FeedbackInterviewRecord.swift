import StrideContracts

/// What a feedback interview records: achievements affirmed, gaps identified, the employee's own
/// view, the improvement actions agreed (optionally an improvement plan), development needs and
/// goals suggested for the next cycle.
public struct FeedbackInterviewRecord: Sendable, Equatable {
    /// The day it took place. JSON: `held_on`.
    public var heldOn: CalendarDate
    /// What went well, one line each. JSON: `achievements_affirmed`.
    public var achievementsAffirmed: [String]
    /// What fell short, one line each. JSON: `gaps_identified`.
    public var gapsIdentified: [String]
    /// The employee's own view, in their words. JSON: `employee_view`.
    public var employeeView: String?
    /// The improvement actions agreed, one line each (the event's `agreements`). JSON: `agreed_actions`.
    public var agreedActions: [String]
    /// Development needs, one line each. JSON: `development_needs`.
    public var developmentNeeds: [String]
    /// Goals suggested for the next cycle; the goals service turns them into drafts.
    /// JSON: `next_cycle_goals`.
    public var nextCycleGoals: [GoalSuggestion]
    /// The improvement plan agreed, if any. JSON: `improvement_plan_id`.
    public var improvementPlanID: String?

    /// Creates a record.
    /// - Parameters:
    ///   - heldOn: the day.
    ///   - achievementsAffirmed: what went well.
    ///   - gapsIdentified: what fell short.
    ///   - employeeView: the employee's view.
    ///   - agreedActions: actions agreed.
    ///   - developmentNeeds: development needs.
    ///   - nextCycleGoals: suggested goals.
    ///   - improvementPlanID: the plan agreed.
    public init(
        heldOn: CalendarDate, achievementsAffirmed: [String], gapsIdentified: [String], employeeView: String?,
        agreedActions: [String], developmentNeeds: [String], nextCycleGoals: [GoalSuggestion],
        improvementPlanID: String? = nil
    ) {
        self.heldOn = heldOn
        self.achievementsAffirmed = achievementsAffirmed
        self.gapsIdentified = gapsIdentified
        self.employeeView = employeeView
        self.agreedActions = agreedActions
        self.developmentNeeds = developmentNeeds
        self.nextCycleGoals = nextCycleGoals
        self.improvementPlanID = improvementPlanID
    }
}
