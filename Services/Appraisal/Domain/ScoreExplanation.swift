import Foundation
import StrideContracts

/// How a final score came about, step by step: stored with the appraisal so that HR can audit it,
/// the employee can dispute it, and a recomputation from the same reviews and terms gives the
/// identical numbers (every intermediate is rounded to 4 places and the next step uses the
/// rounded value).
///
/// - Important: This is HR's view: it names the reviews of anonymous groups and the numbers of
///   groups left out. Show participants ``forParticipants()`` only.
public struct ScoreExplanation: Codable, Sendable, Equatable {
    /// The template scored against.
    public var templateID: String
    /// Its version.
    public var templateVersion: Int
    /// The goals event whose attainment was used, if any.
    public var attainmentEventID: String?
    /// The weighted goal attainment, in percent, if any.
    @OptionalDecimalString public var attainmentPercent: Decimal?
    /// The goal score (``GoalScoring``), `nil` without attainment.
    @OptionalDecimalString public var goalScore: Decimal?
    /// Each rater group that has a weight or reviews, in ``RaterGroup`` order.
    public var groups: [GroupScore]
    /// The weighted mean of the counted groups' scores, `nil` when no group counts.
    @OptionalDecimalString public var competencyScore: Decimal?
    /// The goal score's share of the final score actually applied, in percent.
    @DecimalString public var goalWeightAppliedPercent: Decimal
    /// The competency score's share of the final score actually applied, in percent.
    @DecimalString public var competencyWeightAppliedPercent: Decimal
    /// The final score, 4 places.
    @DecimalString public var finalScore: Decimal
    /// The rating level of the final score (``TemplateTerms/band(for:)``).
    public var ratingLevel: Int
    /// The explanation in words, one line per step.
    public var lines: [String]

    /// Creates an explanation; ``ScoreCalculator/explain(attainmentPercent:attainmentEventID:reviews:terms:templateID:templateVersion:)``
    /// is the way to get a true one.
    public init(
        templateID: String, templateVersion: Int, attainmentEventID: String?, attainmentPercent: Decimal?,
        goalScore: Decimal?, groups: [GroupScore], competencyScore: Decimal?, goalWeightAppliedPercent: Decimal,
        competencyWeightAppliedPercent: Decimal, finalScore: Decimal, ratingLevel: Int, lines: [String]
    ) {
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.attainmentEventID = attainmentEventID
        self.attainmentPercent = attainmentPercent
        self.goalScore = goalScore
        self.groups = groups
        self.competencyScore = competencyScore
        self.goalWeightAppliedPercent = goalWeightAppliedPercent
        self.competencyWeightAppliedPercent = competencyWeightAppliedPercent
        self.finalScore = finalScore
        self.ratingLevel = ratingLevel
        self.lines = lines
    }

    /// The group score of `group`, if the explanation lists it.
    /// - Parameter group: a rater group.
    public func group(_ group: RaterGroup) -> GroupScore? {
        groups.first { $0.group == group }
    }

    private enum CodingKeys: String, CodingKey {
        case templateID = "template_id"
        case templateVersion = "template_version"
        case attainmentEventID = "attainment_event_id"
        case attainmentPercent = "attainment_percent"
        case goalScore = "goal_score"
        case groups
        case competencyScore = "competency_score"
        case goalWeightAppliedPercent = "goal_weight_applied_percent"
        case competencyWeightAppliedPercent = "competency_weight_applied_percent"
        case finalScore = "final_score"
        case ratingLevel = "rating_level"
        case lines
    }
}
