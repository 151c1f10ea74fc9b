import StrideKafka
import StrideTestSupport
import Testing

/// No broker listens on 127.0.0.1:1: calls must fail clearly, never hang (the time limit only
/// catches a hang; how fast they fail is not asserted).
@Suite("Kafka clients with an unreachable broker", .timeLimit(.minutes(2)))
struct KafkaUnreachableBrokerTests {
    static let nowhere = "127.0.0.1:1"

    @Test("ping fails with a .connection error within its timeout")
    func pingFails() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(bootstrapServers: Self.nowhere), logger: KafkaTestSupport.logger)
        let error = await #expect(throws: KafkaError.self) { try await producer.ping(timeout: .seconds(2)) }
        await producer.close(flushTimeout: .milliseconds(100))
        #expect(error?.code == .connection)
        #expect(error?.rdKafkaCode != nil)
        #expect(error?.description.contains(Self.nowhere) == true)
    }

    @Test("send fails with a .delivery error after message.timeout.ms instead of hanging")
    func sendTimesOut() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(bootstrapServers: Self.nowhere, properties: ["message.timeout.ms": "1500"]),
            logger: KafkaTestSupport.logger)
        let error = await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaOutgoingMessage(topic: "nowhere", key: "k", value: [1, 2, 3]))
        }
        await producer.close(flushTimeout: .milliseconds(100))
        #expect(error?.code == .delivery)
        #expect(error?.rdKafkaName == "_MSG_TIMED_OUT")
    }

    @Test("close does not hang while messages cannot be delivered; they fail")
    func closeWithUndeliverable() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(bootstrapServers: Self.nowhere), logger: KafkaTestSupport.logger)
        // The message is in librdkafka's queue, waiting for a broker, when close starts.
        let sending = Task { await producer.send([KafkaOutgoingMessage(topic: "nowhere", key: nil, value: [1])]) }
        try await waitUntil("the message to be queued") { producer.outstandingMessages > 0 }
        await producer.close(flushTimeout: .milliseconds(500))
        let results = await sending.value
        #expect(results.count == 1)
        #expect(throws: KafkaError.self) { try results[0].get() }
    }
}
