import Foundation

// The field writers of the common types: the same text as `postgresText`, written straight into
// the outgoing bytes (see PostgresRowEncoder).

extension Int {
    public func encodePostgresText(into field: inout PostgresFieldWriter) { field.writeInteger(self) }
}

extension Int64 {
    public func encodePostgresText(into field: inout PostgresFieldWriter) { field.writeInteger(self) }
}

extension Int32 {
    public func encodePostgresText(into field: inout PostgresFieldWriter) { field.writeInteger(self) }
}

extension Int16 {
    public func encodePostgresText(into field: inout PostgresFieldWriter) { field.writeInteger(self) }
}

extension UInt8 {
    public func encodePostgresText(into field: inout PostgresFieldWriter) { field.writeInteger(self) }
}

extension Bool {
    public func encodePostgresText(into field: inout PostgresFieldWriter) {
        field.writePlain(self ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }
}

extension String {
    public func encodePostgresText(into field: inout PostgresFieldWriter) { field.write(self) }
}

extension Substring {
    public func encodePostgresText(into field: inout PostgresFieldWriter) { field.write(self) }
}

extension UUID {
    /// Lower-case hex with dashes, as `postgresText`.
    public func encodePostgresText(into field: inout PostgresFieldWriter) {
        withUnsafeBytes(of: uuid) { raw in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
                var index = 0
                for (position, byte) in raw.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        text[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    text[index] = PostgresHex.digits[Int(byte >> 4)]
                    text[index + 1] = PostgresHex.digits[Int(byte & 0x0f)]
                    index += 2
                }
                field.writePlain(UnsafeBufferPointer(text))
            }
        }
    }
}

extension Date {
    public func encodePostgresText(into field: inout PostgresFieldWriter) {
        PostgresTimestamp.write(self, into: &field)
    }
}

extension PostgresJSON {
    /// The encoder's UTF-8 bytes, escaped for the destination, without a `String` in between.
    public func encodePostgresText(into field: inout PostgresFieldWriter) throws {
        field.write(utf8: try PostgresJSONCoders.encoder.encode(value))
    }
}

enum PostgresHex {
    static let digits: [UInt8] = Array("0123456789abcdef".utf8)
}
