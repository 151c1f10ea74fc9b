import Foundation
import Logging
import StrideKafka
import StridePostgres

/// What a bulk operation that writes one event per row through a service's outbox is measured
/// against in the same run — raw `COPY` of as many rows of the same size into a copy of the
/// outbox table, raw produce of as many messages of the same size — and the wait for the relay.
package enum OutboxCeilings {
    /// One outbox row as the service wrote it: the shape the raw runs repeat.
    package struct SampleRow: Sendable {
        package var topic: String
        package var eventType: String
        /// The headers as the outbox's `headers` column holds them (JSON text).
        package var headers: String
        package var payload: String

        package init(topic: String, eventType: String, headers: String, payload: String) {
            self.topic = topic
            self.eventType = eventType
            self.headers = headers
            self.payload = payload
        }

        /// The newest row of `schema`'s outbox of `eventType`. The relay deletes rows once they
        /// are delivered, oldest first: take the sample as soon as the step that wrote them returns.
        package static func latest(of eventType: String, in schema: String, pool: PostgresPool) async throws -> SampleRow {
            guard let row = try await pool.query("""
                SELECT topic, headers::text, payload FROM \(unescaped: schema).outbox WHERE event_type = \(eventType)
                ORDER BY id DESC LIMIT 1
                """).first
            else { throw BenchError("no \(eventType) left in \(schema).outbox: the relay delivered them all before the sample was taken") }
            return SampleRow(
                topic: try row.decode(0, as: String.self), eventType: eventType, headers: try row.decode(1, as: String.self),
                payload: try row.decode(2, as: String.self))
        }
    }

    /// How many rows `schema`'s outbox has ever been given (its id sequence): the relay deletes
    /// rows once delivered, so counting the table does not tell what a step wrote.
    package static func written(schema: String, pool: PostgresPool) async throws -> Int {
        try await pool.query("""
            SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM \(unescaped: schema).outbox_id_seq
            """)[0].decode(0, as: Int.self)
    }

    /// Raw `COPY` of `count` rows like `sample` (partition key `key(index)`) into a table shaped
    /// and indexed like `schema`'s outbox. - Returns: rows per second.
    package static func copy(
        url: String, schema: String, sample: SampleRow, count: Int, logger: Logger, key: @escaping @Sendable (Int) -> String
    ) async throws -> Double {
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: url), maxConnections: 1, logger: logger)
        try await pool.execute("CREATE TABLE \(unescaped: schema).bench_raw_outbox (LIKE \(unescaped: schema).outbox INCLUDING ALL)")
        await pool.close()
        let topic = RawPostgresCeiling.copyEscaped(sample.topic) + "\t"
        let middle = "\t\(RawPostgresCeiling.copyEscaped(sample.eventType))\t\(RawPostgresCeiling.copyEscaped(sample.headers))\t"
        let payload = RawPostgresCeiling.copyEscaped(sample.payload) + "\n"
        return try await onDedicatedThread {
            try RawPostgresCeiling.copy(
                url: url, statement: "COPY \(schema).bench_raw_outbox (event_id, topic, partition_key, event_type, headers, payload) FROM STDIN",
                count: count
            ) { index, chunk in
                chunk += UUID().uuidString
                chunk += "\t"
                chunk += topic
                chunk += key(index)
                chunk += middle
                chunk += payload
            }
        }
    }

    /// Raw produce of `count` messages of `payload` to a topic of the run's own.
    /// - Returns: messages per second.
    package static func produce(kafka: KafkaConfiguration, payload: [UInt8], count: Int, logger: Logger) async throws -> Double {
        let topic = "stride-bench-raw-\(UUID().uuidString.prefix(8).lowercased())"
        try await KafkaAdmin.createTopics([KafkaTopicSpec(name: topic)], configuration: kafka, logger: logger)
        let bootstrap = kafka.bootstrapServers
        return try await onDedicatedThread {
            try RawKafkaCeiling.produce(bootstrap: bootstrap, topic: topic, count: count, payload: payload)
        }
    }

    /// Waits until the relay has published every row of `schema`'s outbox.
    /// - Throws: after `timeout`, naming `what` was waited for.
    package static func waitUntilPublished(
        schema: String, pool: PostgresPool, timeout: Duration = .seconds(900), what: String
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            // The first row waiting for the relay, through the relay's own partial index: counting
            // them all would read every pending row each time and slow what is measured, and
            // without `parked_at IS NULL` the index does not apply (the primary key's scan then
            // walks every published row).
            let pending = try await pool.query("""
                SELECT id FROM \(unescaped: schema).outbox WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT 1
                """)
            if pending.isEmpty { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError("\(what): the relay did not publish every outbox row within \(timeout)")
    }
}
