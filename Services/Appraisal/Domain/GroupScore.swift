import Foundation
import StrideContracts

/// One rater group's part in a competency score: whether it counted, why not when it did not,
/// and the numbers it contributed.
public struct GroupScore: Codable, Sendable, Equatable {
    /// The rater group.
    public var group: RaterGroup
    /// How many submitted reviews the group has.
    public var raterCount: Int
    /// Whether the group's score is part of the competency score.
    public var counted: Bool
    /// Why the group was left out, or which of its competencies were renormalised away.
    public var note: String?
    /// The template's weight for the group, in percent.
    @DecimalString public var configuredWeightPercent: Decimal
    /// The group's share of the competency score after leaving out groups that did not count,
    /// in percent (4 places); 0 when not counted.
    @DecimalString public var appliedWeightPercent: Decimal
    /// The group's average per competency it rated (empty when not counted).
    public var competencyAverages: [CompetencyAverage]
    /// The group's score, 4 places; `nil` when not counted.
    @OptionalDecimalString public var score: Decimal?
    /// The reviews behind the numbers, sorted (so the order reviews arrive in changes nothing).
    ///
    /// - Important: Identifies the raters; ``ScoreExplanation/forParticipants()`` removes them for
    ///   anonymous groups.
    public var reviewIDs: [String]

    /// Creates a group score.
    public init(
        group: RaterGroup, raterCount: Int, counted: Bool, note: String?, configuredWeightPercent: Decimal,
        appliedWeightPercent: Decimal, competencyAverages: [CompetencyAverage], score: Decimal?, reviewIDs: [String]
    ) {
        self.group = group
        self.raterCount = raterCount
        self.counted = counted
        self.note = note
        self.configuredWeightPercent = configuredWeightPercent
        self.appliedWeightPercent = appliedWeightPercent
        self.competencyAverages = competencyAverages
        self.score = score
        self.reviewIDs = reviewIDs
    }

    private enum CodingKeys: String, CodingKey {
        case group
        case raterCount = "rater_count"
        case counted
        case note
        case configuredWeightPercent = "configured_weight_percent"
        case appliedWeightPercent = "applied_weight_percent"
        case competencyAverages = "competency_averages"
        case score
        case reviewIDs = "review_ids"
    }
}
