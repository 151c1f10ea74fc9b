import Foundation
import StrideKafka
import StrideTestSupport
import Testing

@Suite("Kafka clients against the real broker")
struct KafkaClientTests {
    let broker: KafkaTestBroker

    init() throws {
        broker = try KafkaTestBroker()
    }

    @Test("a record round-trips with its key, headers (even an empty one) and binary value")
    func roundTrip() async throws {
        let topic = try await broker.topic()
        let producer = try KafkaProducer(configuration: broker.configuration, logger: broker.logger)
        let value: [UInt8] = [0, 1, 2, 255, 254, 10, 13]
        let report = try await producer.send(KafkaOutgoingMessage(
            topic: topic, key: "employee-7", value: value,
            headers: [KafkaHeader(key: "ce_type", value: "stride.test.v1"), KafkaHeader(key: "empty", value: ""),
                      KafkaHeader(key: "emoji", value: "🎯 Zoë")]))
        #expect(report.topic == topic && report.offset >= 0)
        await producer.close()

        let consumer = try broker.consumer(group: TestEnvironment.uniqueName("g"), topic: topic)
        let records = try await broker.read(1, from: consumer)
        await consumer.close()
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.keyString == "employee-7")
        #expect(record.value == value)
        #expect(record.partition == report.partition && record.offset == report.offset)
        #expect(record.header("ce_type") == "stride.test.v1")
        #expect(record.header("empty") == "")
        #expect(record.header("emoji") == "🎯 Zoë")
    }

    @Test("a batch of 10,000 gets every report, in order per partition, and one key stays in one partition")
    func batchSend() async throws {
        let topic = try await broker.topic()
        let producer = try KafkaProducer(configuration: broker.configuration, logger: broker.logger)
        let messages = (0..<10_000).map {
            KafkaOutgoingMessage(topic: topic, key: "key-\($0 % 7)", value: Array("\($0)".utf8))
        }
        let reports = try await producer.send(messages).map { try $0.get() }
        await producer.close()
        #expect(reports.count == 10_000)
        for key in 0..<7 {
            let ofKey = reports.enumerated().filter { $0.offset % 7 == key }.map(\.element)
            #expect(Set(ofKey.map(\.partition)).count == 1, "key-\(key) goes to one partition")
            #expect(ofKey.map(\.offset) == ofKey.map(\.offset).sorted(), "key-\(key) keeps its order")
        }
        var byPartition: [Int32: [Int64]] = [:]
        for report in reports { byPartition[report.partition, default: []].append(report.offset) }
        for offsets in byPartition.values { #expect(offsets == offsets.sorted() && Set(offsets).count == offsets.count) }
    }

    @Test("a group resumes after its committed offset; uncommitted records come again")
    func commitAndResume() async throws {
        let topic = try await broker.topic(partitions: 1)
        let group = TestEnvironment.uniqueName("g")
        let producer = try KafkaProducer(configuration: broker.configuration, logger: broker.logger)
        for result in await producer.send((0..<10).map { KafkaOutgoingMessage(topic: topic, key: "k", value: Array("\($0)".utf8)) }) {
            _ = try result.get()
        }
        let first = try broker.consumer(group: group, topic: topic)
        let seen = try await broker.read(10, from: first)
        #expect(seen.count == 10)
        try await first.commit(Array(seen.prefix(6)))  // 0…5 processed; 6…9 not
        await first.close()

        let second = try broker.consumer(group: group, topic: topic)
        let resumed = try await broker.read(4, from: second)
        await second.close()
        #expect(resumed.map { String(decoding: $0.value, as: UTF8.self) } == ["6", "7", "8", "9"])
        #expect(resumed.first?.offset == seen[6].offset)
        await producer.close()
    }

    @Test("two members of a group share the partitions and see every record once between them")
    func groupSharesPartitions() async throws {
        let topic = try await broker.topic(partitions: 4)
        let group = TestEnvironment.uniqueName("g")
        let producer = try KafkaProducer(configuration: broker.configuration, logger: broker.logger)
        for result in await producer.send((0..<200).map { KafkaOutgoingMessage(topic: topic, key: "k\($0)", value: Array("\($0)".utf8)) }) {
            _ = try result.get()
        }
        await producer.close()
        let a = try broker.consumer(group: group, topic: topic)
        let b = try broker.consumer(group: group, topic: topic)
        var values: [String] = []
        let deadline = ContinuousClock.now + .seconds(40)
        while values.count < 200, ContinuousClock.now < deadline {
            async let fromA = a.poll(maxMessages: 100)
            async let fromB = b.poll(maxMessages: 100)
            let batch = try await fromA + fromB
            values += batch.map { String(decoding: $0.value, as: UTF8.self) }
        }
        await a.close()
        await b.close()
        #expect(values.count == 200)
        #expect(Set(values).count == 200)
    }

    @Test("creating a topic twice is fine, and it has the partitions asked for")
    func adminIsIdempotent() async throws {
        let name = TestEnvironment.uniqueName("kt")
        let admin = try KafkaAdmin(configuration: broker.configuration, logger: broker.logger)
        try await admin.createTopics([KafkaTopicSpec(name: name, partitions: 3)])
        try await admin.createTopics([KafkaTopicSpec(name: name, partitions: 3)])
        #expect(try await admin.partitionCount(topic: name) == 3)
        await admin.close()
    }

    @Test("an invalid property is a configuration error carrying librdkafka's words")
    func invalidProperty() {
        #expect {
            try KafkaProducer(configuration: KafkaConfiguration(bootstrapServers: "127.0.0.1:1", properties: ["no.such.property": "1"]),
                              logger: broker.logger)
        } throws: { error in
            guard let error = error as? KafkaError else { return false }
            return error.code == .configuration && error.message.contains("no.such.property")
        }
    }

    @Test("an unreachable broker fails ping and send clearly, within their time limits")
    func unreachableBroker() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(bootstrapServers: "127.0.0.1:1", properties: ["message.timeout.ms": "1000"]),
            logger: broker.logger)
        let start = ContinuousClock.now
        await #expect(throws: KafkaError.self) { try await producer.ping(timeout: .seconds(1)) }
        let sendError = await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaOutgoingMessage(topic: "nowhere", key: nil, value: [1]))
        }
        #expect(ContinuousClock.now - start < .seconds(20), "errors, not hangs")
        #expect(sendError?.code == .delivery || sendError?.code == .timedOut)
        await producer.close()
        await producer.close()  // idempotent
    }

    @Test("after close, polling is refused and the message sequence ends")
    func closeEndsConsumption() async throws {
        let topic = try await broker.topic()
        let consumer = try broker.consumer(group: TestEnvironment.uniqueName("g"), topic: topic)
        await consumer.close()
        await consumer.close()
        await #expect(throws: KafkaError.self) { try await consumer.poll() }
        var iterator = consumer.messages.makeAsyncIterator()
        #expect(try await iterator.next() == nil)
    }
}
