import Foundation
import StrideContracts
import StrideRuntime

/// How a calibration population's ratings should spread over the scale — e.g. 10 % at the top,
/// 20 % above, 50 % at "meets" — with a tolerance, in percentage points, before a level is
/// flagged. A guideline, not a quota: calibration sees where it stands and decides.
public struct DistributionGuideline: Codable, Sendable, Equatable {
    /// The largest tolerance, in percentage points.
    public static let maxTolerancePercent: Decimal = 50

    /// One target per level of the scale.
    public var targets: [LevelShare]
    /// How far, in percentage points, a level's share may stray from its target.
    @DecimalString public var tolerancePercent: Decimal

    /// Creates a guideline.
    /// - Parameters:
    ///   - targets: one target per level.
    ///   - tolerancePercent: percentage points either side of a target.
    public init(targets: [LevelShare], tolerancePercent: Decimal) {
        self.targets = targets
        self.tolerancePercent = tolerancePercent
    }

    /// The target of `level`, 0 when the guideline names none.
    /// - Parameter level: a rating level.
    public func target(of level: Int) -> Decimal {
        targets.first { $0.level == level }?.targetPercent ?? 0
    }

    /// Every rule the guideline breaks, each `.invalid`: `targets[i].level` on the scale and not
    /// repeated; `targets[i].target_percent` 0…100; `targets` naming every level of the scale
    /// and summing to 100; `tolerance_percent` 0…50.
    /// - Parameters:
    ///   - guideline: the guideline.
    ///   - scale: the scale of the cycle's template.
    public static func violations(of guideline: DistributionGuideline, scale: RatingScale) -> [AppraisalRuleViolation] {
        var found: [AppraisalRuleViolation] = []
        var seen = Set<Int>()
        for (index, share) in guideline.targets.enumerated() {
            let at = "targets[\(index)]"
            if !scale.contains(share.level) {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).level", "Level \(share.level) is not on the scale, 1 to \(scale.maximum)."))
            } else if !seen.insert(share.level).inserted {
                found.append(AppraisalRuleViolation(.invalid, field: "\(at).level", "Level \(share.level) has two targets."))
            }
            if share.targetPercent < 0 || share.targetPercent > 100 {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).target_percent",
                        "A target is 0 to 100 %; \(DecimalRounding.plain(share.targetPercent)) is not."))
            }
        }
        let missing = (1...max(1, scale.maximum)).filter { scale.contains($0) && !seen.contains($0) }
        if !missing.isEmpty {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "targets",
                    "Give a target for every level; missing: \(missing.map(String.init).joined(separator: ", "))."))
        }
        let sum = guideline.targets.reduce(Decimal(0)) { $0 + $1.targetPercent }
        if sum != 100 {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "targets", "The targets add up to \(DecimalRounding.plain(sum)) %; they must add up to 100."))
        }
        if guideline.tolerancePercent < 0 || guideline.tolerancePercent > maxTolerancePercent {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "tolerance_percent",
                    "The tolerance is 0 to 50 percentage points; \(DecimalRounding.plain(guideline.tolerancePercent)) is not."))
        }
        return found
    }

    /// Where a population stands: one cell per level of the scale, lowest first. The population
    /// is the sum of the counts of the scale's levels (counts of other levels are ignored); a
    /// level's actual share is rounded to 2 places and compared with target ∓ tolerance (clamped
    /// to 0…100), edges counting as within. An empty population is within everywhere: there is
    /// nothing to calibrate yet.
    /// - Parameters:
    ///   - counts: how many are rated at each level.
    ///   - scale: the scale of the cycle's template.
    public func assess(counts: [Int: Int], scale: RatingScale) -> [DistributionCell] {
        let levels = Array(1...max(1, scale.maximum)).filter(scale.contains)
        let total = levels.reduce(0) { $0 + max(0, counts[$1] ?? 0) }
        return levels.map { level in
            let count = max(0, counts[level] ?? 0)
            let actual =
                total == 0 ? 0 : DecimalRounding.divide(Decimal(count) * 100, by: Decimal(total), places: DecimalRounding.percentPlaces)
            let target = target(of: level)
            let lower = max(0, target - tolerancePercent)
            let upper = min(100, target + tolerancePercent)
            let status: DistributionStatus =
                total == 0 ? .within : actual < lower ? .below : actual > upper ? .above : .within
            return DistributionCell(
                level: level, label: scale.label(of: level), count: count, actualPercent: actual, targetPercent: target,
                lowerPercent: lower, upperPercent: upper, status: status)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case targets
        case tolerancePercent = "tolerance_percent"
    }
}
