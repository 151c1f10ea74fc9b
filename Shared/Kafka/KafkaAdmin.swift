import CRdKafka
import Logging
import NIOPosix

/// Administers the cluster: creates topics. Blocking librdkafka calls run on the admin's own thread.
public final class KafkaAdmin: Sendable {
    let client: RDKafkaClient
    let lifecycle = ClientLifecycle()
    let logger: Logger
    let bootstrapServers: String
    private let pollThread: PollThread
    private let threadPool: NIOThreadPool

    /// Creates an admin client.
    /// - Throws: a `.configuration` ``KafkaError`` with librdkafka's text for an invalid property.
    public init(configuration: KafkaConfiguration, logger: Logger) throws {
        self.logger = logger
        bootstrapServers = configuration.bootstrapServers
        client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER, properties: configuration.resolvedProperties(defaults: [:]),
            context: ClientContext(logger: logger))
        pollThread = PollThread(client: client, name: "kafka-admin-poll")
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
    }

    deinit {
        if !lifecycle.isClosed { logger.warning("KafkaAdmin deinitialized without close(); its librdkafka handle leaks") }
    }

    /// Creates topics; a topic that already exists counts as created (its settings are not changed).
    /// - Parameters:
    ///   - topics: the topics with their partitions, replication factor and configs.
    ///   - timeout: how long the broker may take.
    /// - Throws: an `.admin` ``KafkaError`` with the broker's code and text for the first topic that
    ///   could not be created, `.timedOut` when no answer came in time, `.closed` after ``close()``.
    public func createTopics(_ topics: [KafkaTopicSpec], timeout: Duration = .seconds(10)) async throws {
        guard !topics.isEmpty else { return }
        let logger = self.logger
        try await withBlockingClient { client in
            try RDKafkaCreateTopics.run(client.handle, topics: topics, timeout: timeout)
            logger.info("Kafka topics ensured", metadata: ["kafka.topics": "\(topics.map(\.name).joined(separator: ","))"])
        }
    }

    /// Creates topics with an admin client of its own, closed afterwards (also when creating
    /// fails): for a caller that needs the client for nothing else.
    /// - Parameters:
    ///   - topics: the topics with their partitions, replication factor and configs.
    ///   - configuration: the broker.
    ///   - logger: for the client.
    ///   - timeout: how long the broker may take.
    /// - Throws: what ``init(configuration:logger:)`` and ``createTopics(_:timeout:)`` throw.
    public static func createTopics(
        _ topics: [KafkaTopicSpec], configuration: KafkaConfiguration, logger: Logger, timeout: Duration = .seconds(10)
    ) async throws {
        let admin = try KafkaAdmin(configuration: configuration, logger: logger)
        do {
            try await admin.createTopics(topics, timeout: timeout)
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }

    /// Checks that a broker answers a metadata request: a readiness probe.
    /// - Throws: a `.connection` ``KafkaError`` when no broker answers within `timeout`.
    public func ping(timeout: Duration) async throws {
        let servers = bootstrapServers
        try await withBlockingClient { client in try client.ping(timeoutMilliseconds: timeout.milliseconds, servers: servers) }
    }

    /// The number of partitions of `topic` according to the cluster metadata, `nil` if it does not exist.
    /// - Throws: a `.connection` ``KafkaError`` when no broker answers within `timeout`.
    public func partitionCount(topic: String, timeout: Duration = .seconds(5)) async throws -> Int? {
        try await withBlockingClient { client in
            try client.partitionCount(topic: topic, timeoutMilliseconds: timeout.milliseconds)
        }
    }

    /// Destroys the admin client. Idempotent.
    public func close() async {
        guard lifecycle.beginClose() else { return }
        await lifecycle.waitForLeases()
        let (client, pollThread) = (self.client, self.pollThread)
        try? await threadPool.runIfActive {
            pollThread.stop()
            client.destroy()
        }
        try? await threadPool.shutdownGracefully()
    }

    private func withBlockingClient<T: Sendable>(_ body: @escaping @Sendable (RDKafkaClient) throws -> T) async throws -> T {
        guard lifecycle.acquire() else { throw KafkaError.closed("admin client") }
        defer { lifecycle.release() }
        let client = self.client
        return try await threadPool.runIfActive { try body(client) }
    }
}
