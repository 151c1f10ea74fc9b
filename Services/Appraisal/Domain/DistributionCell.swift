import Foundation
import StrideContracts

/// One rating level of a calibration population against the distribution guideline.
public struct DistributionCell: Codable, Sendable, Equatable {
    /// The rating level.
    public var level: Int
    /// Its label on the scale.
    public var label: String
    /// How many are rated at the level.
    public var count: Int
    /// Their share of the population, in percent, 2 places; 0 for an empty population.
    @DecimalString public var actualPercent: Decimal
    /// The guideline's target, in percent.
    @DecimalString public var targetPercent: Decimal
    /// Target minus tolerance, at least 0.
    @DecimalString public var lowerPercent: Decimal
    /// Target plus tolerance, at most 100.
    @DecimalString public var upperPercent: Decimal
    /// Whether the actual share is within the limits.
    public var status: DistributionStatus

    /// Creates a cell.
    public init(
        level: Int, label: String, count: Int, actualPercent: Decimal, targetPercent: Decimal, lowerPercent: Decimal,
        upperPercent: Decimal, status: DistributionStatus
    ) {
        self.level = level
        self.label = label
        self.count = count
        self.actualPercent = actualPercent
        self.targetPercent = targetPercent
        self.lowerPercent = lowerPercent
        self.upperPercent = upperPercent
        self.status = status
    }

    private enum CodingKeys: String, CodingKey {
        case level
        case label
        case count
        case actualPercent = "actual_percent"
        case targetPercent = "target_percent"
        case lowerPercent = "lower_percent"
        case upperPercent = "upper_percent"
        case status
    }
}
