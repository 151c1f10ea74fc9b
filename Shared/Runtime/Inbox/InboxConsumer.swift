import Foundation
import Logging
import Metrics
import ServiceLifecycle
import StrideContracts
import StrideKafka
import StridePostgres
import Synchronization

/// Consumes topics into a service with effectively-once effect.
///
/// For each polled batch it records every event id in `<schema>.inbox` and runs the
/// ``InboxRouter``'s handlers in **one** database transaction, and only then commits the Kafka
/// offsets. A redelivered event (after a crash, a rebalance or a re-sent outbox row) is already
/// in the inbox and is skipped, so its effect happens once.
///
/// A message that cannot be decoded, or whose handler fails ``Settings/maxAttempts`` times,
/// goes to `<topic>.dlq` with the error in `dlq.*` headers and consumption continues. When the
/// database itself is unreachable, the batch is retried with backoff instead: that is not the
/// message's fault.
public final class InboxConsumer: Service, Sendable {
    /// Tuning knobs; the defaults suit production.
    public struct Settings: Sendable {
        /// Records handled per transaction.
        public var batchSize = 500
        /// Attempts per message before it goes to the dead-letter topic.
        public var maxAttempts = 3
        /// How long one poll waits for records.
        public var pollTimeout: Duration = .milliseconds(250)
        /// librdkafka consumer properties, e.g. `session.timeout.ms`. The default caps how long
        /// the broker may hold a fetch while waiting for data (librdkafka's default is 500 ms):
        /// events are handled within milliseconds, at the price of more fetch requests when idle.
        public var consumerProperties: [String: String] = ["fetch.wait.max.ms": "25"]
        public init() {}
    }

    private let name: String
    private let schema: String
    private let topics: [String]
    private let groupID: String
    private let kafka: KafkaConfiguration
    private let pool: PostgresPool
    private let deadLetters: DeadLetterPublisher
    private let router: InboxRouter
    private let settings: Settings
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private let processedCounter: Counter
    private let lagGauge: Gauge

    /// - Parameters:
    ///   - name: what the consumer is for, in logs and metrics (e.g. `org-directory`).
    ///   - schema: the service schema whose `inbox` table records processed events.
    ///   - groupID: the Kafka consumer group; replicas of a service share it.
    ///   - producer: publishes dead letters.
    public init(
        name: String, schema: String, topics: [String], groupID: String, kafka: KafkaConfiguration,
        pool: PostgresPool, producer: KafkaProducer, router: InboxRouter, settings: Settings = Settings(), logger: Logger
    ) {
        self.name = name
        self.schema = schema
        self.topics = topics
        self.groupID = groupID
        var kafka = kafka
        kafka.properties.merge(settings.consumerProperties) { _, new in new }
        self.kafka = kafka
        self.pool = pool
        self.router = router
        self.settings = settings
        var logger = logger
        logger[metadataKey: "inbox.consumer"] = .string(name)
        logger[metadataKey: "kafka.group"] = .string(groupID)
        self.logger = logger
        self.deadLetters = DeadLetterPublisher(producer: producer, groupID: groupID, logger: logger)
        processedCounter = Counter(label: "stride_inbox_processed_events_total", dimensions: [("consumer", name)])
        lagGauge = Gauge(label: "stride_consumer_lag_messages", dimensions: [("consumer", name)])
    }

    public func run() async throws {
        let consumer = try KafkaConsumer(configuration: kafka, groupID: groupID, topics: topics, logger: logger)
        logger.info("inbox consumer started", metadata: ["kafka.topics": "\(topics.joined(separator: ","))"])
        defer { logger.info("inbox consumer stopped") }
        do {
            try await withGracefulShutdownHandler {
                try await consumeUntilStopped(consumer)
            } onGracefulShutdown: {
                self.stopping.store(true, ordering: .relaxed)
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }

    private func consumeUntilStopped(_ consumer: KafkaConsumer) async throws {
        var idlePolls = 0
        while !stopping.load(ordering: .relaxed), !Task.isCancelled {
            let batch = try await consumer.poll(maxMessages: settings.batchSize, timeout: settings.pollTimeout)
            if batch.isEmpty {
                idlePolls += 1
                if idlePolls % 20 == 1 { lagGauge.record(await consumer.lag()) }
                continue
            }
            try await processWithRetry(batch)
            Failpoint.inboxAfterTransactionBeforeCommit.hit()
            try await consumer.commit(batch)
            processedCounter.increment(by: batch.count)
        }
    }

    /// Processes a batch, retrying it while the database is unreachable.
    private func processWithRetry(_ batch: [KafkaConsumerMessage]) async throws {
        var backoff: Duration = .milliseconds(200)
        while true {
            do {
                try await process(batch)
                return
            } catch let error as PostgresError where error.code == .connection || error.code == .poolTimeout {
                logger.error("database unavailable; retrying the batch", metadata: ["error": "\(error)"])
            }
            if Task.isCancelled { throw CancellationError() }
            try await Task.sleep(for: backoff)
            backoff = min(backoff * 2, .seconds(10))
        }
    }

    private func process(_ batch: [KafkaConsumerMessage]) async throws {
        var valid: [InboxMessage] = []
        var dead: [(KafkaConsumerMessage, String)] = []
        for record in batch {
            do {
                valid.append(InboxMessage(metadata: try EventCodec.decodeMetadata(headers: record.eventHeaders), record: record))
            } catch {
                dead.append((record, "undecodable envelope: \(error)"))
            }
        }
        do {
            try await pool.transaction { connection in try await self.handle(valid, on: connection) }
        } catch let error as PostgresError where error.code == .connection || error.code == .poolTimeout {
            throw error
        } catch {
            logger.warning("batch failed; handling its messages one by one", metadata: ["error": "\(error)"])
            for message in valid {
                if let failure = await handleAlone(message) { dead.append((message.record, failure)) }
            }
        }
        if !dead.isEmpty { try await deadLetters.publish(dead) }
    }

    /// Records the messages in the inbox and runs the handlers of those not seen before.
    private func handle(_ messages: [InboxMessage], on connection: PostgresConnection) async throws {
        guard !messages.isEmpty else { return }
        let inserted = try await connection.query("""
            INSERT INTO \(unescaped: schema).inbox (event_id, event_type, topic, kafka_partition, kafka_offset)
            SELECT * FROM unnest(\(messages.map(\.metadata.id.uuidString))::text[], \(messages.map(\.metadata.type))::text[],
                                 \(messages.map(\.record.topic))::text[], \(messages.map { Int($0.record.partition) })::int[],
                                 \(messages.map(\.record.offset))::bigint[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """)
        var fresh = Set(try inserted.map { try $0.decode(0, as: String.self) })
        for message in messages where fresh.remove(message.metadata.id.uuidString) != nil {
            try await router.handle(message, on: connection)
        }
    }

    /// Retries one message in its own transactions; returns the last error if it never succeeds.
    private func handleAlone(_ message: InboxMessage) async -> String? {
        var lastError = ""
        for attempt in 1...settings.maxAttempts {
            do {
                try await pool.transaction { connection in try await self.handle([message], on: connection) }
                return nil
            } catch {
                lastError = "\(error)"
                logger.warning("event handling failed", metadata: [
                    "event.id": "\(message.metadata.id)", "event.type": "\(message.metadata.type)",
                    "attempt": "\(attempt)", "error": "\(error)"])
                try? await Task.sleep(for: .milliseconds(50 * attempt))
            }
        }
        return "handler failed \(settings.maxAttempts) times: \(lastError)"
    }
}
