import CRdKafka
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts between ``KafkaHeader`` arrays and librdkafka header lists.
enum RDKafkaHeaders {
    /// A non-null address for empty values: a null pointer would mean "no value" to librdkafka.
    /// `nonisolated(unsafe)` is safe: the byte is allocated once and never read or written
    /// (librdkafka copies zero bytes from it).
    nonisolated(unsafe) static let emptyValue = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)

    /// Builds a new `rd_kafka_headers_t`; the caller owns it until librdkafka accepts the message.
    static func make(_ headers: [KafkaHeader]) -> OpaquePointer {
        let list = rd_kafka_headers_new(headers.count)!
        for header in headers {
            if let value = header.value {
                value.withUnsafeBytes { bytes in
                    _ = rd_kafka_header_add(list, header.key, -1, bytes.baseAddress ?? UnsafeRawPointer(emptyValue), bytes.count)
                }
            } else {
                rd_kafka_header_add(list, header.key, -1, nil, 0)
            }
        }
        return list
    }

    /// Copies a received message's key and headers into their packed form, in one allocation: the
    /// header list is measured first, then everything is copied with `memcpy`.
    static func readPacked(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaPackedHeaders {
        let key = message.pointee.key
        let keyLength = key == nil ? -1 : message.pointee.key_len
        var list: OpaquePointer?
        if rd_kafka_message_headers(message, &list) != RD_KAFKA_RESP_ERR_NO_ERROR { list = nil }
        var index = 0
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        var byteCount = 4 + max(0, keyLength)
        if let list {
            while rd_kafka_header_get_all(list, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                byteCount += 8 + (name.map { strlen($0) } ?? 0) + size
                index += 1
            }
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
            var offset = KafkaPackedHeaders.writeLength(keyLength, into: buffer, at: 0)
            if let key, keyLength > 0 { memcpy(buffer.baseAddress! + offset, key, keyLength) }
            offset += max(0, keyLength)
            index = 0
            while let list, rd_kafka_header_get_all(list, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                let nameLength = name.map { strlen($0) } ?? 0
                offset = KafkaPackedHeaders.writeLength(nameLength, into: buffer, at: offset)
                offset = KafkaPackedHeaders.writeLength(value == nil ? -1 : size, into: buffer, at: offset)
                if let name, nameLength > 0 { memcpy(buffer.baseAddress! + offset, name, nameLength) }
                offset += nameLength
                if let value, size > 0 { memcpy(buffer.baseAddress! + offset, value, size) }
                if value != nil { offset += size }
                index += 1
            }
            initialized = offset
        }
        return KafkaPackedHeaders(bytes: bytes)
    }
}
