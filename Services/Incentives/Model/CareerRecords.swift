import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// A promotion recommendation, for HR to accept or decline.
public struct PromotionRecord: Encodable, Sendable, Equatable {
    public var promotionID: String
    public var compCycleID: String
    public var employeeID: String
    public var department: String
    public var managerID: String?
    public var appraisalID: String
    public var currentTitle: String
    public var currentLevel: String
    public var proposedLevel: String
    public var currentSalary: Money
    @DecimalString public var increasePercent: Decimal
    public var highRatings: Int
    public var potential: TalentLevel
    /// `proposed`, `accepted` or `declined`.
    public var status: String
    public var decidedBy: String?
    public var decidedAt: Date?
    public var decisionComment: String?

    enum CodingKeys: String, CodingKey {
        case promotionID = "promotion_id"
        case compCycleID = "comp_cycle_id"
        case employeeID = "employee_id"
        case department
        case managerID = "manager_id"
        case appraisalID = "appraisal_id"
        case currentTitle = "current_title"
        case currentLevel = "current_level"
        case proposedLevel = "proposed_level"
        case currentSalary = "current_salary"
        case increasePercent = "increase_percent"
        case highRatings = "high_ratings"
        case potential, status
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
        case decisionComment = "decision_comment"
    }

    init(row: PostgresRow) throws {
        promotionID = try row.decode("promotion_id")
        compCycleID = try row.decode("comp_cycle_id")
        employeeID = try row.decode("employee_id")
        department = try row.decode("department")
        managerID = try row.decode("manager_id")
        appraisalID = try row.decode("appraisal_id")
        currentTitle = try row.decode("current_title")
        currentLevel = try row.decode("current_level")
        proposedLevel = try row.decode("proposed_level")
        currentSalary = Money(amount: try row.decode("salary"), currency: try row.decode("currency"))
        increasePercent = try row.decode("increase_percent")
        highRatings = try row.decode("high_ratings")
        potential = TalentLevel(rawValue: try row.decode("potential")) ?? .moderate
        status = try row.decode("status")
        decidedBy = try row.decode("decided_by")
        decidedAt = try row.decode("decided_at")
        decisionComment = try row.decode("decision_comment")
    }
}

/// A development action recommended for a competency rated below expectation.
public struct DevelopmentActionRecord: Encodable, Sendable, Equatable {
    public var actionID: String
    public var compCycleID: String
    public var employeeID: String
    public var appraisalID: String
    public var competencyID: String
    public var currentLevel: Int
    public var targetLevel: Int
    public var actionKind: DevelopmentActionKind
    public var title: String

    enum CodingKeys: String, CodingKey {
        case actionID = "action_id"
        case compCycleID = "comp_cycle_id"
        case employeeID = "employee_id"
        case appraisalID = "appraisal_id"
        case competencyID = "competency_id"
        case currentLevel = "current_level"
        case targetLevel = "target_level"
        case actionKind = "action_kind"
        case title
    }

    init(row: PostgresRow) throws {
        actionID = try row.decode("action_id")
        compCycleID = try row.decode("comp_cycle_id")
        employeeID = try row.decode("employee_id")
        appraisalID = try row.decode("appraisal_id")
        competencyID = try row.decode("competency_id")
        currentLevel = try row.decode("current_level")
        targetLevel = try row.decode("target_level")
        actionKind = DevelopmentActionKind(rawValue: try row.decode("action_kind")) ?? .training
        title = try row.decode("title")
    }
}

/// A consequence review HR must decide on: a recommendation, never an action.
public struct ConsequenceReviewRecord: Encodable, Sendable, Equatable {
    public var reviewID: String
    public var employeeID: String
    public var trigger: ConsequenceTrigger
    public var compCycleID: String?
    public var planID: String?
    public var lowRatingCycles: [String]
    public var summary: String
    /// `open` or `decided`.
    public var status: String
    public var decision: String?
    public var decidedBy: String?
    public var decidedAt: Date?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case employeeID = "employee_id"
        case trigger
        case compCycleID = "comp_cycle_id"
        case planID = "plan_id"
        case lowRatingCycles = "low_rating_cycles"
        case summary, status, decision
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
        case createdAt = "created_at"
    }

    init(row: PostgresRow) throws {
        reviewID = try row.decode("review_id")
        employeeID = try row.decode("employee_id")
        trigger = ConsequenceTrigger(rawValue: try row.decode("trigger")) ?? .failedImprovementPlan
        compCycleID = try row.decode("comp_cycle_id")
        planID = try row.decode("plan_id")
        lowRatingCycles = try row.decode("low_rating_cycles")
        summary = try row.decode("summary")
        status = try row.decode("status")
        decision = try row.decode("decision")
        decidedBy = try row.decode("decided_by")
        decidedAt = try row.decode("decided_at")
        createdAt = try row.decode("created_at")
    }

    var event: ConsequenceReviewRequired {
        ConsequenceReviewRequired(
            recommendationID: reviewID, employeeID: employeeID, cycleID: compCycleID, trigger: trigger, improvementPlanID: planID,
            lowRatingCycleIDs: lowRatingCycles, hrPartnerID: nil, summary: summary)
    }
}
