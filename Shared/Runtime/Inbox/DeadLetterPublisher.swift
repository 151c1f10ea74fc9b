import Foundation
import Logging
import Metrics
import StrideKafka

/// Sends messages a consumer could not process to `<topic>.dlq`, unchanged, with the reason in
/// headers, so operators can inspect them and replay them after a fix (`stride dlq replay`).
struct DeadLetterPublisher: Sendable {
    /// Header names of the dead-letter topics (documented in deploy/asyncapi.yaml).
    enum Header {
        static let error = "dlq.error"
        static let originalTopic = "dlq.original-topic"
        static let originalPartition = "dlq.original-partition"
        static let originalOffset = "dlq.original-offset"
        static let consumerGroup = "dlq.consumer-group"
        static let failedAt = "dlq.failed-at"
        static let all: Set<String> = [error, originalTopic, originalPartition, originalOffset, consumerGroup, failedAt]
    }

    let producer: RenewableProducer
    let groupID: String
    let logger: Logger

    /// - Throws: `KafkaError` if any dead letter was not delivered; the caller then must not
    ///   commit the offsets, so the messages come again.
    func publish(_ failures: [(KafkaConsumerMessage, String)]) async throws {
        let now = ISO8601DateFormatter().string(from: Date())
        let letters = failures.map { record, reason in
            var headers = record.headers.filter { !Header.all.contains($0.key) }
            headers.append(KafkaHeader(key: Header.error, value: String(reason.prefix(4_000))))
            headers.append(KafkaHeader(key: Header.originalTopic, value: record.topic))
            headers.append(KafkaHeader(key: Header.originalPartition, value: String(record.partition)))
            headers.append(KafkaHeader(key: Header.originalOffset, value: String(record.offset)))
            headers.append(KafkaHeader(key: Header.consumerGroup, value: groupID))
            headers.append(KafkaHeader(key: Header.failedAt, value: now))
            var letter = KafkaOutgoingMessage(topic: record.topic + ".dlq", key: nil, value: record.value, headers: headers)
            letter.key = record.key
            return letter
        }
        for (result, (record, reason)) in zip(await producer.send(letters), failures) {
            if case .failure(let error) = result { throw error }
            Counter(label: "stride_dlq_messages_total", dimensions: [("topic", record.topic)]).increment()
            logger.error("message sent to the dead-letter topic", metadata: [
                "kafka.topic": "\(record.topic)", "kafka.partition": "\(record.partition)",
                "kafka.offset": "\(record.offset)", "reason": "\(reason)"])
        }
    }
}
