import Foundation
import ServiceLifecycle
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Synchronization
import Testing

@Suite("Outbox and inbox against the real database and broker")
struct OutboxInboxTests {
    let fixture: RuntimeFixture

    init() async throws {
        fixture = try await RuntimeFixture()
    }

    static func reading(_ metric: String, _ value: Int) -> MetricReading {
        MetricReading(source: "test", metricID: metric, value: Decimal(value), unit: nil, observedAt: Date(timeIntervalSince1970: 1_790_000_000))
    }

    @Test("events are written only if the transaction that changes state commits")
    func outboxFollowsTheTransaction() async throws {
        let schema = try await fixture.migratedSchema("ob")
        let outbox = Outbox(schema: schema, source: "/stride/test")
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await fixture.pool.transaction { connection in
                try await outbox.enqueue(Self.reading("m", 1), on: connection)
                throw Refused()
            }
        }
        #expect(try await fixture.count("\(schema).outbox") == 0)
        try await fixture.pool.transaction { connection in
            try await outbox.enqueue(Self.reading("m", 2), on: connection)
        }
        #expect(try await fixture.count("\(schema).outbox WHERE published_at IS NULL") == 1)
    }

    @Test(
        "the relay publishes every row once, in order per key, with the CloudEvents headers (in one batch, and in many pipelined ones)",
        arguments: [1_000, 7])
    func relayPublishesInOrderPerKey(batchSize: Int) async throws {
        let schema = try await fixture.migratedSchema("ob")
        let topic = try await fixture.createTopic("relay")
        let outbox = Outbox(schema: schema, source: "/stride/test")
        let events = try (0..<90).map { try outbox.encode(Self.reading("metric-\($0 % 3)", $0), topic: topic) }
        try await fixture.pool.transaction { connection in try await outbox.enqueue(events, on: connection) }
        let producer = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        var settings = OutboxRelay.Settings()
        settings.batchSize = batchSize
        let relay = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: producer, settings: settings, logger: fixture.logger)
        #expect(await relay.drain() == 90)
        #expect(try await fixture.count("\(schema).outbox") == 0, "every delivered row is deleted when drain returns")
        #expect(await relay.drain() == 0, "nothing is published twice")
        await producer.close()

        let records = try await fixture.readAll(topic: topic, atLeast: 90)
        #expect(records.count == 90)
        for key in ["metric-0", "metric-1", "metric-2"] {
            let values = try records.filter { $0.key.map { String(decoding: $0, as: UTF8.self) } == key }
                .map { try EventCodec.decode(MetricReading.self, headers: $0.eventHeaders, value: $0.value).1.value }
            #expect(values.count == 30)
            #expect(values == values.sorted(), "records of key \(key) arrive in the order they were written")
        }
        let first = try #require(records.first)
        #expect(first.header("ce_specversion") == "1.0")
        #expect(first.header("ce_source") == "/stride/test")
        #expect(first.header("ce_type") == MetricReading.eventType)
        #expect(first.header("content-type") == "application/json")
    }

    @Test("a relay that keeps published rows leaves delivered rows marked published, for the retention job to purge")
    func keptRowsAreMarked() async throws {
        let schema = try await fixture.migratedSchema("ob")
        let topic = try await fixture.createTopic("kept")
        let outbox = Outbox(schema: schema, source: "/stride/test")
        let events = try (0..<5).map { try outbox.encode(Self.reading("metric-\($0)", $0), topic: topic) }
        try await fixture.pool.transaction { connection in try await outbox.enqueue(events, on: connection) }
        let producer = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        var settings = OutboxRelay.Settings()
        settings.keepsPublishedRows = true  // OUTBOX_RETENTION_HOURS above 0 (ConfigurationTests)
        let relay = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: producer, settings: settings, logger: fixture.logger)
        #expect(await relay.drain() == 5)
        await producer.close()
        #expect(try await fixture.count("\(schema).outbox WHERE published_at IS NOT NULL") == 5)
        #expect(try await fixture.count("\(schema).outbox") == 5)
        #expect(await relay.drain() == 0, "nothing is published twice")
    }

    @Test("re-sent events are applied once; a poison message goes to the DLQ while later ones flow")
    func inboxDeduplicatesAndDeadLetters() async throws {
        let source = try await fixture.migratedSchema("ob")
        let sink = try await fixture.migratedSchema("ib", extra: [
            PostgresMigration(version: 100, name: "effects", sql: "CREATE TABLE effects (metric_id text NOT NULL, value numeric NOT NULL)"),
        ])
        let topic = try await fixture.createTopic("inbox")
        let outbox = Outbox(schema: source, source: "/stride/test")
        let producer = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        var relaySettings = OutboxRelay.Settings()
        relaySettings.keepsPublishedRows = true  // so that the rows can be sent again below
        let relay = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: producer, settings: relaySettings, logger: fixture.logger)

        // 20 good events, sent twice (as after a relay crash), and one the handler always rejects.
        let good = try (0..<20).map { try outbox.encode(Self.reading("good-\($0)", $0), topic: topic) }
        try await fixture.pool.transaction { connection in try await outbox.enqueue(good, on: connection) }
        #expect(await relay.drain() == 20)
        try await fixture.pool.execute("UPDATE \(unescaped: source).outbox SET published_at = NULL")
        #expect(await relay.drain() == 20)
        try await fixture.pool.transaction { connection in
            try await outbox.enqueue(Self.reading("poison", -1), on: connection, topic: topic)
        }
        // A record that is not a CloudEvent at all.
        _ = try await producer.send(KafkaOutgoingMessage(topic: topic, key: "junk", value: Array("not an event".utf8)))
        let late = try outbox.encode(Self.reading("late", 99), topic: topic)
        try await fixture.pool.transaction { connection in try await outbox.enqueue([late], on: connection) }
        #expect(await relay.drain() == 2)

        var router = InboxRouter()
        router.on(MetricReading.self) { reading, _, connection in
            struct PoisonError: Error {}
            if reading.metricID == "poison" { throw PoisonError() }
            try await connection.execute("INSERT INTO \(unescaped: sink).effects VALUES (\(reading.metricID), \(reading.value))")
        }
        var settings = InboxConsumer.Settings()
        settings.maxAttempts = 2
        let consumer = InboxConsumer(
            name: "test", schema: sink, topics: [topic], groupID: TestEnvironment.uniqueName("g"), kafka: fixture.kafka,
            pool: fixture.pool, producer: producer, router: router, settings: settings, logger: fixture.logger)
        let group = ServiceGroup(services: [consumer], logger: fixture.logger)
        let running = Task { try await group.run() }

        let done = try await fixture.eventually { try await fixture.count("\(sink).effects") >= 21 }
        #expect(done)
        let deadLetters = try await fixture.readAll(topic: topic + ".dlq", atLeast: 2)
        await group.triggerGracefulShutdown()
        try await running.value
        await producer.close()

        #expect(try await fixture.count("\(sink).effects") == 21, "20 good events once each, and the late one")
        #expect(try await fixture.count("\(sink).effects WHERE metric_id = 'late'") == 1)
        #expect(deadLetters.count == 2)
        let reasons = deadLetters.compactMap { $0.header("dlq.error") }
        #expect(reasons.count == 2)
        #expect(reasons.contains { $0.contains("undecodable") })
        #expect(reasons.contains { $0.contains("PoisonError") })
        #expect(deadLetters.allSatisfy { $0.header("dlq.original-topic") == topic && $0.header("dlq.original-offset") != nil })
    }

    @Test("while the broker is unreachable, rows stay pending and go out later")
    func brokerOutageLosesNothing() async throws {
        let schema = try await fixture.migratedSchema("ob")
        let topic = try await fixture.createTopic("outage")
        let outbox = Outbox(schema: schema, source: "/stride/test")
        let events = try (0..<10).map { try outbox.encode(Self.reading("m", $0), topic: topic) }
        try await fixture.pool.transaction { connection in try await outbox.enqueue(events, on: connection) }

        let unreachable = try RenewableProducer(
            configuration: KafkaConfiguration(bootstrapServers: "127.0.0.1:1", properties: ["message.timeout.ms": "500"]),
            logger: fixture.logger)
        let failing = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: unreachable, logger: fixture.logger)
        let attempt = Task { await failing.drain() }
        try await waitUntil("the relay to report the outage") { failing.status.failure != nil }
        attempt.cancel()
        #expect(await attempt.value == 0)
        await failing.releaseLease()
        await unreachable.close()
        #expect(try await fixture.count("\(schema).outbox WHERE published_at IS NULL") == 10)

        let producer = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        #expect(await OutboxRelay(outbox: outbox, pool: fixture.pool, producer: producer, logger: fixture.logger).drain() == 10)
        await producer.close()
        #expect(try await fixture.readAll(topic: topic, atLeast: 10).count == 10)
    }
}
