import Foundation

/// The caller's own private note on a 1:1: only ever shown to its author, in the meeting they
/// read themselves (`GET /v1/one-on-ones/{meetingID}`); never in a list, a write's response, the
/// audit trail or an event.
public struct OneOnOnePrivateNote: Encodable, Sendable, Equatable {
    public var body: String
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case body
        case updatedAt = "updated_at"
    }
}

/// The answer to writing a private note: that it is saved, without its text (write responses
/// are stored for idempotent replay, and the text must live in one place only).
public struct OneOnOnePrivateNoteReceipt: Encodable, Sendable, Equatable {
    public var meetingID: String
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case meetingID = "meeting_id"
        case updatedAt = "updated_at"
    }
}
