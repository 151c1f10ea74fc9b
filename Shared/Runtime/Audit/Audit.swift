import Foundation
import StridePostgres

/// Field-level audit of a service's tables, owned by the runtime.
///
/// Runtime migration 9 gives every schema an `audit_trail` table and an `audit_row()` trigger
/// function. A service audits a table by running ``enable(on:key:)``'s SQL in one of its own
/// migrations; from then on every insert, update and delete of that table writes one audit row
/// (who, when, which action, the row before and after) in the same transaction, so no code path
/// can forget. ``AuditTrail`` reads a record's history back, field by field.
///
/// - Important: every write to an audited table must name its actor first with
///   ``identify(actor:action:on:)`` in the same transaction; a write without one is refused by
///   the database (SQLSTATE `P0001`), so an unattributed change can never be committed.
public enum Audit {
    /// Names the actor (and the action) recorded for every audited write in the rest of the
    /// current transaction.
    /// - Parameters:
    ///   - actor: who acts: a principal's subject, or `<system>:<part>` for background work.
    ///   - action: what they do, e.g. `create`, `approve`, `metric-reading`.
    ///   - connection: a connection inside the transaction that writes.
    /// - Important: the setting is transaction-local (`set_config(…, true)`); outside a
    ///   transaction it lasts for one statement only. Inside one it is deferred
    ///   (``PostgresConnection/executeDeferred(_:)``): it travels with the write it attributes.
    public static func identify(actor: String, action: String, on connection: PostgresConnection) async throws {
        try await connection.executeDeferred("""
            SELECT set_config('stride.actor', \(actor), true), set_config('stride.action', \(action), true)
            """)
    }

    /// Stops per-row audit for the rest of the current transaction, for a set-based job that
    /// writes its own summary entry with ``AuditTrail/record(table:recordID:action:before:after:actor:on:)``
    /// (closing a period freezes a million goals; one entry says so).
    public static func suspendRowAudit(on connection: PostgresConnection) async throws {
        _ = try await connection.query("SELECT set_config('stride.bulk', 'on', true)")
    }

    /// The SQL that puts `table` under audit, for a service's migration (it runs with the
    /// service's schema on the search path, so the trigger calls that schema's `audit_row()`).
    /// - Parameters:
    ///   - table: the table to audit, in the service's schema.
    ///   - key: the column that identifies a record (its primary key); entries are filed under its value.
    /// - Returns: `CREATE TRIGGER <table>_audit_row AFTER INSERT OR UPDATE OR DELETE ON <table> …`.
    /// - Important: the text is part of the calling migration's checksum, so it never changes.
    public static func enable(on table: String, key: String) -> String {
        let trigger = PostgresQuery.quoteIdentifier(table + "_audit_row")
        let quotedKey = "'" + key.replacingOccurrences(of: "'", with: "''") + "'"
        return """
            CREATE TRIGGER \(trigger) AFTER INSERT OR UPDATE OR DELETE ON \(PostgresQuery.quoteIdentifier(table))
                FOR EACH ROW EXECUTE FUNCTION audit_row(\(quotedKey));
            """
    }

    /// The SQL that lets set-based work skip the audit triggers of the current schema entirely,
    /// for a service's migration after its ``enable(on:key:)`` ones: every `audit_row()` trigger
    /// without a condition is recreated with `WHEN` ``suspendRowAudit(on:)`` has not been called.
    /// The trigger function already returned at once under a suspension, but each row still
    /// queued an event and called it — 4 µs a row, more than a second for 300,000 review
    /// requests; now PostgreSQL does not queue the event at all.
    public static let skippedDuringBulk = """
        DO $$
        DECLARE t record;
        BEGIN
            FOR t IN
                SELECT c.relname AS table_name, tg.tgname AS trigger_name, pg_get_triggerdef(tg.oid) AS definition
                FROM pg_trigger tg
                JOIN pg_class c ON c.oid = tg.tgrelid
                JOIN pg_proc p ON p.oid = tg.tgfoid
                WHERE p.proname = 'audit_row' AND c.relnamespace = current_schema()::regnamespace
                  AND NOT tg.tgisinternal AND tg.tgqual IS NULL
            LOOP
                EXECUTE format('DROP TRIGGER %I ON %I', t.trigger_name, t.table_name);
                EXECUTE replace(t.definition, 'FOR EACH ROW EXECUTE',
                    'FOR EACH ROW WHEN (current_setting(''stride.bulk'', true) IS DISTINCT FROM ''on'') EXECUTE');
            END LOOP;
        END $$;
        """
}
