import Foundation
import StrideContracts

/// A competency a template rates and its share of the competency score, in percent.
public struct CompetencyWeight: Codable, Sendable, Equatable {
    /// The library competency, e.g. `communication`.
    public var competencyID: String
    /// Its share of a rater group's score, in percent; a template's weights add up to 100.
    @DecimalString public var weightPercent: Decimal

    /// Creates a weight.
    /// - Parameters:
    ///   - competencyID: the library competency.
    ///   - weightPercent: its share, in percent.
    public init(competencyID: String, weightPercent: Decimal) {
        self.competencyID = competencyID
        self.weightPercent = weightPercent
    }

    private enum CodingKeys: String, CodingKey {
        case competencyID = "competency_id"
        case weightPercent = "weight_percent"
    }
}
