import CRdKafka
import Logging

/// Owns one `rd_kafka_t` and the ``ClientContext`` its callbacks use.
///
/// `@unchecked Sendable` is safe because the stored properties are immutable and every librdkafka
/// function called on the handle is documented thread-safe; the one exception, ``destroy()``, is
/// called exactly once by the owning client after ``ClientLifecycle`` has seen every other user leave.
final class RDKafkaClient: @unchecked Sendable {
    let handle: OpaquePointer
    private let context: Unmanaged<ClientContext>

    /// Creates a handle from `properties`, installing the log, error and delivery callbacks.
    /// - Throws: `.configuration` with librdkafka's text when a property is unknown or invalid,
    ///   or librdkafka refuses the combination.
    init(type: rd_kafka_type_t, properties: [(key: String, value: String)], context: ClientContext) throws(KafkaError) {
        let conf = rd_kafka_conf_new()!
        var errorText = [CChar](repeating: 0, count: 512)
        for (key, value) in properties {
            let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(
                    code: .configuration, message: "invalid Kafka property \"\(key)\": \(Self.text(errorText))")
            }
        }
        let retained = Unmanaged.passRetained(context)
        RDKafkaCallbacks.install(on: conf, context: retained.toOpaque(), deliveries: context.deliveries != nil)
        guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)  // rd_kafka_new takes ownership only on success
            retained.release()
            throw KafkaError(code: .configuration, message: "cannot create the Kafka client: \(Self.text(errorText))")
        }
        self.handle = handle
        self.context = retained
    }

    /// The client's name as librdkafka reports it, e.g. `rdkafka#producer-1`.
    var name: String { String(cString: rd_kafka_name(handle)) }

    /// Destroys the handle (blocking: it may wait for librdkafka's threads), then releases the context.
    /// - Important: call once, after every other use of ``handle`` has ended, never on the cooperative pool.
    func destroy(flags: Int32 = 0) {
        rd_kafka_destroy_flags(handle, flags)
        context.release()
    }

    /// Requests cluster metadata: proves a broker answers. Blocking for up to `timeoutMilliseconds`.
    func ping(timeoutMilliseconds: Int32, servers: String) throws(KafkaError) {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let err = rd_kafka_metadata(handle, 0, nil, &metadata, timeoutMilliseconds)
        if let metadata { rd_kafka_metadata_destroy(metadata) }
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(.connection, err, "no Kafka broker at \(servers) answered within \(timeoutMilliseconds) ms")
        }
    }

    /// The partition count of `topic` from a metadata request, or `nil` when the broker does not know it.
    func partitionCount(topic: String, timeoutMilliseconds: Int32) throws(KafkaError) -> Int? {
        guard let rkt = rd_kafka_topic_new(handle, topic, nil) else { return nil }
        defer { rd_kafka_topic_destroy(rkt) }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let err = rd_kafka_metadata(handle, 0, rkt, &metadata, timeoutMilliseconds)
        defer { if let metadata { rd_kafka_metadata_destroy(metadata) } }
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata, metadata.pointee.topic_cnt > 0 else {
            throw KafkaError(.connection, err, "metadata request for \(topic) failed")
        }
        let entry = metadata.pointee.topics[0]
        return entry.err == RD_KAFKA_RESP_ERR_NO_ERROR ? Int(entry.partition_cnt) : nil
    }

    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
