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

    /// Adds many events in one round trip (`COPY` from ``copyThreshold`` events on), in the
    /// transaction `connection` is in, and notifies the relay.
    ///
    /// Below the threshold one prepared statement inserts the rows and sends the `NOTIFY`; from
    /// it on, `COPY` streams the rows (each field written straight into the buffer) and a second
    /// statement notifies.
    /// - Important: call it inside a transaction that also writes the state change; on its own
    ///   it is merely atomic for the batch.
    public func enqueue(_ events: [EncodedEvent], on connection: PostgresConnection) async throws {
        guard !events.isEmpty else { return }
        let rows = try events.map(OutboxRow.init(encoded:))
        if rows.count >= Self.copyThreshold {
            // Bulk (period close, batch jobs): COPY streams the JSON as it is, where array
            // parameters would quote and escape every payload. The rows are the same.
            _ = try await connection.copyIn(
                "COPY \(schema).outbox (event_id, topic, partition_key, event_type, headers, payload) FROM STDIN",
                rows: rows, encode: OutboxRow.encode)
            try await connection.execute(("SELECT pg_notify(\(channel), '')" as PostgresQuery).prepared())
        } else {
            try await insertAndNotify(rows, on: connection)
        }
    }

    /// Batches at least this large are written with `COPY` (two round trips) instead of one `INSERT`.
    static let copyThreshold = 64

    /// One statement: the rows as column arrays, and the `NOTIFY` (a data-modifying `WITH` runs
    /// whether or not the outer query reads it). Deferred, so it travels with the transaction's
    /// next statement or its `COMMIT` and costs no round trip of its own.
    private func insertAndNotify(_ rows: [OutboxRow], on connection: PostgresConnection) async throws {
        let columns = try PostgresArrayColumns(columns: 6, rows: rows, encode: OutboxRow.encode)
        let statement: PostgresQuery = """
            WITH inserted AS (
                INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
                SELECT id, topic, key, type, headers::json, payload
                FROM unnest(\(columns[0])::uuid[], \(columns[1])::text[], \(columns[2])::text[],
                            \(columns[3])::text[], \(columns[4])::text[], \(columns[5])::text[])
                     AS t(id, topic, key, type, headers, payload))
            SELECT pg_notify(\(channel), '')
            """
        try await connection.executeDeferred(statement.prepared())
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
    /// The payload's JSON bytes, as the codec wrote them.
    var payload: OutboxPayload

    init(encoded: EncodedEvent) throws {
        eventID = try Self.eventID(of: encoded)
        topic = encoded.topic
        key = encoded.key
        type = encoded.headers.first { $0.name == "ce_type" }?.value ?? ""
        headersJSON = Self.headersJSON(encoded.headers)
        payload = OutboxPayload(bytes: encoded.value)
    }

    /// Writes the row's fields in the outbox columns' order (`COPY` and the insert alike).
    static func encode(_ row: OutboxRow, into fields: inout PostgresRowEncoder) throws {
        try fields.encode(row.eventID)
        try fields.encode(row.topic)
        try fields.encode(row.key)
        try fields.encode(row.type)
        try fields.encode(row.headersJSON)
        try fields.encode(row.payload)
    }

    /// `[["ce_specversion","1.0"],…]`, written by hand (``JSONTextWriter``): a `JSONEncoder` per
    /// batch cost more than the rows' other work. The column is `json`: the relay reads this text
    /// back as it is (``OutboxHeaders``).
    static func headersJSON(_ headers: [EventHeader]) -> String {
        var json = JSONTextWriter(capacity: 48 * headers.count + 2)
        json.beginArray()
        for header in headers {
            json.beginArray()
            json.string(header.name)
            json.string(header.value)
            json.endArray()
        }
        json.endArray()
        return json.text
    }

    static func eventID(of encoded: EncodedEvent) throws -> UUID {
        guard let text = encoded.headers.first(where: { $0.name == "ce_id" })?.value, let id = UUID(uuidString: text) else {
            throw OutboxError(message: "an encoded event has no UUID ce_id header")
        }
        return id
    }
}

/// JSON bytes bound as text: written into a `COPY` row or an array straight from the bytes.
struct OutboxPayload: PostgresEncodable {
    var bytes: [UInt8]
    static var postgresType: PostgresDataType { .text }
    var postgresText: String? { String(decoding: bytes, as: UTF8.self) }
    func encodePostgresText(into field: inout PostgresFieldWriter) { field.write(utf8: bytes) }
}

/// A programming error in what was handed to the outbox.
public struct OutboxError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { "outbox: \(message)" }
}
