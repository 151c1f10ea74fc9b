import Foundation
import StrideContracts

/// What a template version fixes for every cycle that pins it: the rating scale, the
/// competencies and their weights, the split between goals and competencies, each rater
/// group's weight, the anonymity threshold, the bands that turn a final score into a rating,
/// and which level means "meets expectations".
///
/// - Important: A version is immutable once stored: scores are explained and recomputed against
///   the terms they were made with. Check ``violations(of:)`` before storing.
public struct TemplateTerms: Codable, Sendable, Equatable {
    /// The rating scale.
    public var scale: RatingScale
    /// The competencies rated, with their weights (summing to 100).
    public var competencies: [CompetencyWeight]
    /// The goal score's share of the final score, in percent.
    @DecimalString public var goalWeightPercent: Decimal
    /// The competency score's share of the final score, in percent (with the goal share, 100).
    @DecimalString public var competencyWeightPercent: Decimal
    /// Each rater group's share of the competency score (summing to 100, manager above 0).
    public var raterGroupWeights: [RaterGroupWeight]
    /// The fewest peer, upward or external raters whose reviews count; fewer are left out so that
    /// no score reveals one person's rating.
    public var minimumAnonymousRaters: Int
    /// One band per scale level, ascending.
    public var bands: [RatingBand]
    /// The level that means "meets expectations": 100 % goal attainment scores this level, and the
    /// nine-box performance axis is moderate here.
    public var meetsExpectationsLevel: Int

    /// The rater groups whose raters stay anonymous to the reviewee and their manager.
    public static let anonymousRaterGroups: Set<RaterGroup> = [.peer, .directReport, .external]

    /// Creates terms; check them with ``violations(of:)``.
    public init(
        scale: RatingScale, competencies: [CompetencyWeight], goalWeightPercent: Decimal,
        competencyWeightPercent: Decimal, raterGroupWeights: [RaterGroupWeight], minimumAnonymousRaters: Int,
        bands: [RatingBand], meetsExpectationsLevel: Int
    ) {
        self.scale = scale
        self.competencies = competencies
        self.goalWeightPercent = goalWeightPercent
        self.competencyWeightPercent = competencyWeightPercent
        self.raterGroupWeights = raterGroupWeights
        self.minimumAnonymousRaters = minimumAnonymousRaters
        self.bands = bands
        self.meetsExpectationsLevel = meetsExpectationsLevel
    }

    /// The peer, direct-report and external groups: anonymous, and counted only with at least
    /// ``minimumAnonymousRaters`` raters.
    public var anonymousGroups: Set<RaterGroup> { Self.anonymousRaterGroups }

    /// The rating level of a final score: the band with the highest minimum at or below `score`;
    /// a score below every band (below 1) is level 1.
    /// - Parameter score: a final score.
    public func band(for score: Decimal) -> Int {
        bands.filter { $0.minimumScore <= score }.max { $0.minimumScore < $1.minimumScore }?.level ?? 1
    }

    /// The weight of `group`, in percent; 0 when the template gives it none.
    /// - Parameter group: a rater group.
    public func weight(of group: RaterGroup) -> Decimal {
        raterGroupWeights.first { $0.group == group }?.weightPercent ?? 0
    }

    /// The weight of `competencyID`, or `nil` when the template does not rate it.
    /// - Parameter competencyID: a competency id.
    public func weight(ofCompetency competencyID: String) -> Decimal? {
        competencies.first { $0.competencyID == competencyID }?.weightPercent
    }

    private enum CodingKeys: String, CodingKey {
        case scale
        case competencies
        case goalWeightPercent = "goal_weight_percent"
        case competencyWeightPercent = "competency_weight_percent"
        case raterGroupWeights = "rater_group_weights"
        case minimumAnonymousRaters = "minimum_anonymous_raters"
        case bands
        case meetsExpectationsLevel = "meets_expectations_level"
    }
}
