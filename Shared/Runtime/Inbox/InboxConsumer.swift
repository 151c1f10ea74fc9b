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
/// ``InboxRouter``'s handlers in **one** database transaction per lane (whole partitions each,
/// ``Settings/parallelPartitions`` lanes at once), and only then commits the Kafka offsets. A redelivered event (after a crash, a rebalance or a re-sent outbox row) is already
/// in the inbox and is skipped, so its effect happens once.
///
/// A message that cannot be decoded, or whose handler fails ``Settings/maxAttempts`` times,
/// goes to `<topic>.dlq` with the error in `dlq.*` headers and consumption continues. When the
/// database itself is unavailable (``PostgresError/isUnavailable``), the batch waits for it with
/// backoff instead, however long that takes: that is never the message's fault, so no healthy
/// event is dead-lettered and no offset is committed during an outage. A graceful shutdown stops
/// that wait at once (the batch is redelivered after the restart).
///
/// The inbox is keyed by (consumer, event id): two consumers of one schema may read the same topic.
/// A consumer that librdkafka declares failed (a fatal error) is replaced by a new one, and
/// every wait on shutdown is bounded (``Settings/closeTimeout``).
public final class InboxConsumer: Service, Sendable {
    /// Tuning knobs; the defaults suit production.
    public struct Settings: Sendable {
        /// Records polled at once.
        public var batchSize = 500
        /// How many transactions handle one polled batch at the same time, each taking whole
        /// partitions (so every partition's events stay in order). Handling mostly waits on the
        /// database, so a second lane keeps up with a wave of events (a period re-assessed at
        /// once) where one would fall behind; each lane holds a pooled connection meanwhile.
        public var parallelPartitions = 2
        /// Attempts per message before it goes to the dead-letter topic.
        public var maxAttempts = 3
        /// How long one poll waits for records.
        public var pollTimeout: Duration = .milliseconds(250)
        /// librdkafka consumer properties, e.g. `session.timeout.ms`. The default caps how long
        /// the broker may hold a fetch while waiting for data (librdkafka's default is 500 ms):
        /// events are handled within milliseconds, at the price of more fetch requests when idle.
        ///
        /// The metadata refresh (librdkafka's default is 5 minutes) is how soon a consumer notices that a
        /// topic it subscribes to exists again, e.g. after a broker lost its state and the topic was
        /// created anew: until then it reads nothing.
        public var consumerProperties: [String: String] = [
            "fetch.wait.max.ms": "25", "topic.metadata.refresh.interval.ms": "10000",
        ]
        /// The longest pause between retries while the database is unavailable.
        public var maximumBackoff: Duration = .seconds(10)
        /// How often the consumer-lag gauge is refreshed, busy or idle.
        public var lagInterval: Duration = .seconds(5)
        /// How long a consumer that lost all its partitions may stay without any before it is
        /// replaced by a new member. After a broker lost its state, librdkafka's member keeps an
        /// empty assignment forever, even once the topic exists again; a new member is assigned at
        /// once. A member a rebalance left without partitions (more members than partitions)
        /// rejoins once and then waits as before.
        public var lostAssignmentTimeout: Duration = .seconds(20)
        /// How long leaving the consumer group may take on shutdown before it is abandoned.
        public var closeTimeout: Duration = .seconds(5)
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
    private let waiting = Atomic<Bool>(false)
    private let processedCounter: Counter
    private let lagGauge: Gauge
    private let assignedGauge: Gauge

    /// - Parameters:
    ///   - name: what the consumer is for, in logs and metrics (e.g. `org-directory`).
    ///   - schema: the service schema whose `inbox` table records processed events.
    ///   - groupID: the Kafka consumer group; replicas of a service share it.
    ///   - producer: publishes dead letters.
    public init(
        name: String, schema: String, topics: [String], groupID: String, kafka: KafkaConfiguration,
        pool: PostgresPool, producer: RenewableProducer, router: InboxRouter, settings: Settings = Settings(), logger: Logger
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
        assignedGauge = Gauge(label: "stride_consumer_assigned_partitions", dimensions: [("consumer", name)])
    }

