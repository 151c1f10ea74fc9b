import Foundation
import StrideContracts

// The JSON bodies the demo sends to the incentives API (deploy/openapi/incentives.yaml), as a
// client writes them.

/// `POST /v1/comp-cycles`: a compensation cycle bound to an appraisal cycle, with its period (for
/// proration), the day increases take effect, the bonus payout day and the plan.
struct CompCycleBody: Encodable, Sendable {
    var name: String
    var appraisalCycleID: String
    var periodStart: CalendarDate
    var periodEnd: CalendarDate
    var effectiveDate: CalendarDate
    var payoutDate: CalendarDate
    var plan: PlanBody

    enum CodingKeys: String, CodingKey {
        case name
        case appraisalCycleID = "appraisal_cycle_id"
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case effectiveDate = "effective_date"
        case payoutDate = "payout_date"
        case plan
    }
}

/// The rules of a compensation cycle: the merit matrix, the pools, the bonus plan, the promotion
/// rule and the development catalog.
struct PlanBody: Encodable, Sendable {
    /// One merit matrix cell: a rating level and salary zone, and its increase range in percent.
    struct Cell: Encodable, Sendable {
        var ratingLevel: Int
        var zone: String
        @DecimalString var minimumPercent: Decimal
        @DecimalString var guidelinePercent: Decimal
        @DecimalString var maximumPercent: Decimal

        enum CodingKeys: String, CodingKey {
            case ratingLevel = "rating_level"
            case zone
            case minimumPercent = "minimum_percent"
            case guidelinePercent = "guideline_percent"
            case maximumPercent = "maximum_percent"
        }
    }

    /// A department's pools, in percent of its base payroll.
    struct Budget: Encodable, Sendable {
        var department: String
        @DecimalString var meritPoolPercent: Decimal
        @DecimalString var bonusPoolPercent: Decimal

        enum CodingKeys: String, CodingKey {
            case department
            case meritPoolPercent = "merit_pool_percent"
            case bonusPoolPercent = "bonus_pool_percent"
        }
    }

    /// A job level's bonus target, in percent of the base salary.
    struct Target: Encodable, Sendable {
        var jobLevel: String
        @DecimalString var targetPercent: Decimal

        enum CodingKeys: String, CodingKey {
            case jobLevel = "job_level"
            case targetPercent = "target_percent"
        }
    }

    /// A rating level's individual bonus multiplier.
    struct Multiplier: Encodable, Sendable {
        var ratingLevel: Int
        @DecimalString var multiplier: Decimal

        enum CodingKeys: String, CodingKey {
            case ratingLevel = "rating_level"
            case multiplier
        }
    }

    /// When the run recommends a promotion.
    struct Promotion: Encodable, Sendable {
        var minimumRatingLevel: Int
        var requiredHighRatings: Int
        var ofLastCycles: Int
        var minimumPotential: String
        @DecimalString var increasePercent: Decimal
        var levelLadder: [String]

        enum CodingKeys: String, CodingKey {
            case minimumRatingLevel = "minimum_rating_level"
            case requiredHighRatings = "required_high_ratings"
            case ofLastCycles = "of_last_cycles"
            case minimumPotential = "minimum_potential"
            case increasePercent = "increase_percent"
            case levelLadder = "level_ladder"
        }
    }

    /// A development action offered for a competency rated below expectation.
    struct Offer: Encodable, Sendable {
        var competencyID: String
        var actionKind: String
        var title: String

        enum CodingKeys: String, CodingKey {
            case competencyID = "competency_id"
            case actionKind = "action_kind"
            case title
        }
    }

    var meritMatrix: [Cell]
    @DecimalString var defaultMeritPoolPercent: Decimal
    @DecimalString var defaultBonusPoolPercent: Decimal
    var budgets: [Budget]
    @DecimalString var companyMultiplier: Decimal
    @DecimalString var defaultBonusTargetPercent: Decimal
    var bonusTargets: [Target]
    var individualMultipliers: [Multiplier]
    var promotion: Promotion
    var developmentCatalog: [Offer]
    var expectedCompetencyLevel: Int
    var lowRatingLevel: Int

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

/// `POST /v1/recommendations/{id}/adjustments` for a merit recommendation: the new percent, the
/// reason, and a justification when outside the guidelines (HR then decides).
struct MeritAdjustmentBody: Encodable, Sendable {
    @DecimalString var percent: Decimal
    var reason: String
    var justification: String?
}

/// `POST /v1/adjustments/{id}/decision` and `POST /v1/promotions/{id}/decision`.
struct DecisionBody: Encodable, Sendable {
    /// `approve` or `reject` (adjustments), `accept` or `decline` (promotions).
    var decision: String
    var comment: String?
}

/// `POST /v1/comp-cycles/{id}/departments/{department}/approve`.
struct ApprovalBody: Encodable, Sendable {
    var comment: String?
}

/// `POST /v1/consequence-reviews/{id}/decision`: HR's record of what was decided.
struct ConsequenceDecisionBody: Encodable, Sendable {
    var decision: String
}
