import CRdKafka
import Logging
import Synchronization

extension KafkaProducer {
    /// Publishes one message and waits for the broker's acknowledgement.
    /// - Returns: where the message was stored.
    /// - Throws: a `.delivery` ``KafkaError`` with librdkafka's code when it was not delivered
    ///   (e.g. `_MSG_TIMED_OUT` after `message.timeout.ms`), `.closed` after ``close()``.
    public func send(_ message: KafkaOutgoingMessage) async throws -> KafkaDeliveryReport {
        try await send([message])[0].get()
    }

    /// Enqueues every message, then waits for all their delivery reports.
    ///
    /// When librdkafka's queue is full the call waits and retries (back-pressure); nothing is dropped.
    /// Per partition, messages are written in input order (the producer is idempotent by default).
    /// - Returns: one result per message, in input order.
    /// - Important: a message whose result is a failure may still have been written (for example
    ///   when the acknowledgement was lost); consumers must tolerate duplicates.
    public func send(_ messages: [KafkaOutgoingMessage]) async -> [Result<KafkaDeliveryReport, KafkaError>] {
        guard messages.count <= DeliveryTracker.MessageID.maxBatchCount else {
            var results: [Result<KafkaDeliveryReport, KafkaError>] = []
            results.reserveCapacity(messages.count)
            var start = 0
            while start < messages.count {
                let end = min(start + DeliveryTracker.MessageID.maxBatchCount, messages.count)
                results += await send(Array(messages[start..<end]))
                start = end
            }
            return results
        }
        guard !messages.isEmpty else { return [] }
        guard lifecycle.acquire() else { return messages.map { _ in .failure(KafkaError.closed("producer")) } }
        let batch = deliveries.register(count: messages.count)
        await enqueue(messages, batch: batch)
        lifecycle.release()
        let outcomes = await deliveries.wait(batch: batch)
        return zip(messages, outcomes).map { message, outcome in
            guard outcome.error != 0 else {
                return .success(KafkaDeliveryReport(topic: message.topic, partition: outcome.partition, offset: outcome.offset))
            }
            let err = rd_kafka_resp_err_t(rawValue: outcome.error)
            let code: KafkaError.Code =
                err == RD_KAFKA_RESP_ERR__DESTROY ? .closed : err == RD_KAFKA_RESP_ERR__FATAL ? .fatal : .delivery
            return .failure(KafkaError(code, err, "message to \(message.topic) not delivered"))
        }
    }

    /// Enqueues the batch's messages; failures to enqueue are recorded as their outcome.
    private func enqueue(_ messages: [KafkaOutgoingMessage], batch: UInt64) async {
        let handle = client.handle
        var lastTopic: (name: String, handle: OpaquePointer)?
        for index in messages.indices {
            let message = messages[index]
            let id = DeliveryTracker.MessageID(batch: batch, index: index)
            let topic: OpaquePointer
            if let lastTopic, lastTopic.name == message.topic {
                topic = lastTopic.handle
            } else if let resolved = topicHandle(message.topic) {
                topic = resolved
                lastTopic = (message.topic, resolved)
            } else {
                deliveries.complete(id: id, RawDelivery(partition: -1, offset: -1, error: rd_kafka_last_error().rawValue))
                continue
            }
            var err = RDKafkaProduce.enqueue(message, handle: handle, topic: topic, opaque: id.opaque)
            while err == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                // Back-pressure: the poll thread drains delivery reports; wait for room.
                do {
                    try await Task.sleep(for: .milliseconds(1))
                } catch {
                    err = RD_KAFKA_RESP_ERR__QUEUE_FULL
                    logger.warning("send cancelled while the producer queue was full; the rest of the batch fails")
                    for rest in index..<messages.count {
                        deliveries.complete(
                            id: .init(batch: batch, index: rest), RawDelivery(partition: -1, offset: -1, error: err.rawValue))
                    }
                    return
                }
                err = RDKafkaProduce.enqueue(message, handle: handle, topic: topic, opaque: id.opaque)
            }
            if err != RD_KAFKA_RESP_ERR_NO_ERROR {
                deliveries.complete(id: id, RawDelivery(partition: -1, offset: -1, error: err.rawValue))
            }
        }
    }

    /// The cached topic handle for `name`, created on first use; `nil` if librdkafka refuses the name.
    private func topicHandle(_ name: String) -> OpaquePointer? {
        let handle = client.handle
        return topics.withLock { topics in
            if let cached = topics[name] { return cached.pointer }
            guard let created = rd_kafka_topic_new(handle, name, nil) else { return nil }
            let topicHandle = RDKafkaTopicHandle(pointer: created)
            topics[name] = topicHandle
            return topicHandle.pointer
        }
    }
}
