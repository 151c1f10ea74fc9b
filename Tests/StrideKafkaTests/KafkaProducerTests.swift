import StrideKafka
import StrideTestSupport
import Testing

@Suite("KafkaProducer against the real broker")
struct KafkaProducerTests {
    @Test("a message round-trips with its key, headers (including an empty value) and binary value")
    func roundTrip() async throws {
        let topic = try await KafkaTestSupport.makeTopic()
        let producer = try KafkaProducer(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        let binary = (0...255).map { UInt8($0) } + [0, 0, 255]
        let headers = [
            KafkaHeader(key: "ce_id", value: "3fa9c1d2"),
            KafkaHeader(key: "empty", value: ""),
            KafkaHeader(key: "ünïcode", value: "välue"),
            KafkaHeader(key: "null", bytes: nil),
        ]
        let report = try await producer.send(
            KafkaOutgoingMessage(topic: topic, key: "employee-42", value: binary, headers: headers))
        await producer.close()
        #expect(report.topic == topic)
        #expect(report.offset >= 0)

        let consumer = try KafkaConsumer(
            configuration: try KafkaTestSupport.consumerConfiguration(), groupID: TestEnvironment.uniqueName("g"),
            topics: [topic], logger: KafkaTestSupport.logger)
        let received = try await KafkaTestSupport.collect(consumer, count: 1)
        await consumer.close()

        let message = try #require(received.first)
        #expect(received.count == 1)
        #expect(message.topic == topic)
        #expect(message.partition == report.partition)
        #expect(message.offset == report.offset)
        #expect(message.keyString == "employee-42")
        #expect(message.value == binary)
        #expect(message.headers.map(\.key) == ["ce_id", "empty", "ünïcode", "null"])
        #expect(message.header("ce_id") == "3fa9c1d2")
        #expect(message.header("empty") == "")
        #expect(message.headers[1].value == [])
        #expect(message.header("ünïcode") == "välue")
        #expect(message.headers[3].value == nil, "a header without a value stays without one")
        #expect(message.header("missing") == nil)
        var names: [String] = []
        var values: [[UInt8]?] = []
        message.forEachHeader { name, value in
            names.append(String(decoding: name, as: UTF8.self))
            values.append(value.map(Array.init))
        }
        #expect(names == ["ce_id", "empty", "ünïcode", "null"])
        #expect(values == headers.map(\.value))
    }

    @Test("a batch of 10,000 returns every report in input order, offsets increasing per partition")
    func batchSend() async throws {
        let topic = try await KafkaTestSupport.makeTopic()
        let producer = try KafkaProducer(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        let messages = (0..<10_000).map { index in
            KafkaOutgoingMessage(topic: topic, key: "employee-\(index % 37)", value: KafkaTestSupport.value("event \(index)"))
        }
        let results = await producer.send(messages)
        await producer.close()

        #expect(results.count == messages.count)
        let reports = try results.map { try $0.get() }
        var lastOffset: [Int32: Int64] = [:]
        var partitionOfKey: [String: Int32] = [:]
        for (message, report) in zip(messages, reports) {
            #expect(report.topic == topic)
            let key = String(decoding: message.key ?? [], as: UTF8.self)
            #expect(partitionOfKey[key, default: report.partition] == report.partition)
            partitionOfKey[key] = report.partition
            #expect(report.offset > lastOffset[report.partition, default: -1], "offsets must grow in input order")
            lastOffset[report.partition] = report.offset
        }
        #expect(lastOffset.count > 1, "37 keys should spread over more than one of 4 partitions")
    }

    @Test("messages with the same key go to one partition and are consumed in order")
    func sameKeyOrdering() async throws {
        let topic = try await KafkaTestSupport.makeTopic()
        let producer = try KafkaProducer(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        let values = (0..<200).map { "step \($0)" }
        let reports = try await producer.send(values.map {
            KafkaOutgoingMessage(topic: topic, key: "employee-7", value: KafkaTestSupport.value($0))
        }).map { try $0.get() }
        await producer.close()
        #expect(Set(reports.map(\.partition)).count == 1)

        let consumer = try KafkaConsumer(
            configuration: try KafkaTestSupport.consumerConfiguration(), groupID: TestEnvironment.uniqueName("g"),
            topics: [topic], logger: KafkaTestSupport.logger)
        let received = try await KafkaTestSupport.collect(consumer, count: values.count)
        await consumer.close()
        #expect(received.map { String(decoding: $0.value, as: UTF8.self) } == values)
        #expect(received.map(\.offset) == reports.map(\.offset))
    }

    @Test("close is idempotent and a send after close fails with .closed")
    func closeIsIdempotent() async throws {
        let producer = try KafkaProducer(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        try await producer.ping(timeout: .seconds(5))
        await producer.close()
        await producer.close()
        let error = await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaOutgoingMessage(topic: "unused", key: nil, value: []))
        }
        #expect(error?.code == .closed)
        await #expect(throws: KafkaError.self) { try await producer.ping(timeout: .seconds(1)) }
    }
}
