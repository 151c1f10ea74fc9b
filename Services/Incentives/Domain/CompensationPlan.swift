import Foundation
import StrideContracts
import StrideRuntime

/// The rules of one compensation cycle — the merit matrix, the bonus plan, the pools, the
/// promotion rule and the development catalog — as HR sets them when opening the cycle. The run
/// applies them set-based; the pure types of this folder are their definition and their tests.
public struct CompensationPlan: Codable, Sendable, Hashable {
    /// A department's pools, in percent of its base payroll (per currency).
    public struct DepartmentBudget: Codable, Sendable, Hashable {
        public var department: String
        @DecimalString public var meritPoolPercent: Decimal
        @DecimalString public var bonusPoolPercent: Decimal

        public init(department: String, meritPoolPercent: Decimal, bonusPoolPercent: Decimal) {
            self.department = department
            self.meritPoolPercent = meritPoolPercent
            self.bonusPoolPercent = bonusPoolPercent
        }

        enum CodingKeys: String, CodingKey {
            case department
            case meritPoolPercent = "merit_pool_percent"
            case bonusPoolPercent = "bonus_pool_percent"
        }
    }

    /// A job level's bonus target, in percent of the base salary.
    public struct BonusTarget: Codable, Sendable, Hashable {
        public var jobLevel: String
        @DecimalString public var targetPercent: Decimal

        public init(jobLevel: String, targetPercent: Decimal) {
            self.jobLevel = jobLevel
            self.targetPercent = targetPercent
        }

        enum CodingKeys: String, CodingKey {
            case jobLevel = "job_level"
            case targetPercent = "target_percent"
        }
    }

    /// The individual bonus multiplier of a rating level, e.g. `1.25`.
    public struct IndividualMultiplier: Codable, Sendable, Hashable {
        public var ratingLevel: Int
        @DecimalString public var multiplier: Decimal

        public init(ratingLevel: Int, multiplier: Decimal) {
            self.ratingLevel = ratingLevel
            self.multiplier = multiplier
        }

        enum CodingKeys: String, CodingKey {
            case ratingLevel = "rating_level"
            case multiplier
        }
    }

    /// One development action offered for a competency rated below expectation.
    public struct DevelopmentOffer: Codable, Sendable, Hashable {
        public var competencyID: String
        public var actionKind: DevelopmentActionKind
        public var title: String

        public init(competencyID: String, actionKind: DevelopmentActionKind, title: String) {
            self.competencyID = competencyID
            self.actionKind = actionKind
            self.title = title
        }

        enum CodingKeys: String, CodingKey {
            case competencyID = "competency_id"
            case actionKind = "action_kind"
            case title
        }
    }

    public var meritMatrix: [MeritMatrix.Cell]
    @DecimalString public var defaultMeritPoolPercent: Decimal
    @DecimalString public var defaultBonusPoolPercent: Decimal
    public var budgets: [DepartmentBudget]
    @DecimalString public var companyMultiplier: Decimal
    @DecimalString public var defaultBonusTargetPercent: Decimal
    public var bonusTargets: [BonusTarget]
    public var individualMultipliers: [IndividualMultiplier]
    public var promotion: PromotionRule?
    public var developmentCatalog: [DevelopmentOffer]
    /// Competencies rated below this level get development actions.
    public var expectedCompetencyLevel: Int
    /// The rating level that, in two consecutive cycles, asks HR for a consequence review.
    public var lowRatingLevel: Int

    public init(
        meritMatrix: [MeritMatrix.Cell], defaultMeritPoolPercent: Decimal, defaultBonusPoolPercent: Decimal,
        budgets: [DepartmentBudget] = [], companyMultiplier: Decimal = 1, defaultBonusTargetPercent: Decimal,
        bonusTargets: [BonusTarget] = [], individualMultipliers: [IndividualMultiplier], promotion: PromotionRule? = nil,
        developmentCatalog: [DevelopmentOffer] = [], expectedCompetencyLevel: Int = 3, lowRatingLevel: Int = 1
    ) {
        self.meritMatrix = meritMatrix
        self.defaultMeritPoolPercent = defaultMeritPoolPercent
        self.defaultBonusPoolPercent = defaultBonusPoolPercent
        self.budgets = budgets
        self.companyMultiplier = companyMultiplier
        self.defaultBonusTargetPercent = defaultBonusTargetPercent
        self.bonusTargets = bonusTargets
        self.individualMultipliers = individualMultipliers
        self.promotion = promotion
        self.developmentCatalog = developmentCatalog
        self.expectedCompetencyLevel = expectedCompetencyLevel
        self.lowRatingLevel = lowRatingLevel
    }

    /// The matrix as a lookup.
    public var matrix: MeritMatrix { MeritMatrix(cells: meritMatrix) }

    /// The bonus target of a job level (the default when the plan does not list it).
    public func bonusTarget(of jobLevel: String) -> Decimal {
        bonusTargets.first { $0.jobLevel == jobLevel }?.targetPercent ?? defaultBonusTargetPercent
    }

    /// The individual multiplier of a rating level (0 when the plan does not list it).
    public func individualMultiplier(of level: Int) -> Decimal {
        individualMultipliers.first { $0.ratingLevel == level }?.multiplier ?? 0
    }

    /// The pools of a department (the defaults when the plan does not list it).
    public func budget(of department: String) -> DepartmentBudget {
        budgets.first { $0.department == department }
            ?? DepartmentBudget(department: department, meritPoolPercent: defaultMeritPoolPercent, bonusPoolPercent: defaultBonusPoolPercent)
    }

