import Foundation
import StrideContracts
import StridePostgres

/// SQL for `goal_progress`, the history of progress updates.
public struct ProgressStore: Sendable {
    public let schema: String

    public init(schema: String) {
        self.schema = schema
    }

    /// Appends history lines with one statement (deferred: it travels with the transaction's next
    /// statement or its commit).
    public func insert(_ entries: [ProgressEntry], on connection: PostgresConnection) async throws {
        guard !entries.isEmpty else { return }
        if entries.count == 1 { return try await insert(entries[0], on: connection) }
        try await connection.executeDeferred("""
            INSERT INTO \(unescaped: schema).goal_progress
                (progress_id, goal_id, actor_id, origin, key_result_id, previous_value, current_value, milestone_done,
                 previous_progress, progress, comment, evidence_url, recorded_at)
            SELECT * FROM unnest(\(entries.map(\.progressID))::text[], \(entries.map(\.goalID))::text[],
                \(entries.map(\.actorID))::text[], \(entries.map(\.origin.rawValue))::text[], \(entries.map(\.keyResultID))::text[],
                \(entries.map(\.previousValue))::numeric[], \(entries.map(\.currentValue))::numeric[],
                \(entries.map(\.milestoneDone))::boolean[], \(entries.map(\.previousProgressPercent))::numeric[],
                \(entries.map(\.progressPercent))::numeric[], \(entries.map(\.comment))::text[],
                \(entries.map(\.evidenceURL))::text[], \(entries.map(\.recordedAt))::timestamptz[])
            """)
    }

    /// One history line, the common case (a progress update through the API): plain values
    /// instead of thirteen one-element arrays for PostgreSQL to parse.
    private func insert(_ entry: ProgressEntry, on connection: PostgresConnection) async throws {
        try await connection.executeDeferred("""
            INSERT INTO \(unescaped: schema).goal_progress
                (progress_id, goal_id, actor_id, origin, key_result_id, previous_value, current_value, milestone_done,
                 previous_progress, progress, comment, evidence_url, recorded_at)
            VALUES (\(entry.progressID), \(entry.goalID), \(entry.actorID), \(entry.origin.rawValue), \(entry.keyResultID),
                    \(entry.previousValue), \(entry.currentValue), \(entry.milestoneDone), \(entry.previousProgressPercent),
                    \(entry.progressPercent), \(entry.comment), \(entry.evidenceURL), \(entry.recordedAt))
            """)
    }

    /// A goal's history, newest first, before `beforeID` (a page cursor).
    public func history(of goalID: String, beforeID: String?, limit: Int, on connection: PostgresConnection) async throws -> [ProgressEntry] {
        let rows = try await connection.query("""
            SELECT progress_id, goal_id, actor_id, origin, key_result_id, previous_value, current_value, milestone_done,
                   previous_progress, progress, comment, evidence_url, recorded_at
            FROM \(unescaped: schema).goal_progress
            WHERE goal_id = \(goalID) AND (\(beforeID)::text IS NULL OR progress_id < \(beforeID))
            ORDER BY progress_id DESC LIMIT \(limit)
            """)
        return try rows.map { row in
            ProgressEntry(
                progressID: try row.decode("progress_id"), goalID: try row.decode("goal_id"), actorID: try row.decode("actor_id"),
                origin: ProgressOrigin(rawValue: try row.decode("origin")) ?? .manual,
                keyResultID: try row.decode("key_result_id"), previousValue: try row.decode("previous_value"),
                currentValue: try row.decode("current_value"), milestoneDone: try row.decode("milestone_done"),
                previousProgressPercent: try row.decode("previous_progress"), progressPercent: try row.decode("progress"),
                comment: try row.decode("comment"), evidenceURL: try row.decode("evidence_url"),
                recordedAt: try row.decode("recorded_at"))
        }
    }
}
