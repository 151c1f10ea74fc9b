import CRdKafka

/// A topic handle cached by a producer. `@unchecked Sendable` is safe: `rd_kafka_topic_t` is
/// reference-counted and thread-safe in librdkafka, and the producer destroys its cached handles
/// only on close, after every send has left (``ClientLifecycle``).
struct RDKafkaTopicHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// Enqueues one message with `rd_kafka_produceva` (the variadic `rd_kafka_producev` cannot be
/// called from Swift). Key and value are copied by librdkafka (`RD_KAFKA_MSG_F_COPY`); the header
/// list's ownership passes to librdkafka on success and is freed here on failure.
enum RDKafkaProduce {
    /// - Returns: `RD_KAFKA_RESP_ERR_NO_ERROR` when enqueued, else librdkafka's error, e.g.
    ///   `__QUEUE_FULL` (retry later) or `__MSG_SIZE_TOO_LARGE`.
    static func enqueue(
        _ message: KafkaOutgoingMessage, handle: OpaquePointer, topic: OpaquePointer, opaque: UnsafeMutableRawPointer?
    ) -> rd_kafka_resp_err_t {
        let headers = message.headers.isEmpty ? nil : RDKafkaHeaders.make(message.headers)
        let err = message.value.withUnsafeBytes { value in
            withOptionalBytes(message.key) { key in
                withUnsafeTemporaryAllocation(of: rd_kafka_vu_t.self, capacity: 6) { vus in
                    vus.initialize(repeating: rd_kafka_vu_t())
                    vus[0].vtype = RD_KAFKA_VTYPE_RKT
                    vus[0].u.rkt = topic
                    vus[1].vtype = RD_KAFKA_VTYPE_VALUE
                    vus[1].u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress) ?? RDKafkaHeaders.emptyValue
                    vus[1].u.mem.size = value.count
                    vus[2].vtype = RD_KAFKA_VTYPE_MSGFLAGS
                    vus[2].u.i = RD_KAFKA_MSG_F_COPY
                    vus[3].vtype = RD_KAFKA_VTYPE_OPAQUE
                    vus[3].u.ptr = opaque
                    var count = 4
                    if let key {
                        vus[count].vtype = RD_KAFKA_VTYPE_KEY
                        vus[count].u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress) ?? RDKafkaHeaders.emptyValue
                        vus[count].u.mem.size = key.count
                        count += 1
                    }
                    if let headers {
                        vus[count].vtype = RD_KAFKA_VTYPE_HEADERS
                        vus[count].u.headers = headers
                        count += 1
                    }
                    guard let error = rd_kafka_produceva(handle, vus.baseAddress, count) else {
                        return RD_KAFKA_RESP_ERR_NO_ERROR
                    }
                    let code = rd_kafka_error_code(error)
                    rd_kafka_error_destroy(error)
                    return code
                }
            }
        }
        if err != RD_KAFKA_RESP_ERR_NO_ERROR, let headers { rd_kafka_headers_destroy(headers) }
        return err
    }

    private static func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
        guard let bytes else { return body(nil) }
        return bytes.withUnsafeBytes { body($0) }
    }
}