    /// Whether the consumer is holding a batch back until the database is available again.
    public var isWaitingForDatabase: Bool { waiting.load(ordering: .relaxed) }

    public func run() async throws {
        defer { logger.info("inbox consumer stopped") }
        try await withGracefulShutdownHandler {
            // A consumer librdkafka declares failed is replaced; anything else ends the service.
            while !stopping.load(ordering: .relaxed), !Task.isCancelled {
                let consumer = try KafkaConsumer(configuration: kafka, groupID: groupID, topics: topics, logger: logger)
                logger.info("inbox consumer started", metadata: ["kafka.topics": "\(topics.joined(separator: ","))"])
                do {
                    try await consumeUntilStopped(consumer)
                } catch let error as KafkaError where error.code == .fatal {
                    logger.error("Kafka consumer failed fatally; joining again with a new one", metadata: ["error": "\(error)"])
                } catch is StopRequested {
                    // graceful shutdown while the database was unavailable: the batch comes again after the restart
                } catch is LostAssignment {
                    logger.warning("the consumer lost its partitions and did not get them back; joining again with a new one")
                } catch {
                    await close(consumer)
                    throw error
                }
                await close(consumer)
            }
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .relaxed)
        }
    }

    /// Leaves the group, giving up after ``Settings/closeTimeout`` (a broker that does not answer).
    private func close(_ consumer: KafkaConsumer) async {
        if await abandonableWait(limit: settings.closeTimeout, { await consumer.close() }) == nil {
            logger.warning("the consumer did not leave its group in time; its partitions move when its session expires")
        }
    }

    private func consumeUntilStopped(_ consumer: KafkaConsumer) async throws {
        let clock = ContinuousClock()
        var lagRefreshed = clock.now - settings.lagInterval
        var hadAssignment = false
        var emptySince: ContinuousClock.Instant?
        while !stopping.load(ordering: .relaxed), !Task.isCancelled {
            let batch = try await consumer.poll(maxMessages: settings.batchSize, timeout: settings.pollTimeout)
            if clock.now - lagRefreshed >= settings.lagInterval {
                lagRefreshed = clock.now
                lagGauge.record(await consumer.lag())
                let assignment = try await consumer.assignment()
                // Lag is 0 for a member without partitions too: the count tells the two apart.
                assignedGauge.record(assignment.count)
                if assignment.isEmpty {
                    if hadAssignment {
                        let since = emptySince ?? clock.now
                        emptySince = since
                        if clock.now - since >= settings.lostAssignmentTimeout { throw LostAssignment() }
                    }
                } else {
                    hadAssignment = true
                    emptySince = nil
                }
            }
            if batch.isEmpty { continue }
            try await processWithRetry(batch)
            Failpoint.inboxAfterTransactionBeforeCommit.hit()
            try await consumer.commit(batch)
            processedCounter.increment(by: batch.count)
        }
    }

    /// Thrown out of the wait for the database when the service stops: nothing was committed.
    private struct StopRequested: Error {}

    /// Thrown when the member lost its partitions and did not get them back in time.
    private struct LostAssignment: Error {}

    /// Processes a batch, waiting for the database while it is unavailable.
    private func processWithRetry(_ batch: [KafkaConsumerMessage]) async throws {
        var backoff: Duration = .milliseconds(200)
        while true {
            do {
                try await processInLanes(batch)
                if waiting.exchange(false, ordering: .relaxed) { logger.notice("database available again; the batch went through") }
                return
            } catch let error as PostgresError where error.isUnavailable {
                waiting.store(true, ordering: .relaxed)
                logger.error("database unavailable; the batch waits for it", metadata: ["error": "\(error)"])
            }
            try await pause(backoff)
            backoff = min(backoff * 2, settings.maximumBackoff)
        }
    }

