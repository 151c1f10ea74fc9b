import Foundation

/// A base salary increase was recommended from the merit matrix (`stride.incentives.v1`, key employee id).
///
/// Percentages are of the current base salary; `proration_factor` (0–1) scales the matrix
/// percentage to fit the department budget.
public struct MeritRecommended: StrideEvent {
    public static let eventType = "stride.incentives.merit.recommended.v1"
    public static let topic = StrideTopic.incentives
    public var partitionKey: String { employeeID }

    /// The recommendation.
    public var recommendationID: String
    /// The employee.
    public var employeeID: String
    /// The review cycle.
    public var cycleID: String
    /// The appraisal the rating came from.
    public var appraisalID: String
    /// The appraisal version used.
    public var appraisalVersion: Int
    /// The rating used.
    public var rating: Rating
    /// The base salary before the increase.
    public var currentBaseSalary: Money
    /// Current salary / band midpoint.
    @DecimalString public var compaRatio: Decimal
    /// The merit matrix's lowest increase for this rating and band position, in percent.
    @DecimalString public var guidelineMinimumPercent: Decimal
    /// The merit matrix's highest increase, in percent.
    @DecimalString public var guidelineMaximumPercent: Decimal
    /// The budget fit factor applied, 0–1.
    @DecimalString public var prorationFactor: Decimal
    /// The recommended increase, in percent.
    @DecimalString public var recommendedPercent: Decimal
    /// The recommended increase as money.
    public var increaseAmount: Money
    /// The base salary after the increase.
    public var proposedBaseSalary: Money
    /// The department budget it draws on.
    public var budgetID: String
    /// The day the increase would take effect.
    public var effectiveDate: CalendarDate

    /// Creates the event.
    public init(
        recommendationID: String, employeeID: String, cycleID: String, appraisalID: String, appraisalVersion: Int,
        rating: Rating, currentBaseSalary: Money, compaRatio: Decimal, guidelineMinimumPercent: Decimal,
        guidelineMaximumPercent: Decimal, prorationFactor: Decimal, recommendedPercent: Decimal, increaseAmount: Money,
        proposedBaseSalary: Money, budgetID: String, effectiveDate: CalendarDate
    ) {
        self.recommendationID = recommendationID
        self.employeeID = employeeID
        self.cycleID = cycleID
        self.appraisalID = appraisalID
        self.appraisalVersion = appraisalVersion
        self.rating = rating
        self.currentBaseSalary = currentBaseSalary
        self.compaRatio = compaRatio
        self.guidelineMinimumPercent = guidelineMinimumPercent
        self.guidelineMaximumPercent = guidelineMaximumPercent
        self.prorationFactor = prorationFactor
        self.recommendedPercent = recommendedPercent
        self.increaseAmount = increaseAmount
        self.proposedBaseSalary = proposedBaseSalary
        self.budgetID = budgetID
        self.effectiveDate = effectiveDate
    }

    private enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case cycleID = "cycle_id"
        case appraisalID = "appraisal_id"
        case appraisalVersion = "appraisal_version"
        case rating
        case currentBaseSalary = "current_base_salary"
        case compaRatio = "compa_ratio"
        case guidelineMinimumPercent = "guideline_minimum_percent"
        case guidelineMaximumPercent = "guideline_maximum_percent"
        case prorationFactor = "proration_factor"
        case recommendedPercent = "recommended_percent"
        case increaseAmount = "increase_amount"
        case proposedBaseSalary = "proposed_base_salary"
        case budgetID = "budget_id"
        case effectiveDate = "effective_date"
    }
}

/// A bonus was recommended from the bonus plan (`stride.incentives.v1`, key employee id):
/// `amount = eligible_salary × target_percent/100 × company_multiplier × individual_multiplier × proration_factor`.
public struct BonusRecommended: StrideEvent {
    public static let eventType = "stride.incentives.bonus.recommended.v1"
    public static let topic = StrideTopic.incentives
    public var partitionKey: String { employeeID }

    /// The recommendation.
    public var recommendationID: String
    /// The employee.
    public var employeeID: String
    /// The review cycle.
    public var cycleID: String
    /// The appraisal the individual multiplier came from.
    public var appraisalID: String
    /// The bonus plan.
    public var planID: String
    /// The salary the target percentage applies to.
    public var eligibleSalary: Money
    /// The plan's target bonus, in percent of the eligible salary.
    @DecimalString public var targetPercent: Decimal
    /// The company performance multiplier, e.g. `1.1`.
    @DecimalString public var companyMultiplier: Decimal
    /// The individual performance multiplier from the rating, e.g. `1.25`.
    @DecimalString public var individualMultiplier: Decimal
    /// The budget fit factor applied, 0–1.
    @DecimalString public var prorationFactor: Decimal
    /// The recommended bonus.
    public var amount: Money
    /// The planned payout day.
    public var payoutDate: CalendarDate

    /// Creates the event.
    public init(
        recommendationID: String, employeeID: String, cycleID: String, appraisalID: String, planID: String,
        eligibleSalary: Money, targetPercent: Decimal, companyMultiplier: Decimal, individualMultiplier: Decimal,
        prorationFactor: Decimal, amount: Money, payoutDate: CalendarDate
    ) {
        self.recommendationID = recommendationID
        self.employeeID = employeeID
        self.cycleID = cycleID
        self.appraisalID = appraisalID
        self.planID = planID
        self.eligibleSalary = eligibleSalary
        self.targetPercent = targetPercent
        self.companyMultiplier = companyMultiplier
        self.individualMultiplier = individualMultiplier
        self.prorationFactor = prorationFactor
        self.amount = amount
        self.payoutDate = payoutDate
    }

    private enum CodingKeys: String, CodingKey {
        case recommendationID = "recommendation_id"
        case employeeID = "employee_id"
        case cycleID = "cycle_id"
        case appraisalID = "appraisal_id"
        case planID = "plan_id"
        case eligibleSalary = "eligible_salary"
        case targetPercent = "target_percent"
        case companyMultiplier = "company_multiplier"
        case individualMultiplier = "individual_multiplier"
        case prorationFactor = "proration_factor"
        case amount
        case payoutDate = "payout_date"
    }
}
