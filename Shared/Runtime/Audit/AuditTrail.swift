import Foundation
import StridePostgres

/// The audit trail of one service's schema (`<schema>.audit_trail`, made by runtime migration 9):
/// what the `audit_row()` trigger writes for audited tables, and the entries jobs write at a
/// coarser level.
public struct AuditTrail: Sendable {
    /// The service's schema.
    public let schema: String

    /// Creates the trail of `schema`.
    public init(schema: String) {
        self.schema = schema
    }

    /// One record's entries, oldest first, after `afterID` (a page cursor); each lists only the
    /// fields that changed, bookkeeping columns (`updated_at`, `created_at`) left out.
    /// - Parameters:
    ///   - table: the audited table (or the kind of record an explicit entry named).
    ///   - recordID: the record's key.
    ///   - afterID: continue after this entry; nil for the first page.
    ///   - limit: the most entries to return.
    public func history(
        of table: String, recordID: String, afterID: Int64?, limit: Int, on connection: PostgresConnection
    ) async throws -> [AuditRecord] {
        let rows = try await connection.query("""
            SELECT a.audit_id, a.actor_id, a.action, a.at,
                   coalesce((SELECT json_agg(json_build_object('field', k, 'before', a.before -> k, 'after', a.after -> k) ORDER BY k)
                             FROM (SELECT jsonb_object_keys(coalesce(a.after, a.before)) AS k) keys
                             WHERE k NOT IN ('updated_at', 'created_at')
                               AND (a.before -> k) IS DISTINCT FROM (a.after -> k)), '[]')::text AS changes
            FROM \(unescaped: PostgresQuery.quoteIdentifier(schema)).audit_trail a
            WHERE a.table_name = \(table) AND a.record_id = \(recordID) AND (\(afterID)::bigint IS NULL OR a.audit_id > \(afterID))
            ORDER BY a.audit_id LIMIT \(limit)
            """)
        return try rows.map { row in
            AuditRecord(
                auditID: try row.decode("audit_id"), actorID: try row.decode("actor_id"), action: try row.decode("action"),
                at: try row.decode("at"), changes: try AuditRecord.changes(fromJSON: try row.decode("changes", as: String.self)))
        }
    }

    /// Writes one entry directly, for a change audited at a coarser level than a row (see
    /// ``Audit/suspendRowAudit(on:)``).
    /// - Parameters:
    ///   - table: the table (or kind of record) the entry is about, e.g. `periods`.
    ///   - recordID: the record's key.
    ///   - before: the changed fields before, as a JSON object's text; nil when it did not exist.
    ///   - after: the changed fields after, as a JSON object's text; nil when deleted.
    ///   - actor: who acted.
    public func record(
        table: String, recordID: String, action: String, before: String?, after: String?, actor: String,
        on connection: PostgresConnection
    ) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: PostgresQuery.quoteIdentifier(schema)).audit_trail
                (table_name, record_id, actor_id, action, before, after)
            VALUES (\(table), \(recordID), \(actor), \(action), \(before)::jsonb, \(after)::jsonb)
            """)
    }
}
