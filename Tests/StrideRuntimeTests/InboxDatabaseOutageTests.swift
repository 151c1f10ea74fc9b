import Foundation
import ServiceLifecycle
import StrideContracts
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// A database outage is never the message's fault: the inbox holds its batch until the database
/// is back (nothing dead-lettered, nothing committed), and stops at once on SIGTERM meanwhile.
@Suite("Inbox during a database outage", .timeLimit(.minutes(5)))
struct InboxDatabaseOutageTests {
    let fixture: RuntimeFixture

    init() async throws {
        fixture = try await RuntimeFixture()
    }

    @Test("events wait for the database and are applied once it is back; none goes to the DLQ; SIGTERM ends the wait")
    func outage() async throws {
        // A database of its own, so the outage touches nobody else.
        let database = TestEnvironment.uniqueName("outage")
        try await fixture.pool.execute("CREATE DATABASE \(unescaped: database)")
        var components = try #require(URLComponents(string: try TestEnvironment.databaseURL()))
        components.path = "/\(database)"
        let url = try #require(components.string)
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: url), maxConnections: 2, acquireTimeout: .seconds(2), logger: fixture.logger)
        let schema = TestEnvironment.uniqueName("ib")
        try await PostgresMigrator(schema: schema, migrations: RuntimeMigrations.all + [
            PostgresMigration(version: 100, name: "effects", sql: "CREATE TABLE effects (value numeric NOT NULL)"),
        ], logger: fixture.logger).migrate(pool)
        func effects() async throws -> Int {
            try await pool.query("SELECT count(*) FROM \(unescaped: schema).effects")[0].decode(0, as: Int.self)
        }
        func outage(_ on: Bool) async throws {
            try await fixture.pool.execute("ALTER DATABASE \(unescaped: database) WITH ALLOW_CONNECTIONS \(unescaped: on ? "false" : "true")")
            if on {
                try await fixture.pool.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(database)")
            }
        }

        let topic = try await fixture.createTopic("outage", partitions: 1)
        let producer = try RenewableProducer(configuration: fixture.kafka, logger: fixture.logger)
        func publish(_ values: Range<Int>) async throws {
            for value in values {
                var encoded = try EventCodec.encode(OutboxInboxTests.reading("m", value), source: "/tests")
                encoded.topic = topic
                _ = try await producer.send(KafkaOutgoingMessage(encoded))
            }
        }
        var router = InboxRouter()
        router.on(MetricReading.self) { reading, _, connection in
            try await connection.execute("INSERT INTO \(unescaped: schema).effects VALUES (\(reading.value))")
        }
        let consumer = InboxConsumer(
            name: "test", schema: schema, topics: [topic], groupID: TestEnvironment.uniqueName("g"), kafka: fixture.kafka,
            pool: pool, producer: producer, router: router, logger: fixture.logger)
        let group = ServiceGroup(services: [consumer], logger: fixture.logger)
        let running = Task { try await group.run() }

        try await publish(0..<1)
        try await waitUntil("the consumer to join and apply the first event") { try await effects() == 1 }

        try await outage(true)
        try await publish(1..<11)
        try await waitUntil("the consumer to hold the batch for the database") { consumer.isWaitingForDatabase }
        try await outage(false)
        try await waitUntil("the held events to be applied") { (try? await effects()) == 11 }
        #expect(!consumer.isWaitingForDatabase)

        // Down again; SIGTERM while the consumer waits: it stops without committing or dead-lettering.
        try await outage(true)
        try await publish(11..<12)
        try await waitUntil("the consumer to hold the next batch") { consumer.isWaitingForDatabase }
        await group.triggerGracefulShutdown()
        try await running.value
        try await outage(false)

        #expect(try await effects() == 11, "applied once each; the last one waits for the next start")
        let deadLetters = try await fixture.readAll(topic: topic + ".dlq", through: producer)
        #expect(deadLetters.isEmpty, "a database outage sends nothing to the DLQ")
        await producer.close()
        await pool.close()
        try await fixture.pool.execute("DROP DATABASE \(unescaped: database) WITH (FORCE)")
    }
}
