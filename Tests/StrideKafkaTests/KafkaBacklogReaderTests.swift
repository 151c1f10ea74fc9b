import StrideKafka
import StrideTestSupport
import Testing

@Suite("KafkaBacklogReader against the real broker")
struct KafkaBacklogReaderTests {
    private func produce(_ values: [String], to topic: String) async throws {
        let producer = try KafkaProducer(configuration: try KafkaTestSupport.configuration(), logger: KafkaTestSupport.logger)
        // All at once, so several records share a batch (the development broker's offset query is
        // short for those; the reader must not be).
        let results = await producer.send(values.map {
            KafkaOutgoingMessage(topic: topic, key: "k-\($0)", value: KafkaTestSupport.value($0))
        })
        await producer.close()
        for result in results { _ = try result.get() }
    }

    private func reader(_ topic: String, group: String) async throws -> KafkaBacklogReader {
        try await KafkaBacklogReader(
            configuration: try KafkaTestSupport.configuration(), groupID: group, topic: topic, logger: KafkaTestSupport.logger)
    }

    /// Reads until the reader says it is done, failing the test (instead of hanging) after a generous bound.
    private func drain(_ reader: inout KafkaBacklogReader) async throws -> [KafkaConsumerMessage] {
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        var records: [KafkaConsumerMessage] = []
        while let batch = try await reader.next() {
            records += batch
            guard ContinuousClock.now < deadline else {
                Issue.record("the reader did not finish; remaining \(reader.remaining)")
                break
            }
        }
        return records
    }

    /// Opens a reader, drains it, commits what it read when told to, and closes it.
    private func readAll(_ topic: String, group: String, commit: Bool) async throws -> (total: Int64, values: [String]) {
        var reader = try await reader(topic, group: group)
        let total = reader.ranges.values.map(\.count).reduce(0, +)
        let records: [KafkaConsumerMessage]
        do {
            records = try await drain(&reader)
            if commit { try await reader.commit(records) }
        } catch {
            await reader.close()
            throw error
        }
        await reader.close()
        return (total, records.map { String(decoding: $0.value, as: UTF8.self) }.sorted())
    }

    @Test("reads from the group's committed offsets to the ends fixed when it opened, and no further")
    func readsTheBacklogOnce() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 3)
        let group = TestEnvironment.uniqueName("g")
        let first = (0..<9).map { "m\($0)" }.sorted()
        try await produce(first, to: topic)

        var opened = try await reader(topic, group: group)
        let records: [KafkaConsumerMessage]
        do {
            #expect(opened.ranges.count == 3)
            #expect(opened.ranges.values.map(\.count).reduce(0, +) == 9, "\(opened.ranges)")
            try await produce((0..<4).map { "late\($0)" }, to: topic)  // after the ends were fixed
            records = try await drain(&opened)
            try await opened.commit(records)
        } catch {
            await opened.close()
            throw error
        }
        await opened.close()
        #expect(records.map { String(decoding: $0.value, as: UTF8.self) }.sorted() == first)

        let late = ["late0", "late1", "late2", "late3"]
        let uncommitted = try await readAll(topic, group: group, commit: false)
        #expect(uncommitted.total == 4)
        #expect(uncommitted.values == late, "committed records do not come again")
        let again = try await readAll(topic, group: group, commit: true)
        #expect(again.values == late, "uncommitted records come again")
        let done = try await readAll(topic, group: group, commit: true)
        #expect(done.total == 0)
        #expect(done.values.isEmpty)
    }

    @Test("opened at the caller's offsets, it reads from them to the ends (a partition not named from its first record), and no group's offsets matter")
    func readsFromTheCallersOffsets() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 1)
        try await produce((0..<6).map { "m\($0)" }, to: topic)
        let committedElsewhere = TestEnvironment.uniqueName("g")
        _ = try await readAll(topic, group: committedElsewhere, commit: true)

        for (offsets, expected) in [([Int32(0): Int64(4)], ["m4", "m5"]), ([:], (0..<6).map { "m\($0)" })] {
            var reader = try await KafkaBacklogReader(
                configuration: try KafkaTestSupport.configuration(), topic: topic, startingAt: offsets, logger: KafkaTestSupport.logger)
            let records: [KafkaConsumerMessage]
            do {
                let range = reader.ranges[KafkaTopicPartition(topic: topic, partition: 0)]
                #expect(range?.start == offsets[0] ?? 0)
                #expect(range?.end == 6)
                records = try await drain(&reader)
            } catch {
                await reader.close()
                throw error
            }
            await reader.close()
            #expect(records.map { String(decoding: $0.value, as: UTF8.self) }.sorted() == expected)
        }
    }

    @Test("a topic without records is finished at once")
    func emptyTopic() async throws {
        let topic = try await KafkaTestSupport.makeTopic(partitions: 2)
        var empty = try await reader(topic, group: TestEnvironment.uniqueName("g"))
        #expect(empty.isFinished)
        let batch = try await empty.next()
        await empty.close()
        #expect(batch == nil)
        #expect(empty.ranges.count == 2)
    }

    @Test("an unknown topic is an error naming it")
    func unknownTopic() async throws {
        let topic = TestEnvironment.uniqueName("missing")
        await #expect {
            _ = try await KafkaBacklogReader(
                configuration: try KafkaTestSupport.configuration(), groupID: TestEnvironment.uniqueName("g"), topic: topic,
                logger: KafkaTestSupport.logger, timeout: .seconds(2))
        } throws: { error in
            (error as? KafkaError)?.rdKafkaName == "UNKNOWN_TOPIC_OR_PART" && "\(error)".contains(topic)
        }
    }
}
