import Foundation
import Logging
import StrideContracts
import StrideKafka
import StrideRuntime

/// Reads one topic from its end at the time the tap starts (a shared topic may hold millions of
/// older events) and keeps the events one test service emitted: those whose CloudEvents source
/// is `source` (a service's is `/stride/<schema>`).
public final class TopicTap: Sendable {
    let consumer: KafkaConsumer
    let source: String
    /// Where each partition started: older records polled while joining are dropped.
    let starts: [KafkaTopicPartition: Int64]

    private init(consumer: KafkaConsumer, source: String, starts: [KafkaTopicPartition: Int64]) {
        self.consumer = consumer
        self.source = source
        self.starts = starts
    }

    /// Joins a group of its own on `topic` and moves to the end of every partition.
    ///
    /// A catalog topic is created first, as the services create it, when nothing has yet: a
    /// consumer subscribed to a topic the broker does not have gets no partitions until its next
    /// metadata refresh (minutes), whatever creates the topic meanwhile.
    public static func start(topic: String, source: String) async throws -> TopicTap {
        var logger = Logger(label: "stride.tests.tap")
        logger.logLevel = .warning
        let catalog = TopicCatalog.specs().filter { $0.name == topic }
        if !catalog.isEmpty {
            try await KafkaAdmin.createTopics(
                catalog, configuration: KafkaConfiguration(bootstrapServers: try TestEnvironment.kafkaBootstrapServers()), logger: logger)
        }
        let consumer = try KafkaConsumer(
            configuration: KafkaConfiguration(
                bootstrapServers: try TestEnvironment.kafkaBootstrapServers(),
                properties: ["auto.offset.reset": "earliest", "session.timeout.ms": "6000", "fetch.wait.max.ms": "25"]),
            groupID: TestEnvironment.uniqueName("tap"), topics: [topic], logger: logger)
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            if try await !consumer.assignment().isEmpty {
                return TopicTap(consumer: consumer, source: source, starts: try await consumer.seekToEnd())
            }
            _ = try await consumer.poll(maxMessages: 100, timeout: .milliseconds(100))
        }
        await consumer.close()
        throw HarnessError("the tap on \(topic) got no partitions within 60 s")
    }

    /// Polls until `done` holds for the events seen so far (in arrival order) or `timeout` passes.
    public func events(
        timeout: Duration = .seconds(60), until done: ([(EventMetadata, KafkaConsumerMessage)]) -> Bool
    ) async throws -> [(EventMetadata, KafkaConsumerMessage)] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var seen: [(EventMetadata, KafkaConsumerMessage)] = []
        while !done(seen), ContinuousClock.now < deadline {
            for message in try await consumer.poll(maxMessages: 500, timeout: .milliseconds(200))
            where message.offset >= starts[KafkaTopicPartition(topic: message.topic, partition: message.partition)] ?? 0 {
                let metadata = try EventCodec.decodeMetadata(headers: message.eventHeaders)
                if metadata.source == source { seen.append((metadata, message)) }
            }
        }
        return seen
    }

    public func close() async { await consumer.close() }
}

/// Sends events to the test broker as another system would.
public enum TestPublisher {
    /// Encodes and sends `events` from `source`, each to its catalog topic unless `topic` says otherwise.
    public static func publish(_ events: [any StrideEvent], source: String = "/tests", topic: String? = nil) async throws {
        try await publish(encoded: try events.map { try EventCodec.encode($0, source: source) }, topic: topic)
    }

    /// Sends already encoded events: sending one twice is a redelivery (same CloudEvents id).
    public static func publish(encoded events: [EncodedEvent], topic: String? = nil) async throws {
        var logger = Logger(label: "stride.tests.publisher")
        logger.logLevel = .warning
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(bootstrapServers: try TestEnvironment.kafkaBootstrapServers()), logger: logger)
        for event in events {
            var message = KafkaOutgoingMessage(event)
            if let topic { message.topic = topic }
            _ = try await producer.send(message)
        }
        await producer.close()
    }

    /// Creates `topics` (and their `.dlq`) with one partition each, so a test's events stay in order.
    public static func createTopics(_ topics: [String]) async throws {
        var logger = Logger(label: "stride.tests.admin")
        logger.logLevel = .warning
        let admin = try KafkaAdmin(
            configuration: KafkaConfiguration(bootstrapServers: try TestEnvironment.kafkaBootstrapServers()), logger: logger)
        do {
            try await admin.createTopics(topics.flatMap { [KafkaTopicSpec(name: $0, partitions: 1), KafkaTopicSpec(name: $0 + ".dlq", partitions: 1)] })
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }
}
