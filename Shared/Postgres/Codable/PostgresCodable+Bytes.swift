import Foundation

extension UInt8: PostgresEncodable, PostgresDecodable {
    /// A lone byte binds as `smallint`; an array of bytes (`[UInt8]`) binds as `bytea`.
    public static var postgresType: PostgresDataType { .int2 }
    public var postgresText: String? { String(self) }
    public init(postgresText: String, type: PostgresDataType) throws {
        guard let value = UInt8(postgresText) else { throw PostgresDecodingFailure("not a byte (0...255)") }
        self = value
    }
}

extension Data: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .bytea }
    public var postgresText: String? { PostgresBytea.hex(self) }
    public init(postgresText: String, type: PostgresDataType) throws {
        self = Data(try PostgresBytea.decode(postgresText))
    }
}

/// `bytea` in PostgreSQL's hex format (`\x0aff…`), which connections select with `bytea_output=hex`.
enum PostgresBytea {
    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: some Collection<UInt8>) -> String {
        var text = [UInt8]()
        text.reserveCapacity(2 + bytes.count * 2)
        text.append(UInt8(ascii: "\\"))
        text.append(UInt8(ascii: "x"))
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func isHex(_ text: String) -> Bool { text.utf8.starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "x")]) }

    static func decode(_ text: String) throws -> [UInt8] {
        guard isHex(text) else { throw PostgresDecodingFailure("bytea must be in hex format (\\x…)") }
        let hex = text.utf8.dropFirst(2)
        guard hex.count % 2 == 0 else { throw PostgresDecodingFailure("odd number of hex digits") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(hex.count / 2)
        var high: UInt8?
        for character in hex {
            guard let nibble = nibble(character) else { throw PostgresDecodingFailure("invalid hex digit") }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
