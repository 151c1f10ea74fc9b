import Foundation
import Logging
import ServiceLifecycle
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime

/// The whole event pipeline: events committed to one schema's outbox, relayed to Kafka,
/// consumed into another schema's inbox. Reports sustained throughput, and latency percentiles
/// at a fixed rate.
package struct PipelineBench {
    package let kafka: KafkaConfiguration
    package let url: String
    package let events: Int
    package let rate: Int
    package let seconds: Int
    package let logger: Logger

    package func run(into report: inout BenchReport, ceiling: Double?) async throws {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let source = "stride_bench_out_\(suffix)", sink = "stride_bench_in_\(suffix)"
        let topic = "stride-bench-pipeline-\(suffix)"
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: url), maxConnections: 8, logger: logger)
        for schema in [source, sink] {
            try await PostgresMigrator(schema: schema, migrations: RuntimeMigrations.all, logger: logger).migrate(pool)
        }
        try await KafkaAdmin.createTopics([KafkaTopicSpec(name: topic)], configuration: kafka, logger: logger)
        let producer = try RenewableProducer(configuration: kafka, logger: logger)
        let outbox = Outbox(schema: source, source: "/stride/bench")
        let latencies = LatencyRecorder()
        var router = InboxRouter()
        router.on(MetricReading.self) { _, message, _ in
            latencies.record(milliseconds: Date().timeIntervalSince(message.metadata.time) * 1_000)
        }
        var settings = InboxConsumer.Settings()
        settings.consumerProperties["session.timeout.ms"] = "6000"
        settings.consumerProperties["max.poll.interval.ms"] = "10000"
        let group = ServiceGroup(
            services: [
                OutboxRelay(outbox: outbox, pool: pool, producer: producer, logger: logger),
                InboxConsumer(name: "bench", schema: sink, topics: [topic], groupID: "stride-bench-\(suffix)", kafka: kafka,
                              pool: pool, producer: producer, router: router, settings: settings, logger: logger),
            ],
            logger: logger)
        let running = Task { try await group.run() }
        defer { running.cancel() }

        // Warm-up: the consumer group's first join takes seconds; measure only after it.
        try await write(1, offset: 0, outbox: outbox, topic: topic, pool: pool)
        try await waitUntil(inbox: sink, holds: 1, pool: pool)

        let clock = ContinuousClock()
        let start = clock.now
        var written = 0
        while written < events {
            let batch = min(1_000, events - written)
            try await write(batch, offset: 1 + written, outbox: outbox, topic: topic, pool: pool)
            written += batch
        }
        try await waitUntil(inbox: sink, holds: 1 + events, pool: pool)
        let throughput = Double(events) / (clock.now - start).seconds
        report.add("Pipeline outbox→Kafka→inbox (sustained)", throughput, "events/s",
                   ceiling: ceiling, ceilingName: "raw produce/consume", target: ">= 10000 events/s")

        latencies.reset()  // The throughput phase measured queueing, not latency.
        let perTick = max(1, rate / 100)
        let ticks = seconds * 100
        let paced = clock.now
        for tick in 0..<ticks {
            try await write(perTick, offset: 1 + events + tick * perTick, outbox: outbox, topic: topic, pool: pool)
            try await clock.sleep(until: paced + .milliseconds(10 * (tick + 1)))
        }
        try await waitUntil(inbox: sink, holds: 1 + events + ticks * perTick, pool: pool)
        report.add("Pipeline latency p50 at \(rate) events/s", latencies.percentile(50), "ms")
        report.add("Pipeline latency p99 at \(rate) events/s", latencies.percentile(99), "ms", target: "< 100 ms")

        await group.triggerGracefulShutdown()
        _ = try? await running.value
        await producer.close()
        for schema in [source, sink] { try await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE") }
        await pool.close()
    }

    private func write(_ count: Int, offset: Int, outbox: Outbox, topic: String, pool: PostgresPool) async throws {
        let encoded = try (offset..<offset + count).map { try outbox.encode(
            MetricReading(source: "bench", metricID: "metric-\($0 % 1_000)", value: Decimal($0), unit: nil, observedAt: Date()),
            topic: topic)
        }
        try await pool.transaction { connection in try await outbox.enqueue(encoded, on: connection) }
    }

    private func waitUntil(inbox schema: String, holds count: Int, pool: PostgresPool) async throws {
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let rows = try await pool.query("SELECT count(*) FROM \(unescaped: schema).inbox")
            if try rows.first?.decode(0, as: Int.self) ?? 0 >= count { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw BenchError("pipeline: \(schema).inbox never reached \(count) events")
    }
}
