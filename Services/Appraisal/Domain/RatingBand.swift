import Foundation
import StrideContracts

/// Where a rating level starts on the final-score axis: a final score at or above
/// `minimumScore`, and below the next band's minimum, is rated `level`.
public struct RatingBand: Codable, Sendable, Equatable {
    /// The rating level, 1…scale maximum.
    public var level: Int
    /// The lowest final score that earns the level (inclusive), 1…scale maximum.
    @DecimalString public var minimumScore: Decimal

    /// Creates a band.
    /// - Parameters:
    ///   - level: the rating level.
    ///   - minimumScore: the lowest final score of the level.
    public init(level: Int, minimumScore: Decimal) {
        self.level = level
        self.minimumScore = minimumScore
    }

    private enum CodingKeys: String, CodingKey {
        case level
        case minimumScore = "minimum_score"
    }
}
