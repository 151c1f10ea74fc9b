import Foundation
import StrideContracts

/// A 1:1 with its agenda, shared notes and action items; with the caller's own private note
/// only when the caller reads the meeting (`GET`), never in a write's response.
public struct OneOnOneView: Encodable, Sendable, Equatable {
    public var meeting: OneOnOneSummary
    public var sharedNotes: String
    public var agenda: [OneOnOneAgendaItem]
    public var actionItems: [ActionItemView]
    public var privateNote: OneOnOnePrivateNote?

    enum CodingKeys: String, CodingKey {
        case sharedNotes = "shared_notes"
        case agenda
        case actionItems = "action_items"
        case privateNote = "private_note"
    }

    /// Flat: the meeting's fields next to its agenda, notes and items.
    public func encode(to encoder: any Encoder) throws {
        try meeting.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sharedNotes, forKey: .sharedNotes)
        try container.encode(agenda, forKey: .agenda)
        try container.encode(actionItems, forKey: .actionItems)
        try container.encodeIfPresent(privateNote, forKey: .privateNote)
    }
}

/// What completing a 1:1 did: the completed meeting, and where its open action items went.
public struct OneOnOneCompletion: Encodable, Sendable, Equatable {
    public var meeting: OneOnOneView
    /// The pair's next 1:1 the open items moved to (scheduled for them if none was); absent when
    /// nothing was open.
    public var nextMeetingID: String?
    /// The action items carried over.
    public var carriedOver: [String]

    enum CodingKeys: String, CodingKey {
        case meeting
        case nextMeetingID = "next_meeting_id"
        case carriedOver = "carried_over"
    }
}
