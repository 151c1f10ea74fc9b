import CRdKafka
import Logging

extension KafkaConsumer {
    /// What one ``pollNotingEnds(maxMessages:timeout:)`` returned.
    struct PollWithEnds: Sendable {
        /// The messages, in partition order.
        var messages: [KafkaConsumerMessage] = []
        /// Partitions whose fetch reached the partition's end (`_PARTITION_EOF`, which needs
        /// `enable.partition.eof=true`), with the offset it reached. Reported after the messages
        /// before it in that partition.
        var ends: [KafkaTopicPartition: Int64] = [:]

        var isEmpty: Bool { messages.isEmpty && ends.isEmpty }
    }

    /// Like ``poll(maxMessages:timeout:)``, but also reports which partitions were read to their
    /// end: the only way to tell "nothing more to read" from "not fetched yet" when the last
    /// offsets below the end hold no record (transaction markers, compaction).
    /// - Throws: a `.fatal` ``KafkaError`` when librdkafka raised a fatal error, `.closed` after
    ///   ``close()``. Other errors are logged and retried by librdkafka.
    func pollNotingEnds(maxMessages: Int, timeout: Duration) async throws -> PollWithEnds {
        let logger = self.logger
        return try await withBlockingClient { client in
            try Self.pollNotingEnds(client.handle, maxMessages: max(1, maxMessages), timeout: timeout, logger: logger)
        }
    }

    /// Blocking: serves the consumer queue until the batch is full, the queue is empty after a
    /// message or an end, or the timeout passes.
    private static func pollNotingEnds(
        _ handle: OpaquePointer, maxMessages: Int, timeout: Duration, logger: Logger
    ) throws -> PollWithEnds {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var reader = RDKafkaMessageReader()
        var result = PollWithEnds()
        result.messages.reserveCapacity(min(maxMessages, 1_024))
        while result.messages.count < maxMessages {
            let wait = result.isEmpty ? clock.now.duration(to: deadline).milliseconds : 0
            guard let message = rd_kafka_consumer_poll(handle, wait) else { break }
            defer { rd_kafka_message_destroy(message) }
            let err = message.pointee.err
            if err == RD_KAFKA_RESP_ERR_NO_ERROR {
                result.messages.append(reader.read(message))
            } else if err == RD_KAFKA_RESP_ERR__PARTITION_EOF, let rkt = message.pointee.rkt {
                let partition = KafkaTopicPartition(topic: String(cString: rd_kafka_topic_name(rkt)), partition: message.pointee.partition)
                result.ends[partition] = message.pointee.offset
            } else if err == RD_KAFKA_RESP_ERR__FATAL {
                var text = [CChar](repeating: 0, count: 512)
                let underlying = rd_kafka_fatal_error(handle, &text, text.count)
                throw KafkaError(.fatal, underlying, "Kafka consumer failed fatally", detail: RDKafkaClient.text(text))
            } else {
                logger.warning("Kafka consumer error: \(String(cString: rd_kafka_message_errstr(message)))", metadata: [
                    "kafka.error.code": "\(err.rawValue)", "kafka.error.name": "\(String(cString: rd_kafka_err2name(err)))",
                ])
            }
            if result.isEmpty, clock.now >= deadline { break }
        }
        return result
    }
}
