import StrideKafka
import StrideTestSupport
import Testing

@Suite("KafkaAdmin against the real broker")
struct KafkaAdminTests {
    @Test("creating a topic is idempotent and the topic has the requested partitions")
    func createTopicIdempotent() async throws {
        let admin = try KafkaAdmin(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        let name = TestEnvironment.uniqueName("t")
        let spec = KafkaTopicSpec(name: name, partitions: 6, configs: ["cleanup.policy": "compact"])
        try await admin.createTopics([spec])
        try await admin.createTopics([spec])  // already exists: success
        let partitions = try await admin.partitionCount(topic: name)
        try await admin.ping(timeout: .seconds(5))
        await admin.close()
        await admin.close()
        #expect(partitions == 6)

        // Producing to the highest partition works only if it exists.
        let producer = try KafkaProducer(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        let reports = await producer.send((0..<60).map {
            KafkaOutgoingMessage(topic: name, key: "k\($0)", value: [UInt8($0)])
        })
        await producer.close()
        #expect(Set(try reports.map { try $0.get().partition }) == Set(0..<6))
    }

    @Test("an invalid topic specification is an .admin error with librdkafka's text")
    func invalidTopic() async throws {
        let admin = try KafkaAdmin(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        let error = await #expect(throws: KafkaError.self) {
            try await admin.createTopics([KafkaTopicSpec(name: TestEnvironment.uniqueName("t"), partitions: -5)])
        }
        await admin.close()
        #expect(error?.code == .admin)
        #expect(error?.message.contains("num_partitions") == true)
    }

    @Test("admin calls after close fail with .closed")
    func closedAdmin() async throws {
        let admin = try KafkaAdmin(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        await admin.close()
        let error = await #expect(throws: KafkaError.self) {
            try await admin.createTopics([KafkaTopicSpec(name: TestEnvironment.uniqueName("t"))])
        }
        #expect(error?.code == .closed)
    }
}
