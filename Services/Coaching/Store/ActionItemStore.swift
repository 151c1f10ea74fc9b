import Foundation
import StrideContracts
import StridePostgres

/// SQL for `action_items`: agreed in a 1:1, moving to the pair's next 1:1 while open.
struct ActionItemStore: Sendable {
    let schema: String

    /// Adds an item agreed in `meeting`.
    func insert(
        _ actionItemID: String, _ item: ActionItemDraft, in meeting: OneOnOne, createdBy: String,
        on connection: PostgresConnection
    ) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).action_items
                (action_item_id, meeting_id, origin_meeting_id, employee_id, owner_id, title, due_on, created_by)
            VALUES (\(actionItemID), \(meeting.meetingID), \(meeting.meetingID), \(meeting.employeeID), \(item.ownerID),
                    \(item.title), \(item.dueOn), \(createdBy))
            """)
    }

    /// One item, or nil; `forUpdate` locks it.
    func item(_ actionItemID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> ActionItemView? {
        try await connection.query("""
            SELECT \(unescaped: ActionItemView.columns) FROM \(unescaped: schema).action_items
            WHERE action_item_id = \(actionItemID) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """).first.map(ActionItemView.init(row:))
    }

    /// The items a meeting holds now (its own and those carried in), oldest first.
    func items(in meetingID: String, on connection: PostgresConnection) async throws -> [ActionItemView] {
        try await connection.query("""
            SELECT \(unescaped: ActionItemView.columns) FROM \(unescaped: schema).action_items
            WHERE meeting_id = \(meetingID) ORDER BY created_at, action_item_id
            """).map(ActionItemView.init(row:))
    }

    /// How many items a meeting holds.
    func count(in meetingID: String, on connection: PostgresConnection) async throws -> Int {
        try await connection.query("""
            SELECT count(*)::int AS n FROM \(unescaped: schema).action_items WHERE meeting_id = \(meetingID)
            """).first?.decode("n", as: Int.self) ?? 0
    }

    /// Marks an item done.
    func markDone(_ actionItemID: String, at time: Date, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).action_items SET state = 'done', done_at = \(time) WHERE action_item_id = \(actionItemID)
            """)
    }

    /// Moves open items to another meeting (the carry-over), in one statement.
    func move(_ actionItemIDs: [String], to meetingID: String, on connection: PostgresConnection) async throws {
        guard !actionItemIDs.isEmpty else { return }
        try await connection.execute("""
            UPDATE \(unescaped: schema).action_items SET meeting_id = \(meetingID)
            WHERE action_item_id = ANY(\(actionItemIDs)::text[]) AND state = 'open'
            """)
    }
}
