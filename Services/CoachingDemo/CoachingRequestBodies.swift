import StrideContracts

/// `POST /v1/employees/{id}/check-ins`.
struct CheckInBody: Encodable, Sendable {
    var heldOn: CalendarDate
    var whatMoved: String
    var blockers: [String]
    var confidence: Int
    var goalIDs: [String]

    enum CodingKeys: String, CodingKey {
        case heldOn = "held_on"
        case whatMoved = "what_moved"
        case blockers, confidence
        case goalIDs = "goal_ids"
    }
}

/// `POST /v1/feedback`.
struct FeedbackBody: Encodable, Sendable {
    var recipientID: String
    var kind: String
    var audience: String
    var message: String

    enum CodingKeys: String, CodingKey {
        case recipientID = "recipient_id"
        case kind, audience, message
    }
}

/// `POST /v1/employees/{id}/evidence`.
struct EvidenceBody: Encodable, Sendable {
    var kind: String
    var occurredOn: CalendarDate
    var whatHappened: String
    var impact: String
    var goalIDs: [String]

    enum CodingKeys: String, CodingKey {
        case kind
        case occurredOn = "occurred_on"
        case whatHappened = "what_happened"
        case impact
        case goalIDs = "goal_ids"
    }
}
