@testable import StrideCLI
import StrideKafka
import Testing

@Suite("The message a dead letter is replayed as")
struct DeadLetterReplayMessageTests {
    private func letter(key: [UInt8]?, headers: [KafkaHeader]) -> KafkaConsumerMessage {
        KafkaConsumerMessage(topic: "stride.goals.v1.dlq", partition: 2, offset: 41, key: key, value: Array("{}".utf8), headers: headers)
    }

    @Test("goes to dlq.original-topic with the key, the value and the non-dlq headers in order")
    func stripsDeadLetterHeaders() {
        let letter = letter(key: Array("emp-7".utf8), headers: [
            KafkaHeader(key: "trace", value: "t1"),
            KafkaHeader(key: "dlq.error", value: "boom"),
            KafkaHeader(key: "dlq.original-topic", value: "stride.goals.v1"),
            KafkaHeader(key: "content-type", value: "application/json"),
            KafkaHeader(key: "dlq.failed-at", value: "2025-01-01T00:00:00Z"),
        ])
        let message = DeadLetterReplay.message(replaying: letter, from: "stride.goals.v1.dlq")
        #expect(message.topic == "stride.goals.v1")
        #expect(message.key == Array("emp-7".utf8))
        #expect(message.value == Array("{}".utf8))
        #expect(message.headers == [KafkaHeader(key: "trace", value: "t1"), KafkaHeader(key: "content-type", value: "application/json")])
    }

    @Test("without dlq.original-topic it goes to the dead-letter topic's name without .dlq; no key stays no key")
    func fallsBackToTheTopicName() {
        let message = DeadLetterReplay.message(replaying: letter(key: nil, headers: []), from: "hr.employees.v1.dlq")
        #expect(message.topic == "hr.employees.v1")
        #expect(message.key == nil)
        #expect(message.headers.isEmpty)
    }

    @Test("a dry run's line names the offset, the original topic, the key and the error")
    func listing() {
        let letter = letter(key: Array("emp-7".utf8), headers: [
            KafkaHeader(key: "dlq.error", value: "decode failed"), KafkaHeader(key: "dlq.original-topic", value: "stride.goals.v1"),
        ])
        let line = DeadLetterReplay.listing(letter, replayedAs: DeadLetterReplay.message(replaying: letter, from: letter.topic))
        #expect(line == #"stride.goals.v1.dlq[2]@41 -> stride.goals.v1 key="emp-7" error=decode failed"#)
    }
}
