import Foundation
import StrideContracts

// What the incentives part reads from the incentives service's answers: only the fields it uses.

/// A compensation cycle.
struct CompCycleView: Decodable, Sendable {
    var compCycleID: String
    var name: String
    var appraisalCycleID: String
    var effectiveDate: CalendarDate
    var payoutDate: CalendarDate
    /// `open`, `run` or `released`.
    var status: String
    var runs: Int

    enum CodingKeys: String, CodingKey {
        case compCycleID = "comp_cycle_id"
        case name
        case appraisalCycleID = "appraisal_cycle_id"
        case effectiveDate = "effective_date"
        case payoutDate = "payout_date"
        case status, runs
    }
}

/// What a merit and bonus run did.
struct RunSummaryView: Decodable, Sendable {
    var run: Int
    var meritRecommendations: Int
    var bonusRecommendations: Int
    var unrated: Int
    var withoutMatrixCell: Int
    var promotionsRecommended: Int
    var developmentActionsRecommended: Int
    var consequenceReviewsRequired: Int
    var budgets: [BudgetView]

    enum CodingKeys: String, CodingKey {
        case run
        case meritRecommendations = "merit_recommendations"
        case bonusRecommendations = "bonus_recommendations"
        case unrated
        case withoutMatrixCell = "without_matrix_cell"
        case promotionsRecommended = "promotions_recommended"
        case developmentActionsRecommended = "development_actions_recommended"
        case consequenceReviewsRequired = "consequence_reviews_required"
        case budgets
    }
}

/// A department's pools against what its recommendations spend, in one currency.
struct BudgetView: Decodable, Sendable {
    var department: String
    var currency: String
    var headcount: Int
    var basePayroll: Money
    var meritPool: Money
    var meritSpend: Money
    var meritRemaining: Money
    @DecimalString var meritFit: Decimal
    var meritShort: Bool
    var bonusPool: Money
    var bonusSpend: Money
    var bonusRemaining: Money
    @DecimalString var bonusFit: Decimal
    var pendingAdjustments: Int
    var approvedBy: String?

    enum CodingKeys: String, CodingKey {
        case department, currency, headcount
        case basePayroll = "base_payroll"
        case meritPool = "merit_pool"
        case meritSpend = "merit_spend"
        case meritRemaining = "merit_remaining"
        case meritFit = "merit_fit"
        case meritShort = "merit_short"
        case bonusPool = "bonus_pool"
        case bonusSpend = "bonus_spend"
        case bonusRemaining = "bonus_remaining"
        case bonusFit = "bonus_fit"
        case pendingAdjustments = "pending_adjustments"
        case approvedBy = "approved_by"
    }
}

/// A merit increase range, in percent.
struct RangeView: Decodable, Sendable {
    @DecimalString var minimumPercent: Decimal
    @DecimalString var guidelinePercent: Decimal
    @DecimalString var maximumPercent: Decimal

    enum CodingKeys: String, CodingKey {
        case minimumPercent = "minimum_percent"
        case guidelinePercent = "guideline_percent"
        case maximumPercent = "maximum_percent"
    }
}

/// A merit or bonus recommendation.
struct RecommendationView: Decodable, Sendable {
    var recommendationID: String
    var employeeID: String
    /// `merit` or `bonus`.
    var kind: String
    var department: String
    var managerID: String?
    var appraisalVersion: Int
    var ratingLevel: Int
    var currentSalary: Money
    @DecimalString var proration: Decimal
    var zone: String?
    var range: RangeView?
    @OptionalDecimalString var percent: Decimal?
    var amount: Money
    var lumpSum: Money
    var newSalary: Money?
    var withinGuidelines: Bool
    /// `proposed` or `approved`.
    var status: String
    var version: Int

    enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case kind, department
        case managerID = "manager_id"
        case appraisalVersion = "appraisal_version"
        case ratingLevel = "rating_level"
        case currentSalary = "current_salary"
        case proration, zone, range, percent, amount
        case lumpSum = "lump_sum"
        case newSalary = "new_salary"
        case withinGuidelines = "within_guidelines"
        case status, version
    }

    /// What the pool pays for it: the base increase and the lump sum, or the bonus.
    var cost: Decimal { amount.amount + lumpSum.amount }
}

/// A manager's adjustment.
struct AdjustmentView: Decodable, Sendable {
    var adjustmentID: String
    @OptionalDecimalString var previousPercent: Decimal?
    @OptionalDecimalString var percent: Decimal?
    var previousAmount: Money
    var amount: Money
    var lumpSum: Money
    var withinGuidelines: Bool
    /// `applied`, `pending` or `rejected`.
    var status: String
    var decidedBy: String?

