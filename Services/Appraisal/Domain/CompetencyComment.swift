/// A reviewer's comment on one competency.
public struct CompetencyComment: Codable, Sendable, Equatable {
    /// The competency.
    public var competencyID: String
    /// The comment, at most ``ReviewContent/maxCommentLength`` characters.
    public var text: String

    /// Creates a comment.
    /// - Parameters:
    ///   - competencyID: the competency.
    ///   - text: the comment.
    public init(competencyID: String, text: String) {
        self.competencyID = competencyID
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case competencyID = "competency_id"
        case text
    }
}
