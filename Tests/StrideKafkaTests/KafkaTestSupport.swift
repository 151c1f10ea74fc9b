import Logging
import StrideKafka
import StrideTestSupport

/// Shared set-up for the StrideKafka integration tests (real broker from `KAFKA_BOOTSTRAP_SERVERS`).
enum KafkaTestSupport {
    static let logger: Logger = {
        var logger = Logger(label: "stride.kafka.tests")
        logger.logLevel = .warning
        return logger
    }()

    static func configuration(_ properties: [String: String] = [:]) throws -> KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: try TestEnvironment.kafkaBootstrapServers(), properties: properties)
    }

    /// Consumer settings that keep group joins fast on the test broker.
    static func consumerConfiguration() throws -> KafkaConfiguration {
        try configuration(["session.timeout.ms": "6000", "max.poll.interval.ms": "10000"])
    }

    /// Creates a fresh topic with `partitions` partitions and returns its name.
    static func makeTopic(partitions: Int32 = 4) async throws -> String {
        let name = TestEnvironment.uniqueName("t")
        try await KafkaAdmin.createTopics([KafkaTopicSpec(name: name, partitions: partitions)], configuration: try configuration(), logger: logger)
        return name
    }

    /// Polls until `count` messages arrived or `timeout` passed.
    static func collect(
        _ consumer: KafkaConsumer, count: Int, timeout: Duration = .seconds(60)
    ) async throws -> [KafkaConsumerMessage] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var messages: [KafkaConsumerMessage] = []
        while messages.count < count, ContinuousClock.now < deadline {
            messages += try await consumer.poll(maxMessages: count - messages.count, timeout: .milliseconds(250))
        }
        return messages
    }

    /// Polls (discarding nothing: messages are returned) until the consumer has partitions assigned.
    static func waitForAssignment(_ consumer: KafkaConsumer, timeout: Duration = .seconds(60)) async throws -> [KafkaConsumerMessage] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var received: [KafkaConsumerMessage] = []
        while try await consumer.assignment().isEmpty, ContinuousClock.now < deadline {
            received += try await consumer.poll(timeout: .milliseconds(100))
        }
        return received
    }

    static func value(_ text: String) -> [UInt8] { Array(text.utf8) }
}