    enum CodingKeys: String, CodingKey {
        case adjustmentID = "adjustment_id"
        case previousPercent = "previous_percent"
        case percent
        case previousAmount = "previous_amount"
        case amount
        case lumpSum = "lump_sum"
        case withinGuidelines = "within_guidelines"
        case status
        case decidedBy = "decided_by"
    }
}

/// What approving a department did.
struct ApprovalView: Decodable, Sendable {
    var department: String
    var approvedRecommendations: Int
    var compensationChanges: Int

    enum CodingKeys: String, CodingKey {
        case department
        case approvedRecommendations = "approved_recommendations"
        case compensationChanges = "compensation_changes"
    }
}

/// A change payroll was sent, and its reversal if it was corrected.
struct ChangeView: Decodable, Sendable {
    var changeID: String
    var recommendationID: String
    var employeeID: String
    /// `merit`, `lump_sum`, `bonus` or `promotion`.
    var kind: String
    var sequence: Int
    var amount: Money
    var newSalary: Money?
    var effectiveDate: CalendarDate
    var approvedBy: String
    var reversalID: String?
    var reversedBy: String?

    enum CodingKeys: String, CodingKey {
        case changeID = "change_id"
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case kind, sequence, amount
        case newSalary = "new_salary"
        case effectiveDate = "effective_date"
        case approvedBy = "approved_by"
        case reversalID = "reversal_id"
        case reversedBy = "reversed_by"
    }
}

/// An employee's compensation letter.
struct LetterView: Decodable, Sendable {
    struct RatingView: Decodable, Sendable {
        var level: Int
        var label: String
    }

    var cycleName: String
    var rating: RatingView?
    var currentSalary: Money?
    @OptionalDecimalString var meritPercent: Decimal?
    var meritIncrease: Money?
    var lumpSum: Money?
    var newSalary: Money?
    var effectiveDate: CalendarDate
    var bonus: Money?
    var payoutDate: CalendarDate
    var changes: [ChangeView]

    enum CodingKeys: String, CodingKey {
        case cycleName = "cycle_name"
        case rating
        case currentSalary = "current_salary"
        case meritPercent = "merit_percent"
        case meritIncrease = "merit_increase"
        case lumpSum = "lump_sum"
        case newSalary = "new_salary"
        case effectiveDate = "effective_date"
        case bonus
        case payoutDate = "payout_date"
        case changes
    }
}

/// A promotion recommendation.
struct PromotionView: Decodable, Sendable {
    var promotionID: String
    var employeeID: String
    var department: String
    var currentTitle: String
    var currentLevel: String
    var proposedLevel: String
    var currentSalary: Money
    @DecimalString var increasePercent: Decimal
    var potential: String
    /// `proposed`, `accepted` or `declined`.
    var status: String

    enum CodingKeys: String, CodingKey {
        case promotionID = "promotion_id"
        case employeeID = "employee_id"
        case department
        case currentTitle = "current_title"
        case currentLevel = "current_level"
        case proposedLevel = "proposed_level"
        case currentSalary = "current_salary"
        case increasePercent = "increase_percent"
        case potential, status
    }
}

/// A development action recommended for a competency rated below expectation.
struct DevelopmentActionView: Decodable, Sendable {
    var actionID: String
    var employeeID: String
    var competencyID: String
    var currentLevel: Int
    var targetLevel: Int
    var actionKind: String
    var title: String

    enum CodingKeys: String, CodingKey {
        case actionID = "action_id"
        case employeeID = "employee_id"
        case competencyID = "competency_id"
        case currentLevel = "current_level"
        case targetLevel = "target_level"
        case actionKind = "action_kind"
        case title
    }
}

/// A consequence review HR decides on.
struct ConsequenceReviewView: Decodable, Sendable {
    var reviewID: String
    var employeeID: String
    /// `failed_improvement_plan` or `repeated_low_rating`.
    var trigger: String
    var compCycleID: String?
    var planID: String?
    var summary: String
    /// `open` or `decided`.
    var status: String
    var decision: String?
    var decidedBy: String?

    enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case employeeID = "employee_id"
        case trigger
        case compCycleID = "comp_cycle_id"
        case planID = "plan_id"
        case summary, status, decision
        case decidedBy = "decided_by"
    }
}
