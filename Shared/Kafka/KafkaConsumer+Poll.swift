import CRdKafka
import Logging

extension KafkaConsumer {
    /// Fetches up to `maxMessages` messages, waiting at most `timeout` for the first one.
    ///
    /// Returns as soon as at least one message is there and no more are immediately available, so
    /// latency is not tied to `timeout`. Messages are copied into Swift values.
    /// - Returns: the messages, in partition order; empty when none arrived within `timeout`.
    /// - Throws: a `.fatal` ``KafkaError`` when librdkafka raised a fatal error (recreate the
    ///   consumer), `.closed` after ``close()``. Other consumer errors (e.g. a broker going away)
    ///   are logged and retried by librdkafka.
    public func poll(maxMessages: Int = 500, timeout: Duration = .milliseconds(250)) async throws -> [KafkaConsumerMessage] {
        let logger = self.logger
        return try await withBlockingClient { client in
            try Self.poll(client.handle, maxMessages: max(1, maxMessages), timeout: timeout, logger: logger)
        }
    }

    /// Blocking: serves the consumer queue with `rd_kafka_consumer_poll` until the batch is full,
    /// the queue is empty after a message, or the timeout passes.
    private static func poll(
        _ handle: OpaquePointer, maxMessages: Int, timeout: Duration, logger: Logger
    ) throws -> [KafkaConsumerMessage] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var reader = RDKafkaMessageReader()
        var messages: [KafkaConsumerMessage] = []
        while messages.count < maxMessages {
            let wait = messages.isEmpty ? clock.now.duration(to: deadline).milliseconds : 0
            guard let message = rd_kafka_consumer_poll(handle, wait) else { break }
            defer { rd_kafka_message_destroy(message) }
            let err = message.pointee.err
            if err == RD_KAFKA_RESP_ERR_NO_ERROR {
                messages.append(reader.read(message))
            } else {
                try handleError(err, message, handle: handle, logger: logger)
            }
            if messages.isEmpty, clock.now >= deadline { break }
        }
        return messages
    }

    private static func handleError(
        _ err: rd_kafka_resp_err_t, _ message: UnsafeMutablePointer<rd_kafka_message_t>, handle: OpaquePointer,
        logger: Logger
    ) throws {
        if err == RD_KAFKA_RESP_ERR__PARTITION_EOF { return }
        if err == RD_KAFKA_RESP_ERR__FATAL {
            var text = [CChar](repeating: 0, count: 512)
            let underlying = rd_kafka_fatal_error(handle, &text, text.count)
            throw KafkaError(.fatal, underlying, "Kafka consumer failed fatally", detail: RDKafkaClient.text(text))
        }
        var metadata: Logger.Metadata = [
            "kafka.error.code": "\(err.rawValue)", "kafka.error.name": "\(String(cString: rd_kafka_err2name(err)))",
        ]
        if let rkt = message.pointee.rkt {
            metadata["kafka.topic"] = "\(String(cString: rd_kafka_topic_name(rkt)))"
            metadata["kafka.partition"] = "\(message.pointee.partition)"
        }
        logger.warning("Kafka consumer error: \(String(cString: rd_kafka_message_errstr(message)))", metadata: metadata)
    }
}
