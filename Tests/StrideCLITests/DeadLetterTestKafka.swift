import Logging
@testable import StrideCLI
import StrideKafka
import StrideTestSupport
import Testing

/// The real broker (`KAFKA_BOOTSTRAP_SERVERS`) for the dead-letter replay tests.
enum DeadLetterTestKafka {
    static let logger: Logger = {
        var logger = Logger(label: "stride.cli.tests")
        logger.logLevel = .warning
        return logger
    }()

    static func configuration() throws -> KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: try TestEnvironment.kafkaBootstrapServers())
    }

    /// A fresh original topic and its dead-letter topic. The original has one partition, so a
    /// sentinel produced after a replay proves what the replay put before it (``contents(of:)``).
    static func makeTopics(deadLetterPartitions: Int32 = 3) async throws -> (original: String, deadLetters: String) {
        let original = TestEnvironment.uniqueName("dlq")
        let deadLetters = original + ".dlq"
        try await KafkaAdmin.createTopics([
            KafkaTopicSpec(name: original, partitions: 1), KafkaTopicSpec(name: deadLetters, partitions: deadLetterPartitions),
        ], configuration: try configuration(), logger: logger)
        return (original, deadLetters)
    }

    /// Dead letter number `index` as the services' dead-letter publisher writes it: key `emp-<index>`,
    /// value `event-<index>`, the original `trace` header and the `dlq.*` headers.
    static func letter(_ index: Int, original: String, extraHeaders: [KafkaHeader] = []) -> KafkaOutgoingMessage {
        KafkaOutgoingMessage(topic: original + ".dlq", key: "emp-\(index)", value: Array("event-\(index)".utf8), headers: [
            KafkaHeader(key: "trace", value: "t-\(index)"),
        ] + extraHeaders + [
            KafkaHeader(key: "dlq.error", value: "boom \(index)"),
            KafkaHeader(key: "dlq.original-topic", value: original),
            KafkaHeader(key: "dlq.original-partition", value: "0"),
            KafkaHeader(key: "dlq.original-offset", value: "\(index)"),
            KafkaHeader(key: "dlq.consumer-group", value: "stride-tests"),
            KafkaHeader(key: "dlq.failed-at", value: "2025-01-01T00:00:00Z"),
        ])
    }

    /// Sends `messages` (in one go, so they share batches) and requires every delivery.
    @discardableResult
    static func send(_ messages: [KafkaOutgoingMessage]) async throws -> [KafkaDeliveryReport] {
        let producer = try KafkaProducer(configuration: try configuration(), logger: logger)
        let results = await producer.send(messages)
        await producer.close()
        return try results.map { try $0.get() }
    }

    /// Every record of the one-partition `topic` except sentinels: produces a sentinel, then reads
    /// from the start until it (bounded, generously). Everything acknowledged before the call is
    /// in the answer, and nothing else.
    static func contents(of topic: String) async throws -> [KafkaConsumerMessage] {
        let sentinel = try await send([KafkaOutgoingMessage(topic: topic, key: "sentinel", value: Array("sentinel".utf8))])[0]
        let consumer = try KafkaConsumer(configuration: try configuration(), groupID: TestEnvironment.uniqueName("g"), logger: logger)
        var records: [KafkaConsumerMessage] = []
        do {
            try await consumer.assign([KafkaTopicPartition(topic: topic, partition: sentinel.partition): 0])
            let deadline = ContinuousClock.now.advanced(by: .seconds(60))
            while !records.contains(where: { $0.offset == sentinel.offset }), ContinuousClock.now < deadline {
                records += try await consumer.poll(timeout: .milliseconds(250))
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        try #require(records.contains { $0.offset == sentinel.offset }, "the sentinel of \(topic) did not arrive")
        return records.filter { $0.offset < sentinel.offset && $0.keyString != "sentinel" }
    }

    /// The replay options for `deadLetters` with a fresh group.
    static func options(_ deadLetters: String, group: String = TestEnvironment.uniqueName("g")) -> DeadLetterReplay.Options {
        var options = DeadLetterReplay.Options(topic: deadLetters, groupID: group)
        options.timeout = .seconds(120)
        return options
    }
}
