import Foundation
import ServiceLifecycle
import StrideContracts
@testable import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// The relay's delivery guarantees with the real database and broker: one relay per schema at a
/// time, undeliverable rows parked without holding back the rest, and a broker that restarts
/// with its state lost.
@Suite("Outbox relay delivery", .timeLimit(.minutes(5)))
struct RelayDeliveryTests {
    let fixture: RuntimeFixture

    init() async throws {
        fixture = try await RuntimeFixture()
    }

    @Test("two relays on one schema publish every row exactly once, in order; the standby takes over")
    func twoRelays() async throws {
        let schema = try await fixture.migratedSchema("ob")
        let topic = try await fixture.createTopic("two", partitions: 1)
        let outbox = Outbox(schema: schema, source: "/stride/test")
        let producers = try (0..<2).map { _ in try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger) }
        var settings = OutboxRelay.Settings()
        settings.batchSize = 50  // many batches, so the relays have every chance to interleave
        let relays = producers.map { OutboxRelay(outbox: outbox, pool: fixture.pool, producer: $0, settings: settings, logger: fixture.logger) }
        let groups = relays.map { ServiceGroup(services: [$0], logger: fixture.logger) }
        let running = groups.map { group in Task { try await group.run() } }

        for round in 0..<10 {
            let events = try (0..<100).map { try outbox.encode(OutboxInboxTests.reading("m", round * 100 + $0), topic: topic) }
            try await fixture.pool.transaction { connection in try await outbox.enqueue(events, on: connection) }
        }
        try await waitUntil("every row to be published") {
            try await fixture.count("\(schema).outbox WHERE published_at IS NULL") == 0
        }
        #expect(relays.filter(\.status.isLeader).count == 1, "one relay holds the lease, the other stands by")

        // The leader stops (releasing its lease); the standby takes over the next rows.
        let leader = try #require(relays.firstIndex { $0.status.isLeader })
        await groups[leader].triggerGracefulShutdown()
        try await running[leader].value
        let late = try (1000..<1100).map { try outbox.encode(OutboxInboxTests.reading("m", $0), topic: topic) }
        try await fixture.pool.transaction { connection in try await outbox.enqueue(late, on: connection) }
        try await waitUntil("the standby to publish the late rows") {
            try await fixture.count("\(schema).outbox WHERE published_at IS NULL") == 0
        }
        #expect(relays[1 - leader].status.isLeader)
        await groups[1 - leader].triggerGracefulShutdown()
        try await running[1 - leader].value

