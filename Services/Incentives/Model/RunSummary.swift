import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// What a merit and bonus run did, for HR.
public struct RunSummary: Encodable, Sendable {
    public var compCycleID: String
    public var run: Int
    public var meritRecommendations: Int
    public var bonusRecommendations: Int
    /// Active employees without a final appraisal in the bound appraisal cycle (left out).
    public var unrated: Int
    /// Rated employees whose rating has no merit matrix cell (left out).
    public var withoutMatrixCell: Int
    public var promotionsRecommended: Int
    public var developmentActionsRecommended: Int
    public var consequenceReviewsRequired: Int
    public var budgets: [DepartmentBudgetView]

    enum CodingKeys: String, CodingKey {
        case compCycleID = "comp_cycle_id"
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

/// A department's pools against what its recommendations spend, in one currency: what HR
/// watches live while managers adjust.
public struct DepartmentBudgetView: Encodable, Sendable, Equatable {
    public var department: String
    public var currency: String
    public var headcount: Int
    public var basePayroll: Money
    public var meritPool: Money
    public var meritSpend: Money
    public var meritRemaining: Money
    @DecimalString public var meritFit: Decimal
    /// The pool could not cover the matrix minimums: every minimum was scaled down.
    public var meritShort: Bool
    /// What the matrix minimums would have cost (what a short pool lacks against).
    public var meritMinimumCost: Money
    public var bonusPool: Money
    public var bonusSpend: Money
    public var bonusRemaining: Money
    @DecimalString public var bonusFit: Decimal
    /// Adjustments outside the guidelines waiting for HR.
    public var pendingAdjustments: Int
    public var approvedBy: String?
    public var approvedAt: Date?

    enum CodingKeys: String, CodingKey {
        case department, currency, headcount
        case basePayroll = "base_payroll"
        case meritPool = "merit_pool"
        case meritSpend = "merit_spend"
        case meritRemaining = "merit_remaining"
        case meritFit = "merit_fit"
        case meritShort = "merit_short"
        case meritMinimumCost = "merit_minimum_cost"
        case bonusPool = "bonus_pool"
        case bonusSpend = "bonus_spend"
        case bonusRemaining = "bonus_remaining"
        case bonusFit = "bonus_fit"
        case pendingAdjustments = "pending_adjustments"
        case approvedBy = "approved_by"
        case approvedAt = "approved_at"
    }

    init(row: PostgresRow) throws {
        department = try row.decode("department")
        currency = try row.decode("currency")
        let money = { [currency] (amount: Decimal) in Money(amount: amount, currency: currency) }
        headcount = try row.decode("headcount")
        basePayroll = money(try row.decode("base_payroll"))
        let meritPool: Decimal = try row.decode("merit_pool")
        let meritSpend: Decimal = try row.decode("merit_spend")
        self.meritPool = money(meritPool)
        self.meritSpend = money(meritSpend)
        meritRemaining = money(meritPool - meritSpend)
        meritFit = try row.decode("merit_fit")
        meritShort = try row.decode("merit_short")
        meritMinimumCost = money(MoneyMath.floor(try row.decode("merit_minimum_cost"), currency: currency))
        let bonusPool: Decimal = try row.decode("bonus_pool")
        let bonusSpend: Decimal = try row.decode("bonus_spend")
        self.bonusPool = money(bonusPool)
        self.bonusSpend = money(bonusSpend)
        bonusRemaining = money(bonusPool - bonusSpend)
        bonusFit = try row.decode("bonus_fit")
        pendingAdjustments = try row.decode("pending_adjustments")
        approvedBy = try row.decode("approved_by")
        approvedAt = try row.decode("approved_at")
    }
}
