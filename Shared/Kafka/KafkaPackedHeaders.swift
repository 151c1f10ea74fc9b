/// A received message's key and headers packed into one byte array: the key's length (4 bytes,
/// -1 for no key) and the key, then for each header its name's length (4 bytes), its value's
/// length (4 bytes, -1 for no value), the name and the value.
///
/// A message keeps its key and headers this way, one allocation instead of two per header and one
/// for the key: consumers that read a header or two by name (or scan them as bytes) never build
/// the ``KafkaHeader`` array.
struct KafkaPackedHeaders: Sendable {
    /// Never empty: it starts with the key's length.
    private(set) var bytes: [UInt8]

    /// Bytes already packed (see ``writeLength(_:into:at:)``).
    init(bytes: [UInt8]) {
        precondition(bytes.count >= 4, "packed headers start with the key's length")
        self.bytes = bytes
    }

    init(key: [UInt8]?, headers: [KafkaHeader]) {
        bytes = []
        bytes.reserveCapacity(4 + (key?.count ?? 0) + headers.reduce(0) { $0 + 8 + $1.key.utf8.count + ($1.value?.count ?? 0) })
        Self.appendLength(key?.count ?? -1, to: &bytes)
        if let key { bytes.append(contentsOf: key) }
        for header in headers {
            Self.appendLength(header.key.utf8.count, to: &bytes)
            Self.appendLength(header.value?.count ?? -1, to: &bytes)
            bytes.append(contentsOf: header.key.utf8)
            if let value = header.value { bytes.append(contentsOf: value) }
        }
    }

    /// Writes a length field at `offset`; returns the offset after it.
    static func writeLength(_ length: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        let raw = UInt32(bitPattern: Int32(truncatingIfNeeded: length))
        buffer[offset] = UInt8(truncatingIfNeeded: raw)
        buffer[offset + 1] = UInt8(truncatingIfNeeded: raw >> 8)
        buffer[offset + 2] = UInt8(truncatingIfNeeded: raw >> 16)
        buffer[offset + 3] = UInt8(truncatingIfNeeded: raw >> 24)
        return offset + 4
    }

    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: Int32(truncatingIfNeeded: length).littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func length(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        Int(Int32(bitPattern: UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) << 16
            | UInt32(buffer[index + 3]) << 24))
    }

    /// Calls `body` with the key's bytes (`nil`: no key), without copying.
    func withKey<R>(_ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { buffer in
            let keyLength = Self.length(buffer, at: 0)
            return try body(keyLength < 0 ? nil : UnsafeBufferPointer(rebasing: buffer[4..<(4 + keyLength)]))
        }
    }

    /// The key, or `nil` when there is none.
    var key: [UInt8]? { withKey { $0.map(Array.init) } }

    /// Calls `body` with each header's name and value (`nil`: no value), in order, without copying.
    func forEach(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            var index = 4 + max(0, Self.length(buffer, at: 0))
            while index + 8 <= buffer.count {
                let nameLength = Self.length(buffer, at: index)
                let valueLength = Self.length(buffer, at: index + 4)
                index += 8
                let name = UnsafeBufferPointer(rebasing: buffer[index..<(index + nameLength)])
                index += nameLength
                var value: UnsafeBufferPointer<UInt8>?
                if valueLength >= 0 {
                    value = UnsafeBufferPointer(rebasing: buffer[index..<(index + valueLength)])
                    index += valueLength
                }
                try body(name, value)
            }
        }
    }

    /// The headers as ``KafkaHeader`` values.
    var headers: [KafkaHeader] {
        var headers: [KafkaHeader] = []
        forEach { name, value in
            headers.append(KafkaHeader(key: String(decoding: name, as: UTF8.self), bytes: value.map(Array.init)))
        }
        return headers
    }
}
