import Foundation
import StridePostgres

/// SQL for `private_notes`. Every read names the author in its key, so a note can only ever be
/// read back for its author; nothing joins this table. It has no audit trigger on purpose.
struct PrivateNoteStore: Sendable {
    let schema: String

    /// The author's own note on the meeting, or nil.
    func note(on meetingID: String, by authorID: String, on connection: PostgresConnection) async throws -> OneOnOnePrivateNote? {
        try await connection.query("""
            SELECT body, updated_at FROM \(unescaped: schema).private_notes
            WHERE meeting_id = \(meetingID) AND author_id = \(authorID)
            """).first.map { OneOnOnePrivateNote(body: try $0.decode("body"), updatedAt: try $0.decode("updated_at")) }
    }

    /// Writes (or replaces) the author's note on the meeting.
    func save(_ body: String, on meetingID: String, by authorID: String, at time: Date, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).private_notes (meeting_id, author_id, body, updated_at)
            VALUES (\(meetingID), \(authorID), \(body), \(time))
            ON CONFLICT (meeting_id, author_id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at
            """)
    }
}
