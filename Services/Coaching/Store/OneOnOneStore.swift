import Foundation
import StrideContracts
import StridePostgres

/// SQL for 1:1s and their agenda items.
struct OneOnOneStore: Sendable {
    let schema: String

    static let columns = "meeting_id, employee_id, manager_id, scheduled_on, status, held_on, duration_minutes"

    /// One meeting, or nil; `forUpdate` locks it against concurrent changes.
    func meeting(_ meetingID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> OneOnOne? {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).one_on_ones WHERE meeting_id = \(meetingID)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(Self.meeting(from:))
    }

    /// The pair's scheduled meetings between `from` and `through`, both included, soonest first.
    func scheduled(
        managerID: String, employeeID: String, from: CalendarDate, through: CalendarDate, on connection: PostgresConnection
    ) async throws -> [OneOnOne] {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).one_on_ones
            WHERE manager_id = \(managerID) AND employee_id = \(employeeID) AND status = 'scheduled'
              AND scheduled_on BETWEEN \(from) AND \(through)
            ORDER BY scheduled_on, meeting_id
            """)
        return try rows.map(Self.meeting(from:))
    }

    /// Adds a meeting.
    func insert(_ meeting: OneOnOne, createdBy: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).one_on_ones (meeting_id, employee_id, manager_id, scheduled_on, status, created_by)
            VALUES (\(meeting.meetingID), \(meeting.employeeID), \(meeting.managerID), \(meeting.scheduledOn),
                    \(meeting.status.rawValue), \(createdBy))
            """)
    }

    /// Adds an item to a meeting's agenda.
    func addAgendaItem(_ agendaItemID: String, to meetingID: String, _ item: AgendaItemDraft, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).agenda_items (agenda_item_id, meeting_id, title, source, added_by, goal_id, action_item_id)
            VALUES (\(agendaItemID), \(meetingID), \(item.title), \(item.source.rawValue), \(item.addedBy), \(item.goalID),
                    \(item.actionItemID))
            """)
    }

    static func meeting(from row: PostgresRow) throws -> OneOnOne {
        OneOnOne(
            meetingID: try row.decode("meeting_id"), managerID: try row.decode("manager_id"),
            employeeID: try row.decode("employee_id"), scheduledOn: try row.decode("scheduled_on"),
            status: OneOnOneStatus(rawValue: try row.decode("status")) ?? .scheduled, heldOn: try row.decode("held_on"),
            durationMinutes: try row.decode("duration_minutes"))
    }
}
