import Foundation

extension Int: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int8 }
    public var postgresText: String? { String(self) }
    public init(postgresText: String, type: PostgresDataType) throws {
        guard let value = Int(postgresText) else { throw PostgresDecodingFailure() }
        self = value
    }
}

extension Int64: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int8 }
    public var postgresText: String? { String(self) }
    public init(postgresText: String, type: PostgresDataType) throws {
        guard let value = Int64(postgresText) else { throw PostgresDecodingFailure() }
        self = value
    }
}

extension Int32: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int4 }
    public var postgresText: String? { String(self) }
    public init(postgresText: String, type: PostgresDataType) throws {
        guard let value = Int32(postgresText) else { throw PostgresDecodingFailure("out of range or not an integer") }
        self = value
    }
}

extension Int16: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int2 }
    public var postgresText: String? { String(self) }
    public init(postgresText: String, type: PostgresDataType) throws {
        guard let value = Int16(postgresText) else { throw PostgresDecodingFailure("out of range or not an integer") }
        self = value
    }
}

extension Bool: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .bool }
    public var postgresText: String? { self ? "t" : "f" }
    public init(postgresText: String, type: PostgresDataType) throws {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PostgresDecodingFailure()
        }
    }
}

extension Double: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .float8 }
    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)  // shortest text that round-trips exactly
    }
    public init(postgresText: String, type: PostgresDataType) throws {
        switch postgresText {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default:
            guard let value = Double(postgresText), value.isFinite else { throw PostgresDecodingFailure() }
            self = value
        }
    }
}

extension Decimal: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .numeric }
    public var postgresText: String? { isNaN ? "NaN" : description }
    /// Decodes `numeric` text exactly (no detour through `Double`). Up to 38 significant digits.
    public init(postgresText: String, type: PostgresDataType) throws {
        if postgresText == "NaN" {
            self = .nan
            return
        }
        // Decimal(string:) accepts a valid prefix ("12abc" -> 12); insist on the whole text.
        guard Self.isPlainNumber(postgresText), let value = Decimal(string: postgresText, locale: Self.posix)
        else { throw PostgresDecodingFailure("not a finite decimal number") }
        self = value
    }

    /// Made once: building a `Locale` per decoded value showed up in bulk reads.
    private static let posix = Locale(identifier: "en_US_POSIX")

    private static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var sawDot = false
        var sawExponent = false
        var previous: UInt8 = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard offset == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            case UInt8(ascii: "."):
                guard !sawDot, !sawExponent else { return false }
                sawDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard digits > 0, !sawExponent else { return false }
                sawExponent = true
            default: return false
            }
            previous = byte
        }
        return digits > 0 && previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E")
    }
}
