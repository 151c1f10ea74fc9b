import Foundation
import Logging
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime

/// The outbox relay on its own: a backlog of committed events (as a bulk operation leaves it —
/// period close, an appraisal release, a compensation approval) published to Kafka, next to
/// raw librdkafka producing as many messages of the same size in the same run.
package struct RelayBench {
    package let kafka: KafkaConfiguration
    package let url: String
    package let events: Int
    package let logger: Logger

    package func run(into report: inout BenchReport) async throws {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let schema = "stride_bench_relay_\(suffix)"
        let topic = "stride-bench-relay-\(suffix)"
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: url), maxConnections: 4, logger: logger)
        try await PostgresMigrator(schema: schema, migrations: RuntimeMigrations.all, logger: logger).migrate(pool)
        try await KafkaAdmin.createTopics([KafkaTopicSpec(name: topic)], configuration: kafka, logger: logger)

        // The backlog, written before the relay starts (not timed): 1,000 keys, realistic payloads.
        let outbox = Outbox(schema: schema, source: "/stride/bench")
        let cycleID = UUID().uuidString.lowercased()
        var written = 0
        var payloadSize = 0
        while written < events {
            let batch = min(10_000, events - written)
            let encoded = try (written..<written + batch).map { index in
                try outbox.encode(
                    ReviewRequested(
                        reviewID: UUID().uuidString.lowercased(), cycleID: cycleID, employeeID: "employee-\(index % 1_000)",
                        reviewerID: "manager-\(index % 97)", raterGroup: .manager, dueDate: CalendarDate(year: 2027, month: 1, day: 31),
                        actorID: "hr-1"),
                    topic: topic)
            }
            payloadSize = encoded[0].value.count
            try await pool.transaction { connection in try await outbox.enqueue(encoded, on: connection) }
            written += batch
        }
        try await pool.execute("ANALYZE \(unescaped: schema).outbox")

        let producer = try RenewableProducer(configuration: kafka, logger: logger)
        let relay = OutboxRelay(outbox: outbox, pool: pool, producer: producer, logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        var published = 0
        while published < events { published += await relay.drain() }
        let seconds = (clock.now - start).seconds
        await relay.releaseLease()
        await producer.close()

        let ceiling = try await OutboxCeilings.produce(
            kafka: kafka, payload: Array(repeating: UInt8(ascii: "x"), count: payloadSize), count: events, logger: logger)
        report.add("Relay outbox → Kafka, \(events) events of \(payloadSize) bytes", Double(events) / seconds, "events/s",
                   ceiling: ceiling, ceilingName: "raw produce (same payload size)")

        try await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
        await pool.close()
    }
}
