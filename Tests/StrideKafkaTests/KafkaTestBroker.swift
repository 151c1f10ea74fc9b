import Logging
import StrideKafka
import StrideTestSupport

/// The real broker the Kafka tests talk to, and helpers to read what they wrote.
struct KafkaTestBroker {
    let configuration: KafkaConfiguration
    let logger: Logger

    init() throws {
        var logger = Logger(label: "stride.kafka.tests")
        logger.logLevel = .error
        self.logger = logger
        configuration = KafkaConfiguration(
            bootstrapServers: try TestEnvironment.kafkaBootstrapServers(),
            properties: ["session.timeout.ms": "6000", "max.poll.interval.ms": "10000"])
    }

    func topic(partitions: Int32 = 4) async throws -> String {
        let name = TestEnvironment.uniqueName("kt")
        let admin = try KafkaAdmin(configuration: configuration, logger: logger)
        try await admin.createTopics([KafkaTopicSpec(name: name, partitions: partitions)])
        await admin.close()
        return name
    }

    func consumer(group: String, topic: String) throws -> KafkaConsumer {
        try KafkaConsumer(configuration: configuration, groupID: group, topics: [topic], logger: logger)
    }

    /// Polls until `count` records arrived or `timeout` passed.
    func read(_ count: Int, from consumer: KafkaConsumer, timeout: Duration = .seconds(30)) async throws -> [KafkaConsumerMessage] {
        var records: [KafkaConsumerMessage] = []
        let deadline = ContinuousClock.now + timeout
        while records.count < count, ContinuousClock.now < deadline {
            records += try await consumer.poll(maxMessages: 1_000)
        }
        return records
    }
}