        let records = try await fixture.readAll(topic: topic, through: producers[0])
        for producer in producers { await producer.close() }
        let values = try records.map { try EventCodec.decode(MetricReading.self, headers: $0.eventHeaders, value: $0.value).1.value }
        #expect(values.count == 1100, "nothing twice, nothing skipped")
        #expect(values == (0..<1100).map { Decimal($0) }, "in the order written")
    }

    @Test(
        "a row that can never be delivered is parked after bounded retries; the rows behind it flow; re-queue works (one batch, and pipelined batches of 3)",
        arguments: [1_000, 3])
    func undeliverableRowIsParked(batchSize: Int) async throws {
        let schema = try await fixture.migratedSchema("ob")
        let topic = try await fixture.createTopic("park", partitions: 1)
        let outbox = Outbox(schema: schema, source: "/stride/test")
        let producer = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        var settings = OutboxRelay.Settings()
        settings.maxAttempts = 3
        settings.batchSize = batchSize
        let relay = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: producer, settings: settings, logger: fixture.logger)

        for value in 0..<10 {
            if value == 4 {
                // Larger than the broker's and librdkafka's message.max.bytes (1 MB): never deliverable.
                try await fixture.pool.execute("""
                    INSERT INTO \(unescaped: schema).outbox (event_id, topic, partition_key, event_type, headers, payload)
                    VALUES (gen_random_uuid(), \(topic), 'm', 'test.too-large', '[]', repeat('x', 1500000))
                    """)
            } else {
                try await fixture.pool.transaction { connection in
                    try await outbox.enqueue(OutboxInboxTests.reading("m", value), on: connection, topic: topic)
                }
            }
        }
        #expect(await relay.drain() == 9)
        let parked = try await ParkedOutboxRows(schema: schema, pool: fixture.pool).list()
        #expect(parked.count == 1)
        #expect(parked.first?.eventType == "test.too-large")
        #expect(parked.first?.attempts == 3)
        #expect(parked.first?.lastError.lowercased().contains("too large") == true, "\(parked.first?.lastError ?? "")")
        #expect(relay.status.failure == nil, "a parked row is not a failing relay")

        let records = try await fixture.readAll(topic: topic, through: producer)
        #expect(records.count == 9)

        // After a fix (here: the row shrinks), re-queueing sends it.
        try await fixture.pool.execute("UPDATE \(unescaped: schema).outbox SET payload = '{}' WHERE event_type = 'test.too-large'")
        #expect(try await ParkedOutboxRows(schema: schema, pool: fixture.pool).requeue(ids: parked.map(\.id)) == 1)
        #expect(await relay.drain() == 1)
        #expect(try await ParkedOutboxRows(schema: schema, pool: fixture.pool).list().isEmpty)
        await producer.close()
    }

    @Test("a producer that librdkafka declares failed is replaced, and the relay publishes through the new one")
    func fatalProducerIsReplaced() async throws {
        let schema = try await fixture.migratedSchema("ob")
        let topic = try await fixture.createTopic("fatal", partitions: 1)
        let outbox = Outbox(schema: schema, source: "/stride/test")
        let producer = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        let relay = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: producer, logger: fixture.logger)
        func write(_ values: Range<Int>) async throws {
            let events = try values.map { try outbox.encode(OutboxInboxTests.reading("m", $0), topic: topic) }
            try await fixture.pool.transaction { connection in try await outbox.enqueue(events, on: connection) }
        }
        try await write(0..<5)
        #expect(await relay.drain() == 5)

        producer.current.raiseFatalErrorForTesting()  // as when the broker forgets the producer id
        try await write(5..<10)
        #expect(await relay.drain() == 5, "the failed batch is sent again through a new producer")
        #expect(producer.generation == 1)
        #expect(relay.status.failure == nil)
        let values = try await fixture.readAll(topic: topic, through: producer).map {
            try EventCodec.decode(MetricReading.self, headers: $0.eventHeaders, value: $0.value).1.value
        }
        #expect(Set(values) == Set((0..<10).map { Decimal($0) }))
        await producer.close()
    }

    @Test("a relay whose batch outlasts its lease keeps renewing it: the standby neither takes it nor publishes beside it")
    func leaseOutlivesSlowBatch() async throws {
        // The stuck producer's batch is out until its (long) message timeout.
        let (schema, outbox, stuck, healthy) = try await stuckAndHealthy("slow", pending: 10, timeoutMilliseconds: 300_000)
        var settings = OutboxRelay.Settings()
        settings.leaseDuration = .seconds(1)
        let slow = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: stuck, settings: settings, logger: fixture.logger)
        let standby = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: healthy, settings: settings, logger: fixture.logger)
        let group = ServiceGroup(services: [slow], logger: fixture.logger)
        let running = Task { try await group.run() }

        try await waitUntil("the slow relay to take the lease and send its batch") { slow.status.isLeader }
        // Unrenewed, the lease seen now would have lapsed a second after it ends; wait until then, on the database's clock.
        let seen = try #require(try await fixture.pool.query("SELECT expires_at FROM \(unescaped: schema).outbox_relay_lease").first?.decode(0, as: Date.self))
        try await waitUntil("a lease length past the lease seen") {
            try await fixture.pool.query("SELECT now() > \(seen) + interval '1 second'")[0].decode(0, as: Bool.self)
        }
        #expect(await standby.drain() == 0, "the standby publishes nothing while the holder's batch is out")
        #expect(!standby.status.isLeader)
        #expect(try await fixture.count("\(schema).outbox_relay_lease WHERE expires_at > now()") == 1, "the holder keeps renewing")
        #expect(try await fixture.count("\(schema).outbox WHERE published_at IS NULL") == 10)

        // Once the slow relay stops (giving the lease up), the standby publishes everything.
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(await standby.drain() == 10)
        await standby.releaseLease()
        await stuck.close(flushTimeout: .milliseconds(100))
        await healthy.close()
    }

    @Test("a relay that failed and then stands by reports no failure of its own (readiness shows the holder's state)")
    func standbyForgetsItsFailure() async throws {
        let (schema, outbox, stuck, healthy) = try await stuckAndHealthy("stale", pending: 5, timeoutMilliseconds: 1_000)
        var short = OutboxRelay.Settings()
        short.leaseDuration = .seconds(1)
        let failing = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: stuck, settings: short, logger: fixture.logger)
        let holder = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: healthy, logger: fixture.logger)

        let attempt = Task { await failing.drain() }
        try await waitUntil("the first relay to fail a batch") { failing.status.failure != nil }
        attempt.cancel()
        _ = await attempt.value
        try await waitUntil("its lease to lapse") { try await fixture.count("\(schema).outbox_relay_lease WHERE expires_at > now()") == 0 }
        #expect(await holder.drain() == 5)
        #expect(await failing.drain() == 0, "the other relay holds the lease")
        #expect(!failing.status.isLeader)
        #expect(failing.status.failure == nil, "a standby's old failure is not reported")
        await holder.releaseLease()
        await stuck.close(flushTimeout: .milliseconds(100))
        await healthy.close()
    }

    /// A schema with `count` rows pending on a new topic, a producer whose broker never answers
    /// (each batch is out until `timeoutMilliseconds`) and one to the real broker.
    private func stuckAndHealthy(_ prefix: String, pending count: Int, timeoutMilliseconds: Int) async throws
        -> (schema: String, outbox: Outbox, stuck: RenewableProducer, healthy: RenewableProducer)
    {
        let schema = try await fixture.migratedSchema("ob")
        let topic = try await fixture.createTopic(prefix, partitions: 1)
        let outbox = Outbox(schema: schema, source: "/stride/test")
        let stuck = try RenewableProducer(
            configuration: KafkaConfiguration(
                bootstrapServers: "127.0.0.1:1", properties: ["message.timeout.ms": "\(timeoutMilliseconds)"]),
            logger: fixture.logger)
        let healthy = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        let events = try (0..<count).map { try outbox.encode(OutboxInboxTests.reading("m", $0), topic: topic) }
        try await fixture.pool.transaction { connection in try await outbox.enqueue(events, on: connection) }
        return (schema, outbox, stuck, healthy)
    }

    /// Kills the development broker (its state lost) under a running relay and consumer. Opt-in
    /// (`STRIDE_BROKER_RESTART_TESTS=1`): librdkafka 2.8 intermittently crashes (a NULL topic name
    /// in `strcmp` on its main thread) on a response the development broker sends around such a
    /// restart, which would take the whole test process down. The recoveries it exercises are also
    /// covered one by one: ``fatalProducerIsReplaced()`` and the relay's outage handling.
    @Test(
        "after the broker restarts with its state lost, the relay publishes again and the consumer resumes",
        .enabled(if: ProcessInfo.processInfo.environment["STRIDE_BROKER_RESTART_TESTS"] == "1"))
    func brokerRestart() async throws {
        let broker = try ScratchBroker()
        try await broker.start()
        defer { broker.kill() }
        // The clients wait 3 s before reconnecting, so the topic exists again before they ask for
        // it: librdkafka 2.8 can crash on the development broker's metadata answer for a topic it
        // no longer knows (a Tansu quirk; a real cluster keeps its topics).
        let kafka = KafkaConfiguration(bootstrapServers: broker.bootstrapServers, properties: [
            "session.timeout.ms": "6000", "max.poll.interval.ms": "10000", "message.timeout.ms": "5000",
            "reconnect.backoff.ms": "3000", "reconnect.backoff.max.ms": "3000",
        ])
        let source = try await fixture.migratedSchema("ob")
        let sink = try await fixture.migratedSchema("ib", extra: [
            PostgresMigration(version: 100, name: "effects", sql: "CREATE TABLE effects (value numeric NOT NULL)"),
        ])
        let topic = TestEnvironment.uniqueName("restart")
        func createTopic() async throws {
            let admin = try KafkaAdmin(configuration: KafkaConfiguration(bootstrapServers: broker.bootstrapServers), logger: fixture.logger)
            try await admin.createTopics([KafkaTopicSpec(name: topic, partitions: 1)])
            await admin.close()
        }
        try await createTopic()

        let outbox = Outbox(schema: source, source: "/stride/test")
        let producer = try RenewableProducer(configuration: kafka, logger: fixture.logger)
        var router = InboxRouter()
        router.on(MetricReading.self) { reading, _, connection in
            try await connection.execute("INSERT INTO \(unescaped: sink).effects VALUES (\(reading.value))")
        }
        let relay = OutboxRelay(outbox: outbox, pool: fixture.pool, producer: producer, logger: fixture.logger)
        let consumer = InboxConsumer(
            name: "test", schema: sink, topics: [topic], groupID: TestEnvironment.uniqueName("g"), kafka: kafka,
            pool: fixture.pool, producer: producer, router: router, logger: fixture.logger)
        let group = ServiceGroup(services: [relay, consumer], logger: fixture.logger)
        let running = Task { try await group.run() }

        func write(_ values: Range<Int>) async throws {
            let events = try values.map { try outbox.encode(OutboxInboxTests.reading("m", $0), topic: topic) }
            try await fixture.pool.transaction { connection in try await outbox.enqueue(events, on: connection) }
        }
        try await write(0..<5)
        try await waitUntil("the first events to be applied", timeout: .seconds(120)) {
            try await fixture.count("\(sink).effects") == 5
        }

        broker.kill()
        try await broker.start()  // same port, empty: no topics, offsets or producer ids
        try await createTopic()
        try await write(5..<10)
        try await waitUntil("the events written after the restart to be applied", timeout: .seconds(180)) {
            try await fixture.count("\(sink).effects") == 10
        }
        #expect(try await fixture.count("\(source).outbox WHERE published_at IS NULL") == 0)
        await group.triggerGracefulShutdown()
        try await running.value
        await producer.close(flushTimeout: .seconds(1))
    }
}
