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
        try await connection.query(scheduledQuery(managerID: managerID, employeeID: employeeID, from: from, through: through))
            .map(Self.meeting(from:))
    }

    /// The statement of ``scheduled(managerID:employeeID:from:through:on:)``; decode each row with ``meeting(from:)``.
    func scheduledQuery(managerID: String, employeeID: String, from: CalendarDate, through: CalendarDate) -> PostgresQuery {
        """
        SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).one_on_ones
        WHERE manager_id = \(managerID) AND employee_id = \(employeeID) AND status = 'scheduled'
          AND scheduled_on BETWEEN \(from) AND \(through)
        ORDER BY scheduled_on, meeting_id
        """
    }

    /// The scheduled meetings of any of the pairs (`managerIDs[i]` with `employeeIDs[i]`, each
    /// pair once) between `from` and `through`, both included; decode each row with
    /// ``meeting(from:)``.
    func scheduledQuery(managerIDs: [String], employeeIDs: [String], from: CalendarDate, through: CalendarDate) -> PostgresQuery {
        """
        SELECT o.meeting_id, o.employee_id, o.manager_id, o.scheduled_on, o.status, o.held_on, o.duration_minutes
        FROM unnest(\(managerIDs)::text[], \(employeeIDs)::text[]) AS p(manager_id, employee_id)
        JOIN \(unescaped: schema).one_on_ones o ON o.manager_id = p.manager_id AND o.employee_id = p.employee_id
        WHERE o.status = 'scheduled' AND o.scheduled_on BETWEEN \(from) AND \(through)
        """
    }

    /// Adds a meeting (deferred: it travels with the transaction's next statement or its commit).
    func insert(_ meeting: OneOnOne, createdBy: String, on connection: PostgresConnection) async throws {
        try await insert([meeting], createdBy: createdBy, on: connection)
    }

    /// Adds meetings in one statement (deferred, as one).
    func insert(_ meetings: [OneOnOne], createdBy: String, on connection: PostgresConnection) async throws {
        guard !meetings.isEmpty else { return }
        try await connection.executeDeferred("""
            INSERT INTO \(unescaped: schema).one_on_ones (meeting_id, employee_id, manager_id, scheduled_on, status, created_by)
            SELECT t.*, \(createdBy)
            FROM unnest(\(meetings.map(\.meetingID))::text[], \(meetings.map(\.employeeID))::text[], \(meetings.map(\.managerID))::text[],
                        \(meetings.map(\.scheduledOn))::date[], \(meetings.map(\.status.rawValue))::text[])
                 AS t(meeting_id, employee_id, manager_id, scheduled_on, status)
            """)
    }

    /// An agenda item about to be added: its id, its meeting, what it says.
    typealias NewAgendaItem = (agendaItemID: String, meetingID: String, item: AgendaItemDraft)

    /// Adds an item to a meeting's agenda (deferred, as a meeting's insert).
    func addAgendaItem(_ agendaItemID: String, to meetingID: String, _ item: AgendaItemDraft, on connection: PostgresConnection) async throws {
        try await addAgendaItems([(agendaItemID, meetingID, item)], on: connection)
    }

    /// Adds items to meetings' agendas in one statement (deferred, as a meeting's insert).
    func addAgendaItems(_ items: [NewAgendaItem], on connection: PostgresConnection) async throws {
        guard !items.isEmpty else { return }
        try await connection.executeDeferred("""
            INSERT INTO \(unescaped: schema).agenda_items (agenda_item_id, meeting_id, title, source, added_by, goal_id, action_item_id)
            SELECT * FROM unnest(\(items.map(\.agendaItemID))::text[], \(items.map(\.meetingID))::text[], \(items.map(\.item.title))::text[],
                                 \(items.map(\.item.source.rawValue))::text[], \(items.map(\.item.addedBy))::text[],
                                 \(items.map(\.item.goalID))::text[], \(items.map(\.item.actionItemID))::text[])
            """)
    }

    /// One meeting as the API shows it, with its shared notes, or nil.
    func summary(_ meetingID: String, on connection: PostgresConnection) async throws -> (OneOnOneSummary, sharedNotes: String)? {
        let rows = try await connection.query("""
            SELECT \(unescaped: OneOnOneSummary.columns), shared_notes FROM \(unescaped: schema).one_on_ones
            WHERE meeting_id = \(meetingID)
            """)
        return try rows.first.map { (try OneOnOneSummary(row: $0), try $0.decode("shared_notes", as: String.self)) }
    }

    /// A page of the employee's meetings, newest first (keyset on `created_at DESC, meeting_id DESC`).
    func page(
        of employeeID: String, after key: PageKey?, limit: Int, on connection: PostgresConnection
    ) async throws -> [OneOnOneSummary] {
        let rows: PostgresRows
        if let key {
            rows = try await connection.query("""
                SELECT \(unescaped: OneOnOneSummary.columns) FROM \(unescaped: schema).one_on_ones
                WHERE employee_id = \(employeeID)
                  AND (created_at, meeting_id) < ((SELECT created_at FROM \(unescaped: schema).one_on_ones WHERE meeting_id = \(key.id)), \(key.id))
                ORDER BY created_at DESC, meeting_id DESC LIMIT \(limit)
                """)
        } else {
            rows = try await connection.query("""
                SELECT \(unescaped: OneOnOneSummary.columns) FROM \(unescaped: schema).one_on_ones
                WHERE employee_id = \(employeeID) ORDER BY created_at DESC, meeting_id DESC LIMIT \(limit)
                """)
        }
        return try rows.map(OneOnOneSummary.init(row:))
    }

    /// Where a page of meetings continues: after this meeting, in `created_at DESC, meeting_id DESC`
    /// order (its exact `created_at` is read back from the row, so no precision is lost in the cursor).
    struct PageKey: Codable, Sendable {
        var id: String
    }

    /// The meeting's agenda, in the order items were added.
    func agenda(of meetingID: String, on connection: PostgresConnection) async throws -> [OneOnOneAgendaItem] {
        try await connection.query("""
            SELECT \(unescaped: OneOnOneAgendaItem.columns) FROM \(unescaped: schema).agenda_items
            WHERE meeting_id = \(meetingID) ORDER BY created_at, agenda_item_id
            """).map(OneOnOneAgendaItem.init(row:))
    }

    /// One agenda item, or nil.
    func agendaItem(_ agendaItemID: String, on connection: PostgresConnection) async throws -> OneOnOneAgendaItem? {
        try await connection.query("""
            SELECT \(unescaped: OneOnOneAgendaItem.columns) FROM \(unescaped: schema).agenda_items
            WHERE agenda_item_id = \(agendaItemID)
            """).first.map(OneOnOneAgendaItem.init(row:))
    }

    /// How many items the meeting's agenda holds.
    func agendaCount(of meetingID: String, on connection: PostgresConnection) async throws -> Int {
        try await connection.query("""
            SELECT count(*)::int AS n FROM \(unescaped: schema).agenda_items WHERE meeting_id = \(meetingID)
            """).first?.decode("n", as: Int.self) ?? 0
    }

    /// Replaces the meeting's shared notes.
    func setSharedNotes(_ notes: String, of meetingID: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).one_on_ones SET shared_notes = \(notes), version = version + 1
            WHERE meeting_id = \(meetingID)
            """)
    }

    /// Stores the meeting's new state (completed or cancelled) and who put it there.
    func saveState(_ meeting: OneOnOne, by actorID: String, at time: Date, on connection: PostgresConnection) async throws {
        let completed = meeting.status == .completed
        try await connection.execute("""
            UPDATE \(unescaped: schema).one_on_ones
            SET status = \(meeting.status.rawValue), scheduled_on = \(meeting.scheduledOn), held_on = \(meeting.heldOn),
                duration_minutes = \(meeting.durationMinutes),
                completed_by = \(completed ? actorID : nil), completed_at = \(completed ? time : nil), version = version + 1
            WHERE meeting_id = \(meeting.meetingID)
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
