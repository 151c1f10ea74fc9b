import Foundation
import StrideContracts
import StridePostgres

/// A feedback request as stored: who asked, by when, about what, and (for the requester) whom
/// they asked and who has answered.
public struct FeedbackRequestRecord: Encodable, Sendable, Equatable {
    /// One colleague asked, and the feedback they answered with, once they have.
    public struct Respondent: Encodable, Sendable, Equatable {
        public var respondentID: String
        public var feedbackID: String?
        public var answered: Bool { feedbackID != nil }

        enum CodingKeys: String, CodingKey {
            case respondentID = "respondent_id"
            case feedbackID = "feedback_id"
            case answered
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(respondentID, forKey: .respondentID)
            try container.encodeIfPresent(feedbackID, forKey: .feedbackID)
            try container.encode(answered, forKey: .answered)
        }
    }

    public var requestID: String
    public var requesterID: String
    public var prompt: String?
    public var dueOn: CalendarDate
    public var createdAt: Date
    /// Whom the request asks: shown to the requester, left out of a respondent's inbox.
    public var respondents: [Respondent]?

    enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
        case requesterID = "requester_id"
        case prompt
        case dueOn = "due_on"
        case createdAt = "created_at"
        case respondents
    }

    init(row: PostgresRow) throws {
        requestID = try row.decode("request_id")
        requesterID = try row.decode("requester_id")
        prompt = try row.decode("prompt")
        dueOn = try row.decode("due_on")
        createdAt = try row.decode("created_at")
        respondents = nil
    }
}
