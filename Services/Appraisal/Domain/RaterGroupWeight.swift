import Foundation
import StrideContracts

/// A rater group's share of the competency score, in percent: how much the manager's view
/// counts against self, peer, upward and external views.
public struct RaterGroupWeight: Codable, Sendable, Equatable {
    /// The rater group.
    public var group: RaterGroup
    /// Its share, in percent; 0 means the group's reviews are not asked for and not counted.
    @DecimalString public var weightPercent: Decimal

    /// Creates a weight.
    /// - Parameters:
    ///   - group: the rater group.
    ///   - weightPercent: its share, in percent.
    public init(group: RaterGroup, weightPercent: Decimal) {
        self.group = group
        self.weightPercent = weightPercent
    }

    private enum CodingKeys: String, CodingKey {
        case group
        case weightPercent = "weight_percent"
    }
}
