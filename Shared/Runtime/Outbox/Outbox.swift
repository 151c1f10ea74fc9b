import Foundation
import StrideContracts
import StridePostgres

/// Writes a service's events into its `<schema>.outbox` table inside the caller's transaction,
/// so a state change and the events it causes are committed together or not at all.
///
/// The relay (``OutboxRelay``) publishes the rows to Kafka afterwards; a `NOTIFY` on
/// ``channel`` wakes it the moment the transaction commits.
public struct Outbox: Sendable {
    /// The service's schema, which holds the `outbox` table.
    public let schema: String
    /// The CloudEvents `source` of every event this service emits, e.g. `/stride/goals`.
    public let source: String

    /// - Parameters:
    ///   - schema: the service's own schema.
    ///   - source: the CloudEvents source, e.g. `/stride/goals`.
    public init(schema: String, source: String) {
        self.schema = schema
        self.source = source
    }

    /// The LISTEN/NOTIFY channel that announces new outbox rows.
    public var channel: String { "\(schema)_outbox" }

    /// Encodes an event with this service's source, ready for ``enqueue(_:on:)``.
    /// - Parameters:
    ///   - topic: overrides the event's catalog topic (tests and benchmarks use private topics).
    ///   - traceparent: the W3C trace context of the request that caused the event.
    public func encode<Event: StrideEvent>(
        _ event: Event, topic: String? = nil, time: Date = Date(), traceparent: String? = nil
    ) throws -> EncodedEvent {
        var encoded = try EventCodec.encode(event, source: source, time: time, traceparent: traceparent)
        if let topic { encoded.topic = topic }
        return encoded
    }

    /// Adds one event to the outbox, in the transaction `connection` is in.
    /// - Returns: the event's CloudEvents id.
    @discardableResult
    public func enqueue<Event: StrideEvent>(
        _ event: Event, on connection: PostgresConnection, topic: String? = nil, traceparent: String? = nil
    ) async throws -> UUID {
        let encoded = try encode(event, topic: topic, traceparent: traceparent)
        try await enqueue([encoded], on: connection)
        return try OutboxRow.eventID(of: encoded)
    }

    /// Adds many events with one set-based statement (`COPY` from ``copyThreshold`` events on), in
    /// the transaction `connection` is in.
    ///
    /// - Important: call it inside a transaction that also writes the state change; on its own
    ///   it is merely atomic for the batch.
    public func enqueue(_ events: [EncodedEvent], on connection: PostgresConnection) async throws {
        guard !events.isEmpty else { return }
        let encoder = JSONEncoder()
        let rows = try events.map { try OutboxRow(encoded: $0, encoder: encoder) }
        if rows.count >= Self.copyThreshold {
            // Bulk (period close, batch jobs): COPY streams the JSON as it is, where array
            // parameters would quote and escape every payload. The rows are the same.
            _ = try await connection.copyIn(
                "COPY \(schema).outbox (event_id, topic, partition_key, event_type, headers, payload) FROM STDIN",
                rows: rows.map { [$0.eventID, $0.topic, $0.key, $0.type, $0.headersJSON, $0.payload] })
        } else {
            try await insert(rows, on: connection)
        }
        try await connection.execute("SELECT pg_notify(\(channel), '')")
    }

    /// Batches at least this large are written with `COPY` (two round trips) instead of one `INSERT`.
    static let copyThreshold = 64

    private func insert(_ rows: [OutboxRow], on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
            SELECT id, topic, key, type, headers::jsonb, payload
            FROM unnest(\(rows.map(\.eventID))::uuid[], \(rows.map(\.topic))::text[], \(rows.map(\.key))::text[],
                        \(rows.map(\.type))::text[], \(rows.map(\.headersJSON))::text[], \(rows.map(\.payload))::text[])
                 AS t(id, topic, key, type, headers, payload)
            """)
    }
}

/// One event as the outbox table stores it.
struct OutboxRow: Sendable {
    var eventID: UUID
    var topic: String
    var key: String
    var type: String
    /// Header pairs in order, as a JSON array of `[name, value]`.
    var headersJSON: String
    var payload: String

    /// - Parameter encoder: writes the headers; shared by a batch, as making one per row costs more than the encoding.
    init(encoded: EncodedEvent, encoder: JSONEncoder = JSONEncoder()) throws {
        eventID = try Self.eventID(of: encoded)
        topic = encoded.topic
        key = encoded.key
        type = encoded.headers.first { $0.name == "ce_type" }?.value ?? ""
        let pairs = encoded.headers.map { [$0.name, $0.value] }
        headersJSON = String(decoding: try encoder.encode(pairs), as: UTF8.self)
        payload = String(decoding: encoded.value, as: UTF8.self)
    }

    static func eventID(of encoded: EncodedEvent) throws -> UUID {
        guard let text = encoded.headers.first(where: { $0.name == "ce_id" })?.value, let id = UUID(uuidString: text) else {
            throw OutboxError(message: "an encoded event has no UUID ce_id header")
        }
        return id
    }
}

/// A programming error in what was handed to the outbox.
public struct OutboxError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { "outbox: \(message)" }
}
