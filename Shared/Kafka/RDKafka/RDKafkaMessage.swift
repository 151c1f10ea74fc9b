import CRdKafka
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies consumed `rd_kafka_message_t`s into ``KafkaConsumerMessage`` values.
struct RDKafkaMessageReader {
    // The last topic handle seen and its name: consecutive messages usually share a topic, so
    // the name is converted to a Swift string once per run rather than once per message.
    private var lastTopic: (handle: OpaquePointer, name: String)?

    mutating func read(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaConsumerMessage {
        let m = message.pointee
        let topic: String
        if let rkt = m.rkt, let lastTopic, lastTopic.handle == rkt {
            topic = lastTopic.name
        } else if let rkt = m.rkt {
            topic = String(cString: rd_kafka_topic_name(rkt))
            lastTopic = (rkt, topic)
        } else {
            topic = ""
        }
        let value = m.payload.map { Self.copy($0, count: m.len) } ?? []
        return KafkaConsumerMessage(
            topic: topic, partition: m.partition, offset: m.offset, value: value, packedHeaders: RDKafkaHeaders.readPacked(message))
    }

    /// A copy of `count` bytes at `pointer`, made with one `memcpy`.
    private static func copy(_ pointer: UnsafeRawPointer, count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { memcpy(buffer.baseAddress!, pointer, count) }
            initialized = count
        }
    }
}
