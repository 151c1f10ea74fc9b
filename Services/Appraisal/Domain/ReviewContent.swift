import StrideContracts
import StrideRuntime

/// What a reviewer writes: ratings and comments per competency, an overall comment and level.
/// Saved as a draft any number of times; submitted once, complete.
public struct ReviewContent: Codable, Sendable, Equatable {
    /// The longest competency comment, in characters.
    public static let maxCommentLength = 2000
    /// The longest overall comment, in characters.
    public static let maxOverallCommentLength = 4000

    /// One rating per competency rated.
    public var ratings: [CompetencyRating]
    /// Comments per competency.
    public var comments: [CompetencyComment]
    /// The overall comment, if any.
    public var overallComment: String?
    /// The overall level, if any.
    public var overallLevel: Int?

    /// Creates content.
    /// - Parameters:
    ///   - ratings: the competency ratings.
    ///   - comments: the competency comments.
    ///   - overallComment: the overall comment.
    ///   - overallLevel: the overall level.
    public init(
        ratings: [CompetencyRating], comments: [CompetencyComment] = [], overallComment: String? = nil,
        overallLevel: Int? = nil
    ) {
        self.ratings = ratings
        self.comments = comments
        self.overallComment = overallComment
        self.overallLevel = overallLevel
    }

    /// Decodes content; missing `ratings` or `comments` are empty (a draft may hold neither).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ratings = try container.decodeIfPresent([CompetencyRating].self, forKey: .ratings) ?? []
        comments = try container.decodeIfPresent([CompetencyComment].self, forKey: .comments) ?? []
        overallComment = try container.decodeIfPresent(String.self, forKey: .overallComment)
        overallLevel = try container.decodeIfPresent(Int.self, forKey: .overallLevel)
    }

    /// Every rule the content breaks under `terms`:
    /// - `.invalid`: `ratings[i].competency_id` a template competency, not rated twice;
    ///   `ratings[i].level` on the scale; `comments[i].competency_id` a template competency, not
    ///   commented twice; `comments[i].text` at most ``maxCommentLength``; `overall_comment` at
    ///   most ``maxOverallCommentLength``; `overall_level` on the scale.
    /// - `.unprocessable` on `ratings`, when `submitting`: every template competency rated,
    ///   naming those that are not. A draft may be incomplete.
    /// - Parameters:
    ///   - content: the review content.
    ///   - terms: the terms of the cycle's template version.
    ///   - submitting: whether the content is being submitted (not saved as a draft).
    public static func violations(of content: ReviewContent, terms: TemplateTerms, submitting: Bool) -> [AppraisalRuleViolation] {
        var found: [AppraisalRuleViolation] = []
        let competencies = Set(terms.competencies.map(\.competencyID))
        var rated = Set<String>()
        for (index, rating) in content.ratings.enumerated() {
            let at = "ratings[\(index)]"
            if !competencies.contains(rating.competencyID) {
                found.append(
                    AppraisalRuleViolation(.invalid, field: "\(at).competency_id", "The template does not rate \(rating.competencyID)."))
            } else if !rated.insert(rating.competencyID).inserted {
                found.append(
                    AppraisalRuleViolation(.invalid, field: "\(at).competency_id", "\(rating.competencyID) is rated twice."))
            }
            if !terms.scale.contains(rating.level) {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).level", "Levels run from 1 to \(terms.scale.maximum); \(rating.level) is not one."))
            }
        }
        var commented = Set<String>()
        for (index, comment) in content.comments.enumerated() {
            let at = "comments[\(index)]"
            if !competencies.contains(comment.competencyID) {
                found.append(
                    AppraisalRuleViolation(.invalid, field: "\(at).competency_id", "The template does not rate \(comment.competencyID)."))
            } else if !commented.insert(comment.competencyID).inserted {
                found.append(
                    AppraisalRuleViolation(.invalid, field: "\(at).competency_id", "\(comment.competencyID) has two comments."))
            }
            FieldChecks.optionalText(comment.text, field: "\(at).text", name: "comment", maxLength: maxCommentLength, into: &found)
        }
        FieldChecks.optionalText(
            content.overallComment, field: "overall_comment", name: "overall comment", maxLength: maxOverallCommentLength,
            into: &found)
        if let level = content.overallLevel, !terms.scale.contains(level) {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: "overall_level", "Levels run from 1 to \(terms.scale.maximum); \(level) is not one."))
        }
        if submitting {
            let missing = terms.competencies.map(\.competencyID).filter { !rated.contains($0) }
            if !missing.isEmpty {
                found.append(
                    AppraisalRuleViolation(
                        .unprocessable, field: "ratings",
                        "Rate every competency before submitting; not rated: \(missing.joined(separator: ", "))."))
            }
        }
        return found
    }

    private enum CodingKeys: String, CodingKey {
        case ratings
        case comments
        case overallComment = "overall_comment"
        case overallLevel = "overall_level"
    }
}
