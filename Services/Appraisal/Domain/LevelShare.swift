import Foundation
import StrideContracts

/// The share of a population a distribution guideline aims for at one rating level.
public struct LevelShare: Codable, Sendable, Equatable {
    /// The rating level.
    public var level: Int
    /// The share aimed for, in percent.
    @DecimalString public var targetPercent: Decimal

    /// Creates a share.
    /// - Parameters:
    ///   - level: the rating level.
    ///   - targetPercent: the share aimed for, in percent.
    public init(level: Int, targetPercent: Decimal) {
        self.level = level
        self.targetPercent = targetPercent
    }

    private enum CodingKeys: String, CodingKey {
        case level
        case targetPercent = "target_percent"
    }
}
