import StrideKafka
import StrideTestSupport
import Synchronization
import Testing

@Suite("KafkaConsumer groups against the real broker")
struct KafkaConsumerGroupTests {
    private func produce(_ count: Int, to topic: String, key: (Int) -> String? = { _ in "employee-1" }) async throws {
        let producer = try KafkaProducer(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        let results = await producer.send((0..<count).map {
            KafkaOutgoingMessage(topic: topic, key: key($0), value: KafkaTestSupport.value("m\($0)"))
        })
        await producer.close()
        for result in results { _ = try result.get() }
    }

    private func consumer(group: String, topic: String) throws -> KafkaConsumer {
        try KafkaConsumer(
            configuration: try KafkaTestSupport.consumerConfiguration(), groupID: group, topics: [topic],
            logger: KafkaTestSupport.logger)
    }

    @Test("seekToEnd skips what the topic already holds and reads everything produced afterwards")
    func seekToEnd() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 2)
        // One record per request: the development broker (Tansu) reports a partition's end as the
        // last *batch's* base offset + 1, which is exact only for single-record batches. Kafka is
        // exact either way; a short end only means a few older records are read again.
        for index in 0..<6 { try await produce(1, to: topic, key: { _ in "k\(index)" }) }
        let member = try consumer(group: TestEnvironment.uniqueName("g"), topic: topic)
        _ = try await KafkaTestSupport.waitForAssignment(member)
        let starts = try await member.seekToEnd()
        #expect(starts.count == 2)
        #expect(starts.values.reduce(0, +) == 6, "the ends are the high watermarks: \(starts)")
        try await produce(4, to: topic, key: { "n\($0)" })
        // Records fetched before the seek took effect may still arrive (read again, as after a
        // short end): poll until the four produced afterwards are in, skipping older ones.
        var fresh: [KafkaConsumerMessage] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while fresh.count < 4, ContinuousClock.now < deadline {
            fresh += try await member.poll(maxMessages: 10, timeout: .milliseconds(250)).filter {
                $0.offset >= starts[KafkaTopicPartition(topic: $0.topic, partition: $0.partition)] ?? 0
            }
        }
        await member.close()
        #expect(fresh.count == 4)
        #expect(Set(fresh.map { String(decoding: $0.value, as: UTF8.self) }) == ["m0", "m1", "m2", "m3"])
    }

    @Test("a restarted member resumes after the committed offset; uncommitted messages are redelivered")
    func commitAndResume() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 1)
        try await produce(10, to: topic)
        let group = TestEnvironment.uniqueName("g")

        let first = try consumer(group: group, topic: topic)
        let seen = try await KafkaTestSupport.collect(first, count: 10)
        #expect(seen.map(\.offset) == Array(0..<10))
        try await first.commit(Array(seen.prefix(6)))
        await first.close()

        let second = try consumer(group: group, topic: topic)
        let resumed = try await KafkaTestSupport.collect(second, count: 4)
        let extra = try await second.poll(timeout: .milliseconds(500))
        await second.close()
        #expect(resumed.map(\.offset) == [6, 7, 8, 9], "committed messages must not come again, uncommitted ones must")
        #expect(extra.isEmpty)
    }

    @Test("commit with several messages per partition commits the highest offset plus one")
    func commitUsesHighestOffset() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 1)
        try await produce(5, to: topic)
        let group = TestEnvironment.uniqueName("g")
        let first = try consumer(group: group, topic: topic)
        let seen = try await KafkaTestSupport.collect(first, count: 5)
        try await first.commit(Array(seen.prefix(3).reversed()))  // order must not matter
        await first.close()
        let second = try consumer(group: group, topic: topic)
        let resumed = try await KafkaTestSupport.collect(second, count: 2)
        await second.close()
        #expect(resumed.map(\.offset) == [3, 4])
    }

    @Test("two members of one group split 4 partitions and together see every message")
    func twoMembersSplitPartitions() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 4)
        let group = TestEnvironment.uniqueName("g")
        let a = try consumer(group: group, topic: topic)
        let b = try consumer(group: group, topic: topic)
        // Both must be in the group before producing, so each owns partitions.
        async let readyA = KafkaTestSupport.waitForAssignment(a)
        async let readyB = KafkaTestSupport.waitForAssignment(b)
        _ = try await (readyA, readyB)
        // A second join may still be rebalancing: wait until the assignments are stable and disjoint.
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        var assignedA: [KafkaTopicPartition] = []
        var assignedB: [KafkaTopicPartition] = []
        while ContinuousClock.now < deadline {
            _ = try await a.poll(timeout: .milliseconds(100))
            _ = try await b.poll(timeout: .milliseconds(100))
            assignedA = try await a.assignment()
            assignedB = try await b.assignment()
            if !assignedA.isEmpty, !assignedB.isEmpty, assignedA.count + assignedB.count == 4 { break }
        }
        #expect(!assignedA.isEmpty && !assignedB.isEmpty)
        #expect(Set(assignedA).isDisjoint(with: Set(assignedB)))
        #expect(Set(assignedA).union(assignedB).count == 4)

        try await produce(400, to: topic, key: { "employee-\($0)" })
        var valuesA: [String] = []
        var valuesB: [String] = []
        let end = ContinuousClock.now.advanced(by: .seconds(60))
        while valuesA.count + valuesB.count < 400, ContinuousClock.now < end {
            async let fromA = a.poll(timeout: .milliseconds(200))
            async let fromB = b.poll(timeout: .milliseconds(200))
            let (batchA, batchB) = try await (fromA, fromB)
            valuesA += batchA.map { String(decoding: $0.value, as: UTF8.self) }
            valuesB += batchB.map { String(decoding: $0.value, as: UTF8.self) }
        }
        await a.close()
        await b.close()
        #expect(!valuesA.isEmpty && !valuesB.isEmpty, "both members must receive messages")
        #expect(Set(valuesA).union(valuesB) == Set((0..<400).map { "m\($0)" }))
    }

    @Test("lag is the high watermark minus the position over the assignment")
    func lag() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 1)
        try await produce(20, to: topic)
        let consumer = try consumer(group: TestEnvironment.uniqueName("g"), topic: topic)
        let first = try await KafkaTestSupport.collect(consumer, count: 5)
        #expect(first.count == 5)
        // The lag is known once the high watermark has been fetched; it then says 15.
        var lag: Int64 = -1
        try? await waitUntil("the lag to be 15") {
            lag = await consumer.lag()
            return lag == 15
        }
        let assigned = try await consumer.assignment()
        #expect(assigned.count == 1)
        await consumer.close()
        #expect(lag == 15)
        #expect(await consumer.lag() == 0)
        let afterClose = (try? await consumer.assignment()) ?? []
        #expect(afterClose.isEmpty)
    }

    @Test("close is idempotent, ends the messages sequence and makes poll throw .closed")
    func closeEndsMessages() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 1)
        try await produce(3, to: topic)
        let consumer = try consumer(group: TestEnvironment.uniqueName("g"), topic: topic)
        let received = Mutex<[Int64]>([])
        let reader = Task {
            for try await message in consumer.messages { received.withLock { $0.append(message.offset) } }
            return received.withLock { $0 }
        }
        try await waitUntil("the reader to take the three messages") { received.withLock { $0.count } == 3 }
        await consumer.close()
        await consumer.close()
        let offsets = try await reader.value
        #expect(offsets == [0, 1, 2])
        let error = await #expect(throws: KafkaError.self) { try await consumer.poll() }
        #expect(error?.code == .closed)
    }
}
