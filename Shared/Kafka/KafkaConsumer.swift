import CRdKafka
import Logging
import NIOPosix

/// Consumes topics as a member of a consumer group, with manual, synchronous offset commits.
///
/// Defaults (overridable through ``KafkaConfiguration/properties``): `enable.auto.commit=false`,
/// `enable.auto.offset.store=false`, `auto.offset.reset=earliest`. Nothing is committed unless
/// ``commit(_:)`` is called, so a message counts as processed only once the caller says so.
///
/// Rebalances use librdkafka's built-in assignment handling, which is correct for both the eager
/// and the cooperative (`partition.assignment.strategy=cooperative-sticky`) protocols. When a
/// partition is revoked, its fetched but uncommitted messages are redelivered to the new owner
/// from the last committed offset: delivery is at-least-once, so consumers dedupe by event id.
/// ``commit(_:)`` skips partitions this member no longer owns instead of overwriting the new
/// owner's progress.
///
/// Every blocking librdkafka call (poll, commit, close) runs on the consumer's own threads, never
/// on Swift's cooperative pool.
public final class KafkaConsumer: Sendable {
    static let defaults: [String: String] = [
        "enable.auto.commit": "false",
        "enable.auto.offset.store": "false",
        "auto.offset.reset": "earliest",
    ]

    let client: RDKafkaClient
    let lifecycle = ClientLifecycle()
    let threadPool: NIOThreadPool
    let logger: Logger
    let bootstrapServers: String
    /// The consumer group this consumer belongs to.
    public let groupID: String
    /// The subscribed topics (empty for a consumer that reads assigned partitions).
    public let topics: [String]

    /// Creates a consumer, joins `groupID` and subscribes to `topics`.
    ///
    /// Joining the group happens in the background; the first ``poll(maxMessages:timeout:)`` calls
    /// return messages once the group has assigned partitions.
    /// - Parameters:
    ///   - configuration: the brokers and any librdkafka properties.
    ///   - groupID: the consumer group (`group.id`); members of one group share the partitions.
    ///   - topics: the topics to subscribe to.
    ///   - logger: receives librdkafka's logs and errors.
    /// - Throws: a `.configuration` ``KafkaError`` with librdkafka's text for an invalid property
    ///   or subscription.
    public convenience init(configuration: KafkaConfiguration, groupID: String, topics: [String], logger: Logger) throws {
        try self.init(configuration: configuration, groupID: groupID, subscribingTo: topics, logger: logger)
    }

    /// Creates a consumer of `groupID` that subscribes to `topics`, or, when `topics` is `nil`,
    /// subscribes to nothing and reads the partitions given to ``assign(_:)``.
    init(configuration: KafkaConfiguration, groupID: String, subscribingTo topics: [String]?, logger: Logger) throws {
        var logger = logger
        logger[metadataKey: "kafka.group"] = "\(groupID)"
        self.logger = logger
        bootstrapServers = configuration.bootstrapServers
        self.groupID = groupID
        self.topics = topics ?? []
        let properties = configuration.resolvedProperties(defaults: Self.defaults) + [("group.id", groupID)]
        client = try RDKafkaClient(type: RD_KAFKA_CONSUMER, properties: properties, context: ClientContext(logger: logger))
        // Errors, logs and rebalances are served by the consumer's poll from now on.
        rd_kafka_poll_set_consumer(client.handle)
        if let topics { try Self.subscribe(client, to: topics) }
        // Two threads: a commit or lag query need not wait behind a poll that is waiting for messages.
        threadPool = NIOThreadPool(numberOfThreads: 2)
        threadPool.start()
    }

    /// Subscribes to `topics`; destroys the client when librdkafka refuses.
    private static func subscribe(_ client: RDKafkaClient, to topics: [String]) throws {
        let subscription = RDKafkaTopicPartitionList(capacity: topics.count)
        for topic in topics { subscription.add(topic: topic, partition: RD_KAFKA_PARTITION_UA) }
        let err = rd_kafka_subscribe(client.handle, subscription.pointer)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            client.destroy(flags: Int32(RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE))
            throw KafkaError(.configuration, err, "cannot subscribe to \(topics.joined(separator: ","))")
        }
    }

    deinit {
        if !lifecycle.isClosed {
            logger.warning("KafkaConsumer deinitialized without close(); it did not leave its group")
        }
    }

    /// Leaves the group and destroys the consumer. Idempotent; ``messages`` ends and later
    /// ``poll(maxMessages:timeout:)`` calls throw `.closed`.
    ///
    /// Nothing is committed on close: messages received but not committed are delivered again to
    /// whichever member gets their partitions.
    public func close() async {
        guard lifecycle.beginClose() else { return }
        await lifecycle.waitForLeases()
        let (client, logger) = (self.client, self.logger)
        do {
            try await threadPool.runIfActive {
                let err = rd_kafka_consumer_close(client.handle)
                if err != RD_KAFKA_RESP_ERR_NO_ERROR {
                    logger.warning("Kafka consumer did not leave its group cleanly", metadata: [
                        "kafka.error.code": "\(err.rawValue)", "kafka.error": "\(String(cString: rd_kafka_err2str(err)))",
                    ])
                }
                client.destroy()
            }
        } catch {
            logger.error("Kafka consumer could not be closed cleanly", metadata: ["error": "\(error)"])
        }
        try? await threadPool.shutdownGracefully()
    }

    /// Checks that a broker answers a metadata request: a readiness probe.
    /// - Throws: a `.connection` ``KafkaError`` when no broker answers within `timeout`.
    public func ping(timeout: Duration) async throws {
        let servers = bootstrapServers
        try await withBlockingClient { client in try client.ping(timeoutMilliseconds: timeout.milliseconds, servers: servers) }
    }

    /// Runs `body` on the consumer's threads while holding a lease on the handle.
    /// - Throws: `.closed` after ``close()``, or what `body` throws.
    func withBlockingClient<T: Sendable>(_ body: @escaping @Sendable (RDKafkaClient) throws -> T) async throws -> T {
        guard lifecycle.acquire() else { throw KafkaError.closed("consumer") }
        defer { lifecycle.release() }
        let client = self.client
        return try await threadPool.runIfActive { try body(client) }
    }
}