    /// Every problem with the plan, each naming its field.
    public func violations() -> [IncentivesRuleViolation] {
        var found = MeritMatrix(cells: meritMatrix).violations()
        func percent(_ value: Decimal, _ field: String, upTo limit: Decimal = 100) {
            if value.isNaN || value < 0 || value > limit || MoneyMath.truncate(value, places: 4) != value {
                found.append(IncentivesRuleViolation(.invalid, field: field, "Expected a number from 0 to \(limit) with at most four decimals."))
            }
        }
        percent(defaultMeritPoolPercent, "default_merit_pool_percent")
        percent(defaultBonusPoolPercent, "default_bonus_pool_percent")
        percent(companyMultiplier, "company_multiplier", upTo: 5)
        percent(defaultBonusTargetPercent, "default_bonus_target_percent")
        FieldChecks.identifiers(budgets.map(\.department), field: "budgets", name: "departments", maxCount: 1_000, into: &found)
        for (index, budget) in budgets.enumerated() {
            percent(budget.meritPoolPercent, "budgets[\(index)].merit_pool_percent")
            percent(budget.bonusPoolPercent, "budgets[\(index)].bonus_pool_percent")
        }
        FieldChecks.identifiers(bonusTargets.map(\.jobLevel), field: "bonus_targets", name: "job levels", maxCount: 200, into: &found)
        for (index, target) in bonusTargets.enumerated() {
            percent(target.targetPercent, "bonus_targets[\(index)].target_percent")
        }
        FieldChecks.identifiers(
            individualMultipliers.map { "\($0.ratingLevel)" }, field: "individual_multipliers", name: "rating levels", minCount: 1,
            maxCount: 10, into: &found)
        for (index, multiplier) in individualMultipliers.enumerated() {
            if !(1...10).contains(multiplier.ratingLevel) {
                found.append(IncentivesRuleViolation(.invalid, field: "individual_multipliers[\(index)].rating_level", "A rating level is from 1 to 10."))
            }
            percent(multiplier.multiplier, "individual_multipliers[\(index)].multiplier", upTo: 5)
        }
        if let promotion { found += promotion.violations() }
        FieldChecks.count(developmentCatalog.count, field: "development_catalog", name: "development actions", maxCount: 500, into: &found)
        for (index, offer) in developmentCatalog.enumerated() {
            FieldChecks.requiredText(offer.competencyID, field: "development_catalog[\(index)].competency_id", name: "competency", maxLength: 100, into: &found)
            FieldChecks.requiredText(offer.title, field: "development_catalog[\(index)].title", name: "title", maxLength: 200, into: &found)
        }
        if !(1...10).contains(expectedCompetencyLevel) {
            found.append(IncentivesRuleViolation(.invalid, field: "expected_competency_level", "A rating level is from 1 to 10."))
        }
        if !(1...10).contains(lowRatingLevel) {
            found.append(IncentivesRuleViolation(.invalid, field: "low_rating_level", "A rating level is from 1 to 10."))
        }
        return found
    }

    /// The budgets, bonus targets, promotion rule and development catalog may be left out (none),
    /// and so may the company multiplier (`1`), the expected competency level (`3`) and the low
    /// rating level (`1`); the merit matrix and the individual multipliers are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        meritMatrix = try c.decode([MeritMatrix.Cell].self, forKey: .meritMatrix)
        defaultMeritPoolPercent = try c.decode(DecimalString.self, forKey: .defaultMeritPoolPercent).wrappedValue
        defaultBonusPoolPercent = try c.decode(DecimalString.self, forKey: .defaultBonusPoolPercent).wrappedValue
        budgets = try c.decodeIfPresent([DepartmentBudget].self, forKey: .budgets) ?? []
        companyMultiplier = try c.decodeIfPresent(DecimalString.self, forKey: .companyMultiplier)?.wrappedValue ?? 1
        defaultBonusTargetPercent = try c.decode(DecimalString.self, forKey: .defaultBonusTargetPercent).wrappedValue
        bonusTargets = try c.decodeIfPresent([BonusTarget].self, forKey: .bonusTargets) ?? []
        individualMultipliers = try c.decode([IndividualMultiplier].self, forKey: .individualMultipliers)
        promotion = try c.decodeIfPresent(PromotionRule.self, forKey: .promotion)
        developmentCatalog = try c.decodeIfPresent([DevelopmentOffer].self, forKey: .developmentCatalog) ?? []
        expectedCompetencyLevel = try c.decodeIfPresent(Int.self, forKey: .expectedCompetencyLevel) ?? 3
        lowRatingLevel = try c.decodeIfPresent(Int.self, forKey: .lowRatingLevel) ?? 1
    }

    enum CodingKeys: String, CodingKey {
        case meritMatrix = "merit_matrix"
        case defaultMeritPoolPercent = "default_merit_pool_percent"
        case defaultBonusPoolPercent = "default_bonus_pool_percent"
        case budgets
        case companyMultiplier = "company_multiplier"
        case defaultBonusTargetPercent = "default_bonus_target_percent"
        case bonusTargets = "bonus_targets"
        case individualMultipliers = "individual_multipliers"
        case promotion
        case developmentCatalog = "development_catalog"
        case expectedCompetencyLevel = "expected_competency_level"
        case lowRatingLevel = "low_rating_level"
    }
}
