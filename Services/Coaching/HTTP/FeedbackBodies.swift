import Foundation
import StrideContracts
import StrideRuntime

/// `POST /v1/feedback`: `{"recipient_id", "kind", "audience", "message", "goal_id"?, "competency_id"?, "request_id"?}`.
struct NewFeedback: Decodable, Sendable {
    var recipientID: String
    var kind: FeedbackKind
    var audience: FeedbackAudience
    var message: String
    var goalID: String?
    var competencyID: String?
    /// The feedback request this answers, if any.
    var requestID: String?

    enum CodingKeys: String, CodingKey {
        case recipientID = "recipient_id"
        case kind, audience, message
        case goalID = "goal_id"
        case competencyID = "competency_id"
        case requestID = "request_id"
    }

    /// The submission the domain rules judge, given by `giverID`.
    func submission(by giverID: String) -> FeedbackSubmission {
        FeedbackSubmission(
            giverID: giverID, recipientID: recipientID, kind: kind, audience: audience, message: message, goalID: goalID,
            competencyID: competencyID)
    }
}

/// `POST /v1/feedback-requests`: `{"respondent_ids": [...], "due_on", "prompt"?}`.
struct NewFeedbackRequest: Decodable, Sendable {
    var respondentIDs: [String]
    var dueOn: CalendarDate
    var prompt: String?

    enum CodingKeys: String, CodingKey {
        case respondentIDs = "respondent_ids"
        case dueOn = "due_on"
        case prompt
    }

    /// The request the domain rules judge, made by `requesterID`.
    func request(by requesterID: String) -> FeedbackRequest {
        FeedbackRequest(requesterID: requesterID, respondentIDs: respondentIDs, dueOn: dueOn, prompt: prompt)
    }
}
