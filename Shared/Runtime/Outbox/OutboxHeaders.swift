import Foundation
import StrideKafka

/// The outbox's `headers` column (`[["ce_id","…"],["ce_type","…"],…]` as the writers spell it,
/// or with the spaces `jsonb` printed in rows written before the column became `json`) turned
/// into Kafka headers.
///
/// The relay reads thousands of rows per batch, and a `JSONDecoder` per row cost more than the
/// statement that read them; so the canonical form — an array of two-string arrays whose strings
/// hold no escapes — is scanned byte by byte, and anything else (an escaped character, a
/// malformed pair) goes to `JSONDecoder`, which decides.
enum OutboxHeaders {
    /// - Throws: a `DecodingError` when the text is not an array of `[name, value]` string pairs.
    static func decode(_ text: String) throws -> [KafkaHeader] {
        var text = text
        let canonical = text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.pairs()
        }
        if let headers = canonical { return headers }
        let pairs = try JSONDecoder().decode([[String]].self, from: Data(text.utf8))
        return pairs.compactMap { $0.count == 2 ? KafkaHeader(key: $0[0], value: $0[1]) : nil }
    }

    /// A strict scanner of the canonical form; `nil` means "not canonical, ask JSONDecoder".
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func pairs() -> [KafkaHeader]? {
            var headers: [KafkaHeader] = []
            headers.reserveCapacity(8)
            skipWhitespace()
            guard take(UInt8(ascii: "[")) else { return nil }
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return atEnd() ? headers : nil }
            while true {
                skipWhitespace()
                guard take(UInt8(ascii: "[")) else { return nil }
                skipWhitespace()
                guard let name = string() else { return nil }
                skipWhitespace()
                guard take(UInt8(ascii: ",")) else { return nil }
                skipWhitespace()
                guard let value = string() else { return nil }
                skipWhitespace()
                guard take(UInt8(ascii: "]")) else { return nil }
                // ASCII (the CloudEvents attributes, nearly always) is valid UTF-8 as it is.
                guard let key = name.ascii ? String(decoding: name.bytes, as: UTF8.self) : String(validating: name.bytes, as: UTF8.self),
                      value.ascii || String(validating: value.bytes, as: UTF8.self) != nil
                else { return nil }
                headers.append(KafkaHeader(key: key, bytes: Array(value.bytes)))
                skipWhitespace()
                if take(UInt8(ascii: "]")) { return atEnd() ? headers : nil }
                guard take(UInt8(ascii: ",")) else { return nil }
            }
        }

        /// The bytes of a string without escapes or control characters, and whether they are all ASCII.
        private mutating func string() -> (bytes: UnsafeBufferPointer<UInt8>, ascii: Bool)? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var ascii = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    return (UnsafeBufferPointer(rebasing: bytes[start..<index]), ascii)
                }
                guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            return nil
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func atEnd() -> Bool {
            skipWhitespace()
            return index == bytes.count
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
                default: return
                }
            }
        }
    }
}
