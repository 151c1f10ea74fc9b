import Foundation
import Logging
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport

/// The real PostgreSQL and broker, with helpers to set up and inspect what a test needs.
struct RuntimeFixture {
    let pool: PostgresPool
    let kafka: KafkaConfiguration
    let logger: Logger

    init() async throws {
        var logger = Logger(label: "stride.tests")
        logger.logLevel = .warning
        self.logger = logger
        pool = PostgresPool(configuration: try PostgresConfiguration(url: try TestEnvironment.databaseURL()), maxConnections: 4, logger: logger)
        kafka = KafkaConfiguration(
            bootstrapServers: try TestEnvironment.kafkaBootstrapServers(),
            properties: ["session.timeout.ms": "6000", "max.poll.interval.ms": "10000"])
    }

    /// A new schema holding the runtime's tables (outbox, inbox, org directory) and `extra` migrations.
    func migratedSchema(_ prefix: String, extra: [PostgresMigration] = []) async throws -> String {
        let schema = TestEnvironment.uniqueName(prefix)
        try await PostgresMigrator(schema: schema, migrations: RuntimeMigrations.all + extra, logger: logger).migrate(pool)
        return schema
    }

    /// A new topic with four partitions (and its dead-letter topic).
    func createTopic(_ prefix: String, partitions: Int32 = 4) async throws -> String {
        let topic = TestEnvironment.uniqueName(prefix)
        try await KafkaAdmin.createTopics([KafkaTopicSpec(name: topic, partitions: partitions), KafkaTopicSpec(name: topic + ".dlq", partitions: partitions)], configuration: kafka, logger: logger)
        return topic
    }

    /// `SELECT count(*) FROM <from>`.
    func count(_ from: String) async throws -> Int {
        try await pool.query("SELECT count(*) FROM \(unescaped: from)")[0].decode(0, as: Int.self)
    }

    /// Reads a topic from the start with a new group until `atLeast` records arrived (or 30 s),
    /// then a little longer so that extra records would be noticed.
    func readAll(topic: String, atLeast: Int) async throws -> [KafkaConsumerMessage] {
        let consumer = try KafkaConsumer(configuration: kafka, groupID: TestEnvironment.uniqueName("reader"), topics: [topic], logger: logger)
        var records: [KafkaConsumerMessage] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while records.count < atLeast, ContinuousClock.now < deadline {
            records += try await consumer.poll(maxMessages: 1_000)
        }
        let grace = ContinuousClock.now + .milliseconds(700)
        while ContinuousClock.now < grace { records += try await consumer.poll(maxMessages: 1_000, timeout: .milliseconds(100)) }
        await consumer.close()
        return records
    }

    /// Every record of a one-partition topic: sends a sentinel after them and reads until it
    /// arrives, so a duplicate or extra record cannot go unnoticed (no waiting a fixed time).
    func readAll(topic: String, through producer: RenewableProducer) async throws -> [KafkaConsumerMessage] {
        let sentinel = "sentinel-\(UUID().uuidString)"
        _ = try await producer.send(KafkaOutgoingMessage(topic: topic, key: sentinel, value: Array(sentinel.utf8)))
        let consumer = try KafkaConsumer(configuration: kafka, groupID: TestEnvironment.uniqueName("reader"), topics: [topic], logger: logger)
        var records: [KafkaConsumerMessage] = []
        try await waitUntil("the sentinel on \(topic)", timeout: .seconds(60), every: .zero) {
            records += try await consumer.poll(maxMessages: 1_000)
            return records.contains { $0.key == Array(sentinel.utf8) }
        }
        await consumer.close()
        return records.filter { $0.key != Array(sentinel.utf8) }
    }

    /// Polls `condition` until it holds or `timeout` passes.
    func eventually(timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }
}
