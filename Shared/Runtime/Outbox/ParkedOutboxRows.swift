import Foundation
import StridePostgres

/// Outbox rows the relay parked because they could not be delivered, for operators: list them
/// with the reason, and re-queue them after a fix (`stride outbox parked`, `stride outbox requeue`).
public struct ParkedOutboxRows: Sendable {
    /// One parked row.
    public struct Row: Sendable, Equatable {
        public var id: Int64
        public var eventID: UUID
        public var eventType: String
        public var topic: String
        public var partitionKey: String
        public var attempts: Int
        public var lastError: String
        public var payloadBytes: Int
        public var createdAt: Date
        public var parkedAt: Date
    }

    public let schema: String
    public let pool: PostgresPool

    public init(schema: String, pool: PostgresPool) {
        self.schema = schema
        self.pool = pool
    }

    /// The parked rows, oldest first, after `afterID`.
    public func list(limit: Int = 100, afterID: Int64 = 0) async throws -> [Row] {
        let rows = try await pool.query("""
            SELECT id, event_id, event_type, topic, partition_key, attempts, coalesce(last_error, '') AS last_error,
                   octet_length(payload) AS payload_bytes, created_at, parked_at
            FROM \(unescaped: schema).outbox
            WHERE published_at IS NULL AND parked_at IS NOT NULL AND id > \(afterID)
            ORDER BY id LIMIT \(limit)
            """)
        return try rows.map { row in
            Row(
                id: try row.decode("id"), eventID: try row.decode("event_id"), eventType: try row.decode("event_type"),
                topic: try row.decode("topic"), partitionKey: try row.decode("partition_key"), attempts: try row.decode("attempts"),
                lastError: try row.decode("last_error"), payloadBytes: try row.decode("payload_bytes"),
                createdAt: try row.decode("created_at"), parkedAt: try row.decode("parked_at"))
        }
    }

    /// Puts parked rows back in the queue with their attempts reset (all of them when `ids` is nil),
    /// and wakes the relay.
    /// - Returns: how many rows were re-queued.
    @discardableResult
    public func requeue(ids: [Int64]?) async throws -> Int {
        try await pool.transaction { connection in
            let count: Int
            if let ids {
                count = try await connection.execute("""
                    UPDATE \(unescaped: schema).outbox SET parked_at = NULL, attempts = 0
                    WHERE parked_at IS NOT NULL AND published_at IS NULL AND id = ANY(\(ids)::bigint[])
                    """)
            } else {
                count = try await connection.execute("""
                    UPDATE \(unescaped: schema).outbox SET parked_at = NULL, attempts = 0
                    WHERE parked_at IS NOT NULL AND published_at IS NULL
                    """)
            }
            try await connection.execute("SELECT pg_notify(\(Outbox(schema: schema, source: "").channel), '')")
            return count
        }
    }
}
