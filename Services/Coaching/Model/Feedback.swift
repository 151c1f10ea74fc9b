import Foundation
import StrideContracts
import StridePostgres

/// A piece of feedback as the API shows it to someone allowed to read it (its giver, or whoever
/// its ``FeedbackAudience`` admits).
public struct Feedback: Encodable, Sendable, Equatable {
    public var feedbackID: String
    public var giverID: String
    public var recipientID: String
    public var kind: FeedbackKind
    public var audience: FeedbackAudience
    public var message: String
    public var goalID: String?
    public var competencyID: String?
    /// The feedback request it answers, if any.
    public var requestID: String?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case feedbackID = "feedback_id"
        case giverID = "giver_id"
        case recipientID = "recipient_id"
        case kind, audience, message
        case goalID = "goal_id"
        case competencyID = "competency_id"
        case requestID = "request_id"
        case createdAt = "created_at"
    }

    init(row: PostgresRow) throws {
        feedbackID = try row.decode("feedback_id")
        giverID = try row.decode("giver_id")
        recipientID = try row.decode("recipient_id")
        kind = FeedbackKind(rawValue: try row.decode("kind")) ?? .praise
        audience = FeedbackAudience(rawValue: try row.decode("audience")) ?? .recipientOnly
        message = try row.decode("message")
        goalID = try row.decode("goal_id")
        competencyID = try row.decode("competency_id")
        requestID = try row.decode("request_id")
        createdAt = try row.decode("created_at")
    }
}