    /// Sleeps for `duration`, ending early with ``StopRequested`` when the service stops.
    private func pause(_ duration: Duration) async throws {
        let clock = ContinuousClock()
        let end = clock.now + duration
        while clock.now < end {
            if stopping.load(ordering: .relaxed) { throw StopRequested() }
            if Task.isCancelled { throw CancellationError() }
            try? await Task.sleep(for: min(.milliseconds(100), clock.now.duration(to: end)))
        }
    }

    /// Splits the batch into lanes of whole partitions and handles the lanes concurrently, each
    /// in transactions of its own (see ``process(_:)``). A lane that fails leaves the others'
    /// work committed; the batch comes again as a whole, and the inbox skips what was recorded.
    private func processInLanes(_ batch: [KafkaConsumerMessage]) async throws {
        let partitions = Dictionary(grouping: batch) { PartitionKey(topic: $0.topic, partition: $0.partition) }
        let laneCount = min(max(1, settings.parallelPartitions), partitions.count)
        guard laneCount > 1 else { return try await process(batch) }
        var lanes = Array(repeating: [KafkaConsumerMessage](), count: laneCount)
        for (index, key) in partitions.keys.sorted().enumerated() {
            lanes[index % laneCount].append(contentsOf: partitions[key] ?? [])
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in lanes {
                group.addTask { try await self.process(lane) }
            }
            try await group.waitForAll()
        }
    }

    /// A topic partition, for grouping a batch by it.
    private struct PartitionKey: Hashable, Comparable {
        var topic: String
        var partition: Int32

        static func < (lhs: PartitionKey, rhs: PartitionKey) -> Bool {
            (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
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
        } catch let error as PostgresError where error.isUnavailable {
            throw error
        } catch {
            logger.warning("batch failed; handling its messages one by one", metadata: ["error": "\(error)"])
            for message in valid {
                if let failure = try await handleAlone(message) { dead.append((message.record, failure)) }
            }
        }
        if !dead.isEmpty { try await deadLetters.publish(dead) }
    }

    /// Records the messages in the inbox and runs the handlers of those not seen before.
    private func handle(_ messages: [InboxMessage], on connection: PostgresConnection) async throws {
        guard !messages.isEmpty else { return }
        // Rows from before the inbox was keyed per consumer (consumer '') count for every consumer.
        let inserted = try await connection.query("""
            INSERT INTO \(unescaped: schema).inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
            SELECT \(name), t.* FROM unnest(\(messages.map(\.metadata.id.uuidString))::text[], \(messages.map(\.metadata.type))::text[],
                                 \(messages.map(\.record.topic))::text[], \(messages.map { Int($0.record.partition) })::int[],
                                 \(messages.map(\.record.offset))::bigint[])
                 AS t(event_id, event_type, topic, kafka_partition, kafka_offset)
            WHERE NOT EXISTS (SELECT 1 FROM \(unescaped: schema).inbox l WHERE l.consumer = '' AND l.event_id = t.event_id)
            ON CONFLICT (consumer, event_id) DO NOTHING
            RETURNING event_id
            """)
        var fresh = Set(try inserted.map { try $0.decode(0, as: String.self) })
        try await router.handle(messages.filter { fresh.remove($0.metadata.id.uuidString) != nil }, on: connection)
    }

    /// Retries one message in its own transactions; returns the last error if it never succeeds.
    /// - Throws: the `PostgresError` when the database became unavailable: not the message's fault.
    private func handleAlone(_ message: InboxMessage) async throws -> String? {
        var lastError = ""
        for attempt in 1...settings.maxAttempts {
            do {
                try await pool.transaction { connection in try await self.handle([message], on: connection) }
                return nil
            } catch let error as PostgresError where error.isUnavailable {
                throw error
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
