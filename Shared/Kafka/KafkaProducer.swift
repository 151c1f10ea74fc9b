import CRdKafka
import Logging
import NIOPosix
import Synchronization

/// Publishes messages to Kafka through librdkafka, with an idempotent producer by default.
///
/// Defaults (each overridable through ``KafkaConfiguration/properties``):
/// `enable.idempotence=true`, `acks=all`, `linger.ms=5`, `message.timeout.ms=30000` (an unreachable
/// broker fails sends after 30 s instead of librdkafka's 5 minutes) and
/// `partitioner=murmur2_random` (the Java client's partitioner, so keys land on the same
/// partitions whichever client produced them).
///
/// A dedicated thread serves delivery reports as soon as they arrive; blocking calls (flush,
/// metadata, destroy) run on the producer's own thread pool, never on Swift's cooperative pool.
public final class KafkaProducer: Sendable {
    static let defaults: [String: String] = [
        "enable.idempotence": "true",
        "acks": "all",
        "linger.ms": "5",
        "message.timeout.ms": "30000",
        "partitioner": "murmur2_random",
    ]

    let client: RDKafkaClient
    let lifecycle = ClientLifecycle()
    let deliveries = DeliveryTracker()
    let topics = Mutex<[String: RDKafkaTopicHandle]>([:])
    let logger: Logger
    private let bootstrapServers: String
    private let pollThread: PollThread
    private let threadPool: NIOThreadPool

    /// Creates a producer and starts serving its delivery reports.
    /// - Parameters:
    ///   - configuration: the brokers and any librdkafka properties.
    ///   - logger: receives librdkafka's logs and errors.
    /// - Throws: a `.configuration` ``KafkaError`` with librdkafka's text when a property is
    ///   unknown or invalid (e.g. `acks=1` while `enable.idempotence=true`).
    public init(configuration: KafkaConfiguration, logger: Logger) throws {
        self.logger = logger
        bootstrapServers = configuration.bootstrapServers
        client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER, properties: configuration.resolvedProperties(defaults: Self.defaults),
            context: ClientContext(logger: logger, deliveries: deliveries))
        pollThread = PollThread(client: client, name: "kafka-producer-poll")
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
    }

    deinit {
        if !lifecycle.isClosed {
            logger.warning("KafkaProducer deinitialized without close(); its librdkafka handle leaks")
        }
    }

    /// Checks that a broker answers a metadata request: a readiness probe.
    /// - Throws: a `.connection` ``KafkaError`` (with librdkafka's code) when no broker answers within `timeout`,
    ///   `.closed` after ``close()``.
    public func ping(timeout: Duration) async throws {
        let servers = bootstrapServers
        try await withBlockingClient { client in
            try client.ping(timeoutMilliseconds: timeout.milliseconds, servers: servers)
        }
    }

    /// Messages enqueued but not yet reported on (librdkafka's out-queue), for metrics and tests;
    /// 0 after ``close()``.
    public var outstandingMessages: Int {
        guard lifecycle.acquire() else { return 0 }
        defer { lifecycle.release() }
        return Int(rd_kafka_outq_len(client.handle))
    }

    /// Waits until every enqueued message has been delivered or has failed.
    /// - Throws: a `.timedOut` ``KafkaError`` when messages are still outstanding after `timeout`.
    public func flush(timeout: Duration) async throws {
        try await withBlockingClient { client in
            let err = rd_kafka_flush(client.handle, timeout.milliseconds)
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(
                    .timedOut, err, "\(rd_kafka_outq_len(client.handle)) messages still outstanding after flushing for \(timeout)")
            }
        }
    }

    /// Flushes for at most 10 seconds, then destroys the producer. Idempotent.
    public func close() async {
        await close(flushTimeout: .seconds(10))
    }

    /// Flushes for at most `flushTimeout`, fails what is still outstanding, and destroys the producer.
    ///
    /// Sends that are waiting for a report when the flush gives up get a failed result
    /// (purged by librdkafka); sends started after close fail with `.closed`. Idempotent.
    public func close(flushTimeout: Duration) async {
        guard lifecycle.beginClose() else { return }
        await lifecycle.waitForLeases()
        let (client, pollThread, logger) = (self.client, self.pollThread, self.logger)
        let handles = topics.withLock { topics in
            defer { topics.removeAll() }
            return Array(topics.values)
        }
        do {
            try await threadPool.runIfActive {
                if rd_kafka_flush(client.handle, flushTimeout.milliseconds) != RD_KAFKA_RESP_ERR_NO_ERROR {
                    logger.warning(
                        "Kafka producer closing with undelivered messages; they fail",
                        metadata: ["kafka.outstanding": "\(rd_kafka_outq_len(client.handle))"])
                    rd_kafka_purge(client.handle, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
                    _ = rd_kafka_flush(client.handle, 1_000)  // serves the purged messages' reports
                }
                pollThread.stop()
                for topic in handles { rd_kafka_topic_destroy(topic.pointer) }
                client.destroy()
            }
        } catch {
            logger.error("Kafka producer could not be closed cleanly", metadata: ["error": "\(error)"])
        }
        deliveries.failAll()
        try? await threadPool.shutdownGracefully()
    }

    /// Runs `body` on the producer's thread pool while holding a lease on the handle.
    private func withBlockingClient(_ body: @escaping @Sendable (RDKafkaClient) throws -> Void) async throws {
        guard lifecycle.acquire() else { throw KafkaError.closed("producer") }
        defer { lifecycle.release() }
        let client = self.client
        try await threadPool.runIfActive { try body(client) }
    }
}
