import Foundation
import StrideContracts
import StrideDemoKit

/// The year's compensation rules as HR sets them when opening the cycle, and the story of the
/// managers' adjustments. Plain data; the steps decide who does what.
enum IncentivesScenario {
    /// Exact decimal text as a number (a float literal would not be exact).
    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    /// The merit matrix's zones, from below the band minimum to above its maximum.
    static let zones = ["below_minimum", "q1", "q2", "q3", "q4", "above_maximum"]
    /// Short column heads for ``zones``.
    static let zoneHeads = ["< min", "Q1", "Q2", "Q3", "Q4", "> max"]

    /// The guideline increase of a rating level in a zone, in percent: 0 for level 1, then
    /// 1.5 / 3 / 4.5 / 6 in the band's second quartile, more lower in the band, less higher up.
    static func guideline(level: Int, zone: String) -> Decimal {
        guard level > 1 else { return 0 }
        let base = ["0", "1.5", "3", "4.5", "6"].map(decimal)
        let shift = ["below_minimum": "1.5", "q1": "0.75", "q2": "0", "q3": "-0.5", "q4": "-1", "above_maximum": "-1.5"].mapValues(decimal)
        return max(0, base[level - 1] + shift[zone]!)
    }

    /// The matrix: each cell's range runs a point either side of its guideline (never below 0);
    /// level 1 gets no increase.
    static let matrix: [PlanBody.Cell] = (1...5).flatMap { level in
        zones.map { zone in
            let g = guideline(level: level, zone: zone)
            return PlanBody.Cell(
                ratingLevel: level, zone: zone, minimumPercent: level == 1 ? 0 : max(0, g - 1), guidelinePercent: g,
                maximumPercent: level == 1 ? 0 : g + 1)
        }
    }

    /// The pools, in percent of each department's base payroll: Engineering's merit pool is tight
    /// (its increases are fitted into it), Sales' roomy.
    static let defaultMeritPoolPercent = decimal("3.5")
    static let defaultBonusPoolPercent = decimal("10")
    static let budgets: [PlanBody.Budget] = [
        .init(department: "Engineering", meritPoolPercent: decimal("2.8"), bonusPoolPercent: decimal("9")),
        .init(department: "Sales", meritPoolPercent: decimal("4.5"), bonusPoolPercent: decimal("12")),
    ]

    /// Bonus targets by job level, in percent of the base salary.
    static let defaultBonusTargetPercent = decimal("8")
    static let bonusTargets: [PlanBody.Target] = [
        ("IC1", 5), ("IC2", 6), ("IC3", 8), ("IC4", 10), ("IC5", 12), ("M1", 12), ("M2", 15), ("M3", 18), ("D1", 20), ("VP", 25),
    ].map { PlanBody.Target(jobLevel: $0.0, targetPercent: Decimal($0.1)) }
    static let companyMultiplier = decimal("1.05")
    static let individualMultipliers: [PlanBody.Multiplier] = [(1, "0"), (2, "0.5"), (3, "1"), (4, "1.25"), (5, "1.5")]
        .map { PlanBody.Multiplier(ratingLevel: $0.0, multiplier: decimal($0.1)) }

    /// Promotion: rated 4 or 5 with high potential. The demo has one appraisal cycle, so one high
    /// rating (of the last one cycle) is enough; a promotion raises the salary by 8 %.
    static let promotion = PlanBody.Promotion(
        minimumRatingLevel: 4, requiredHighRatings: 1, ofLastCycles: 1, minimumPotential: "high", increasePercent: decimal("8"),
        levelLadder: ["IC1", "IC2", "IC3", "IC4", "IC5"])

    /// Development actions for a competency the manager rated below 3, per competency of the
    /// template (by its name, ``AppraisalScenario`` in the appraisal part).
    static let offers: [String: [(kind: String, title: String)]] = [
        "Delivery": [("training", "Planning and estimation workshop"), ("stretch_assignment", "Own a small release end to end")],
        "Collaboration": [("mentoring", "Pair with a mentor from another team")],
        "Customer focus": [("job_rotation", "Two weeks with the customer success team")],
        "Growth": [("coaching", "Six coaching sessions on feedback and learning goals")],
    ]

    /// The plan, with development actions for `competencies` (the appraisal template's).
    static func plan(competencies: [ReleasedAppraisalCycle.Competency]) -> PlanBody {
        PlanBody(
            meritMatrix: matrix, defaultMeritPoolPercent: defaultMeritPoolPercent, defaultBonusPoolPercent: defaultBonusPoolPercent,
            budgets: budgets, companyMultiplier: companyMultiplier, defaultBonusTargetPercent: defaultBonusTargetPercent,
            bonusTargets: bonusTargets, individualMultipliers: individualMultipliers, promotion: promotion,
            developmentCatalog: competencies.flatMap { competency in
                (offers[competency.name] ?? [("training", "\(competency.name) course")]).map {
                    PlanBody.Offer(competencyID: competency.competencyID, actionKind: $0.kind, title: $0.title)
                }
            },
            expectedCompetencyLevel: 3, lowRatingLevel: 1)
    }

    /// How far above its range's maximum the outside adjustment goes, in points.
    static let outsideMargin = decimal("1.5")

    static let insideReason = "Carried the on-call rotation and the migration this year; to the top of the range."
    static let outsideReason = "Retention: key account lead with a competing offer."
    static let outsideJustification = "Competing offer 12 % above the current salary; losing the accounts would cost far more. Market data attached."
    static let outsideDecision = "Retention case accepted; the department stays within its pool."
}
