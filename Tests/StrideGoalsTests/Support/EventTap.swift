import Foundation
import Logging
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport

/// Reads `stride.goals.v1` from its end at the time the tap starts (the shared topic may hold
/// millions of older events, e.g. after a benchmark) and keeps the events one test service
/// emitted (those whose CloudEvents source is its own, `/stride/<schema>`).
final class EventTap: Sendable {
    let consumer: KafkaConsumer
    let source: String
    /// Where each partition started: older records polled while joining are dropped.
    let starts: [KafkaTopicPartition: Int64]

    private init(consumer: KafkaConsumer, source: String, starts: [KafkaTopicPartition: Int64]) {
        self.consumer = consumer
        self.source = source
        self.starts = starts
    }

    /// Joins the group and moves to the end of every partition, so every event produced after
    /// this returns is seen and (almost) nothing older is read: the development broker may report
    /// an end a little short (see `seekToEnd`'s test), and the source filter drops what that rereads.
    static func start(schema: String) async throws -> EventTap {
        var logger = Logger(label: "stride.goals.tests.tap")
        logger.logLevel = .warning
        let consumer = try KafkaConsumer(
            configuration: KafkaConfiguration(
                bootstrapServers: try TestEnvironment.kafkaBootstrapServers(),
                properties: ["auto.offset.reset": "earliest", "session.timeout.ms": "6000", "fetch.wait.max.ms": "25"]),
            groupID: TestEnvironment.uniqueName("tap"), topics: [StrideTopic.goals.rawValue], logger: logger)
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            if try await !consumer.assignment().isEmpty {
                return EventTap(consumer: consumer, source: "/stride/\(schema)", starts: try await consumer.seekToEnd())
            }
            _ = try await consumer.poll(maxMessages: 100, timeout: .milliseconds(100))
        }
        await consumer.close()
        throw HarnessError("the event tap got no partitions within 30 s")
    }

    /// Polls until `done` holds for the events seen so far (in arrival order) or `timeout` passes.
    func events(
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

    func close() async { await consumer.close() }
}
