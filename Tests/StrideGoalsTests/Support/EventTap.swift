import Foundation
import Logging
import StrideContracts
import StrideKafka
import StrideRuntime
import StrideTestSupport

/// Reads `stride.goals.v1` from the beginning and keeps the events one test service emitted
/// (those whose CloudEvents source is its own, `/stride/<schema>`).
final class EventTap: Sendable {
    let consumer: KafkaConsumer
    let source: String

    init(schema: String) throws {
        var logger = Logger(label: "stride.goals.tests.tap")
        logger.logLevel = .warning
        consumer = try KafkaConsumer(
            configuration: KafkaConfiguration(
                bootstrapServers: try TestEnvironment.kafkaBootstrapServers(),
                properties: ["auto.offset.reset": "earliest", "session.timeout.ms": "6000", "fetch.wait.max.ms": "25"]),
            groupID: TestEnvironment.uniqueName("tap"), topics: [StrideTopic.goals.rawValue], logger: logger)
        source = "/stride/\(schema)"
    }

    /// Polls until `done` holds for the events seen so far (in arrival order) or `timeout` passes.
    func events(
        timeout: Duration = .seconds(30), until done: ([(EventMetadata, KafkaConsumerMessage)]) -> Bool
    ) async throws -> [(EventMetadata, KafkaConsumerMessage)] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var seen: [(EventMetadata, KafkaConsumerMessage)] = []
        while !done(seen), ContinuousClock.now < deadline {
            for message in try await consumer.poll(maxMessages: 500, timeout: .milliseconds(200)) {
                let metadata = try EventCodec.decodeMetadata(headers: message.eventHeaders)
                if metadata.source == source { seen.append((metadata, message)) }
            }
        }
        return seen
    }

    func close() async { await consumer.close() }
}
