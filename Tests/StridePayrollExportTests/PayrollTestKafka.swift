import Foundation
import Logging
import StrideContracts
import StrideKafka
import StrideTestSupport

/// The real broker (`KAFKA_BOOTSTRAP_SERVERS`) for the payroll export tests: a fresh topic per
/// test, and producing records onto it as the incentives service's outbox relay does.
enum PayrollTestKafka {
    static let logger: Logger = {
        var logger = Logger(label: "stride.payroll-export.tests")
        logger.logLevel = .warning
        return logger
    }()

    static func configuration() throws -> KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: try TestEnvironment.kafkaBootstrapServers())
    }

    /// A fresh topic no other test uses.
    static func makeTopic(partitions: Int32 = 3) async throws -> String {
        let topic = TestEnvironment.uniqueName("payroll")
        try await KafkaAdmin.createTopics([KafkaTopicSpec(name: topic, partitions: partitions)], configuration: try configuration(), logger: logger)
        return topic
    }

    /// The Kafka record of an encoded event on `topic`: key, CloudEvents headers, JSON value.
    static func record(_ event: EncodedEvent, topic: String) -> KafkaOutgoingMessage {
        KafkaOutgoingMessage(
            topic: topic, key: event.key, value: event.value, headers: event.headers.map { KafkaHeader(key: $0.name, value: $0.value) })
    }

    /// Sends `messages` in one go and requires every delivery.
    static func send(_ messages: [KafkaOutgoingMessage]) async throws {
        let producer = try KafkaProducer(configuration: try configuration(), logger: logger)
        let results = await producer.send(messages)
        await producer.close()
        for result in results { _ = try result.get() }
    }
}
