import Foundation
import StridePostgres

/// Reads the audit trail the `goals_audit` trigger writes.
public struct AuditStore: Sendable {
    public let schema: String

    public init(schema: String) {
        self.schema = schema
    }

    /// A goal's audit entries, oldest first, after `afterID`; each lists only the fields that changed
    /// (bookkeeping columns such as `updated_at` left out).
    public func entries(forGoal goalID: String, afterID: Int64?, limit: Int, on connection: PostgresConnection) async throws -> [AuditEntry] {
        let rows = try await connection.query("""
            SELECT a.audit_id, a.actor_id, a.action, a.at,
                   coalesce((SELECT json_agg(json_build_object('field', k, 'before', a.before -> k, 'after', a.after -> k) ORDER BY k)
                             FROM (SELECT jsonb_object_keys(coalesce(a.after, a.before)) AS k) keys
                             WHERE k NOT IN ('updated_at', 'created_at')
                               AND (a.before -> k) IS DISTINCT FROM (a.after -> k)), '[]')::text AS changes
            FROM \(unescaped: schema).audit_log a
            WHERE a.entity_type = 'goal' AND a.entity_id = \(goalID) AND (\(afterID)::bigint IS NULL OR a.audit_id > \(afterID))
            ORDER BY a.audit_id LIMIT \(limit)
            """)
        return try rows.map { row in
            let raw = try JSONDecoder().decode([RawChange].self, from: Data(try row.decode("changes", as: String.self).utf8))
            return AuditEntry(
                auditID: try row.decode("audit_id"), actorID: try row.decode("actor_id"), action: try row.decode("action"),
                at: try row.decode("at"), changes: raw.map { AuditEntry.Change(field: $0.field, before: $0.before?.text, after: $0.after?.text) })
        }
    }
}

/// A change as the SQL builds it; values are arbitrary JSON, kept as text.
private struct RawChange: Decodable {
    var field: String
    var before: JSONText?
    var after: JSONText?
}

/// Any JSON value, re-serialised to compact text.
private struct JSONText: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = String(decoding: try JSONEncoder().encode(string), as: UTF8.self)
        } else if let bool = try? container.decode(Bool.self) {
            text = bool ? "true" : "false"
        } else if let number = try? container.decode(Decimal.self) {
            text = "\(number)"
        } else if let object = try? container.decode([String: JSONText].self) {
            text = "{" + object.keys.sorted().map { "\"\($0)\":\(object[$0]!.text)" }.joined(separator: ",") + "}"
        } else if let array = try? container.decode([JSONText].self) {
            text = "[" + array.map(\.text).joined(separator: ",") + "]"
        } else {
            text = "null"
        }
    }
}
