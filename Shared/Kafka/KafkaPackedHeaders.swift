/// A message's headers packed into one byte array: for each header, its name's length (4 bytes),
/// its value's length (4 bytes, -1 for no value), the name, the value.
///
/// A received message keeps its headers this way, one allocation instead of two per header:
/// consumers that read only a header or two by name (or scan them as bytes) never build the
/// ``KafkaHeader`` array.
struct KafkaPackedHeaders: Sendable {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// Headers already packed (see ``writeLength(_:into:at:)``).
    init(bytes: [UInt8]) {
        self.bytes = bytes
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

    init(_ headers: [KafkaHeader]) {
        bytes.reserveCapacity(headers.reduce(0) { $0 + 8 + $1.key.utf8.count + ($1.value?.count ?? 0) })
        for header in headers {
            append(name: header.key.utf8, value: header.value)
        }
    }

    /// Adds a header.
    mutating func append(name: some Collection<UInt8>, value: (some Collection<UInt8>)?) {
        Self.appendLength(name.count, to: &bytes)
        Self.appendLength(value.map(\.count) ?? -1, to: &bytes)
        bytes.append(contentsOf: name)
        if let value { bytes.append(contentsOf: value) }
    }

    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: Int32(truncatingIfNeeded: length).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Whether there is no header.
    var isEmpty: Bool { bytes.isEmpty }

    /// Calls `body` with each header's name and value (`nil`: no value), in order, without copying.
    func forEach(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index + 8 <= buffer.count {
                let nameLength = Int(Self.length(buffer, at: index))
                let valueLength = Int(Self.length(buffer, at: index + 4))
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

    private static func length(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int32 {
        Int32(bitPattern: UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) << 16
            | UInt32(buffer[index + 3]) << 24)
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
