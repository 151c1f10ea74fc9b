import Foundation
import StrideContracts

/// A submitted review as scoring sees it: who it came from (by group only) and its ratings.
public struct SubmittedReview: Codable, Sendable, Equatable {
    /// The review.
    public var reviewID: String
    /// The reviewer's relationship to the reviewee.
    public var group: RaterGroup
    /// One rating per competency rated.
    public var ratings: [CompetencyRating]

    /// Creates a submitted review.
    /// - Parameters:
    ///   - reviewID: the review.
    ///   - group: the rater group.
    ///   - ratings: its competency ratings.
    public init(reviewID: String, group: RaterGroup, ratings: [CompetencyRating]) {
        self.reviewID = reviewID
        self.group = group
        self.ratings = ratings
    }

    private enum CodingKeys: String, CodingKey {
        case reviewID = "review_id"
        case group
        case ratings
    }
}
