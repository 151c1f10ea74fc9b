import Foundation
import StrideContracts

/// How far goals were achieved, in percent (100 = fully achieved): per goal, and weighted per
/// employee for the period's ``AttainmentFinalized`` event, the quantitative input to appraisal.
///
/// Every result is clamped by an ``AttainmentPolicy`` where one applies and rounded to 2 decimal
/// places (`.plain`) once, at the end.
public enum Attainment {
    /// One goal's attainment in percent under the policy.
    ///
    /// - KPI `increase`: (current − start) / (target − start) × 100; `decrease`:
    ///   (start − current) / (start − target) × 100.
    /// - Target equal to start: 100 when the reading is at or beyond the target in the good
    ///   direction, else 0.
    /// - No reading yet: 0 (then clamped, so a floor above 0 applies).
    /// - `increase` below its `lowerBound` threshold, or `decrease` above its `upperBound`
    ///   threshold: 0.
    /// - `stay_within_range`: 100 inside the band, bounds included (a missing bound is open), else 0.
    /// - Milestone: 100 when done, else 0.
    /// - Objective: each key result scored as an `increase` KPI and clamped by the policy, then
    ///   Σ weight × score / Σ weight (weights need not sum to 100); no key results score 0.
    ///
    /// - Parameters:
    ///   - measurement: the goal's measurement.
    ///   - policy: the floor and cap.
    /// - Returns: the attainment, clamped to [floor, cap] and rounded to 2 places.
    public static func percent(of measurement: GoalMeasurement, policy: AttainmentPolicy) -> Decimal {
        let raw: Decimal
        switch measurement {
        case .kpi(let kpi):
            raw = kpiPercent(kpi)
        case .milestone(let done):
            raw = done ? 100 : 0
        case .objective(let keyResults):
            raw = objectivePercent(keyResults, policy: policy)
        }
        return DecimalRounding.rounded(policy.clamp(raw))
    }

    /// An employee's weighted attainment: Σ weight × attainment / Σ weight over the goals that
    /// count (approved, active or completed; see ``counts(_:)``), 0 when none count.
    ///
    /// With weights summing to 100 this is Σ weight × attainment / 100, as ``AttainmentFinalized``
    /// documents; dividing by the actual sum keeps the total meaningful when a goal was
    /// cancelled after agreement and the remaining weights no longer add up.
    /// - Parameter goals: the employee's goals in the period, cancelled and unagreed ones included.
    /// - Returns: the weighted total in percent, rounded to 2 places.
    public static func weightedTotal(_ goals: [WeightedAttainment]) -> Decimal {
        var weightSum: Decimal = 0
        var pointSum: Decimal = 0
        for goal in goals where counts(goal.status) {
            weightSum += goal.weight
            pointSum += goal.weight * goal.attainmentPercent
        }
        guard weightSum != 0 else { return 0 }
        return DecimalRounding.rounded(pointSum / weightSum)
    }

    /// A goal's contribution to a weighted total whose weights sum to 100: weight × attainment / 100,
    /// or 0 for a goal that does not count.
    /// - Parameters:
    ///   - weight: the goal's weight, in percent of the owner's goals.
    ///   - attainment: the goal's attainment, in percent.
    ///   - status: the goal's status.
    /// - Returns: the points, rounded to 2 places.
    public static func weightedPoints(weight: Decimal, attainment: Decimal, status: GoalStatus) -> Decimal {
        guard counts(status) else { return 0 }
        return DecimalRounding.rounded(weight * attainment / 100)
    }

    /// Whether a goal in this status carries weight at period close: only goals the manager agreed
    /// (approved, active, completed). Drafts, submitted and returned goals were never agreed;
    /// cancelled goals were dropped.
    /// - Parameter status: the goal's status.
    public static func counts(_ status: GoalStatus) -> Bool {
        switch status {
        case .approved, .active, .completed: true
        case .draft, .submitted, .returned, .cancelled: false
        }
    }

    /// A KPI's unclamped, unrounded percent.
    static func kpiPercent(_ kpi: KPIMeasurement) -> Decimal {
        guard let current = kpi.currentValue else { return 0 }
        switch kpi.direction {
        case .increase:
            if let threshold = kpi.lowerBound, current < threshold { return 0 }
            return progress(from: kpi.startValue, to: kpi.targetValue, at: current)
        case .decrease:
            if let threshold = kpi.upperBound, current > threshold { return 0 }
            // Mirrored: moving down from start to target is progress.
            return progress(from: -kpi.startValue, to: -kpi.targetValue, at: -current)
        case .stayWithinRange:
            if let lower = kpi.lowerBound, current < lower { return 0 }
            if let upper = kpi.upperBound, current > upper { return 0 }
            return 100
        }
    }

    /// An objective's unrounded percent: key results clamped one by one, then weight-averaged.
    static func objectivePercent(_ keyResults: [KeyResultMeasurement], policy: AttainmentPolicy) -> Decimal {
        var weightSum: Decimal = 0
        var pointSum: Decimal = 0
        for keyResult in keyResults {
            let score: Decimal
            if let current = keyResult.currentValue {
                score = policy.clamp(progress(from: keyResult.startValue, to: keyResult.targetValue, at: current))
            } else {
                score = policy.clamp(0)
            }
            weightSum += keyResult.weight
            pointSum += keyResult.weight * score
        }
        guard weightSum != 0 else { return 0 }
        return pointSum / weightSum
    }

    /// Progress in percent of moving upwards from `start` to `target`; when they are equal, 100 at
    /// or above the target and 0 below it.
    static func progress(from start: Decimal, to target: Decimal, at current: Decimal) -> Decimal {
        guard target != start else { return current >= target ? 100 : 0 }
        return (current - start) * 100 / (target - start)
    }
}

/// One goal's input to an employee's weighted total: its weight, its attainment and whether it
/// counts (its status).
public struct WeightedAttainment: Sendable, Equatable {
    /// Share of the owner's goals in the period, in percent.
    public var weight: Decimal
    /// The goal's attainment, in percent.
    public var attainmentPercent: Decimal
    /// The goal's status; only agreed, not cancelled goals count.
    public var status: GoalStatus

    /// Creates the input.
    /// - Parameters:
    ///   - weight: share of the owner's goals, in percent.
    ///   - attainmentPercent: the goal's attainment, in percent.
    ///   - status: the goal's status.
    public init(weight: Decimal, attainmentPercent: Decimal, status: GoalStatus) {
        self.weight = weight
        self.attainmentPercent = attainmentPercent
        self.status = status
    }
}
