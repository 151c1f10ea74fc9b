import Foundation
import StrideContracts

/// One rater group's average level on one competency: the mean over the group's raters who rated
/// it, rounded half away from zero to 4 places.
public struct CompetencyAverage: Codable, Sendable, Equatable {
    /// The competency.
    public var competencyID: String
    /// The average level, 4 places.
    @DecimalString public var average: Decimal
    /// How many of the group's raters rated it.
    public var raterCount: Int

    /// Creates an average.
    /// - Parameters:
    ///   - competencyID: the competency.
    ///   - average: the average level.
    ///   - raterCount: the raters behind it.
    public init(competencyID: String, average: Decimal, raterCount: Int) {
        self.competencyID = competencyID
        self.average = average
        self.raterCount = raterCount
    }

    private enum CodingKeys: String, CodingKey {
        case competencyID = "competency_id"
        case average
        case raterCount = "rater_count"
    }
}
