import Foundation
import StridePostgres

/// One item on a 1:1's agenda, as the API shows it.
public struct OneOnOneAgendaItem: Encodable, Sendable, Equatable {
    public var agendaItemID: String
    public var meetingID: String
    public var title: String
    public var source: AgendaItemSource
    /// The participant who added it; absent for items Coaching added (nudges, carry-over).
    public var addedBy: String?
    public var goalID: String?
    public var actionItemID: String?
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case agendaItemID = "agenda_item_id"
        case meetingID = "meeting_id"
        case title, source
        case addedBy = "added_by"
        case goalID = "goal_id"
        case actionItemID = "action_item_id"
        case createdAt = "created_at"
    }

    static let columns = "agenda_item_id, meeting_id, title, source, added_by, goal_id, action_item_id, created_at"

    init(row: PostgresRow) throws {
        agendaItemID = try row.decode("agenda_item_id")
        meetingID = try row.decode("meeting_id")
        title = try row.decode("title")
        source = AgendaItemSource(rawValue: try row.decode("source")) ?? .manual
        addedBy = try row.decode("added_by")
        goalID = try row.decode("goal_id")
        actionItemID = try row.decode("action_item_id")
        createdAt = try row.decode("created_at")
    }
}
