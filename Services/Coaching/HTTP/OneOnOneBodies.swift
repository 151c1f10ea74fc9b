import Foundation
import StrideContracts
import StrideRuntime

/// `POST /v1/one-on-ones`: `{"employee_id": "e1", "scheduled_on": "2026-07-09"}`.
struct NewOneOnOne: Decodable {
    var employeeID: String
    var scheduledOn: CalendarDate

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        employeeID = try container.oneOnOneIdentifier(forKey: .employeeID)
        scheduledOn = try container.decode(CalendarDate.self, forKey: .scheduledOn)
    }

    enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case scheduledOn = "scheduled_on"
    }
}

/// `POST /v1/one-on-ones/{meetingID}/agenda`: `{"title": "…", "goal_id": "g1"}` (`goal_id` optional).
struct NewAgendaItem: Decodable {
    var title: String
    var goalID: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        goalID = try container.oneOnOneIdentifierIfPresent(forKey: .goalID)
    }

    enum CodingKeys: String, CodingKey {
        case title
        case goalID = "goal_id"
    }
}

/// `PUT /v1/one-on-ones/{meetingID}/notes`: `{"shared_notes": "…"}`.
struct SharedNotesBody: Decodable {
    var sharedNotes: String

    enum CodingKeys: String, CodingKey {
        case sharedNotes = "shared_notes"
    }
}

/// `PUT /v1/one-on-ones/{meetingID}/private-note`: `{"body": "…"}`.
struct PrivateNoteBody: Decodable {
    var body: String
}

/// `POST /v1/one-on-ones/{meetingID}/action-items`: `{"owner_id": "e1", "title": "…", "due_on": "2026-07-20"}`.
struct NewActionItem: Decodable {
    var ownerID: String
    var title: String
    var dueOn: CalendarDate?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ownerID = try container.oneOnOneIdentifier(forKey: .ownerID)
        title = try container.decode(String.self, forKey: .title)
        dueOn = try container.decodeIfPresent(CalendarDate.self, forKey: .dueOn)
    }

    enum CodingKeys: String, CodingKey {
        case ownerID = "owner_id"
        case title
        case dueOn = "due_on"
    }
}

/// `POST /v1/one-on-ones/{meetingID}/complete`: `{"held_on": "2026-07-02", "duration_minutes": 30}`.
struct CompletionBody: Decodable {
    var heldOn: CalendarDate
    var durationMinutes: Int

    enum CodingKeys: String, CodingKey {
        case heldOn = "held_on"
        case durationMinutes = "duration_minutes"
    }
}

extension KeyedDecodingContainer {
    /// A required id field of a 1:1 body.
    /// - Throws: `DecodingError` naming the field (a 400) when missing, null, empty or only whitespace.
    fileprivate func oneOnOneIdentifier(forKey key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        if value.allSatisfy(\.isWhitespace) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must name an id, not be empty or only whitespace")
        }
        return value
    }

    /// An optional id field of a 1:1 body: nil when absent or null.
    fileprivate func oneOnOneIdentifierIfPresent(forKey key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try oneOnOneIdentifier(forKey: key)
    }
}
