import Foundation

/// Writes JSON text straight into UTF-8 bytes, for the documents a bulk operation writes by the
/// hundred thousand (a score's explanation, an outbox row's headers), where `JSONEncoder`'s
/// boxing and generic dispatch cost more than the rest of the work.
///
/// The caller says what comes in order — `beginObject()`, `key(_:)`, a value, …, `endObject()` —
/// and the writer puts the commas and colons in. Strings are escaped as RFC 8259 requires (`"`,
/// `\` and the control characters); decimals are written as ``DecimalString`` writes them, as a
/// JSON string of their exact text, so what a `Codable` type decodes from it is what it encodes.
public struct JSONTextWriter: Sendable {
    /// The UTF-8 text written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value in the current object or array is its first (no comma before it).
    private var atFirstMember = true
    /// Whether a key was just written (its value follows the colon, no comma).
    private var afterKey = false

    /// An empty writer.
    /// - Parameter capacity: the bytes to reserve, so a document of about that size is written
    ///   without growing the buffer.
    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Starts an object (`{`).
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        atFirstMember = true
    }

    /// Ends the current object (`}`).
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atFirstMember = false
    }

    /// Starts an array (`[`).
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        atFirstMember = true
    }

    /// Ends the current array (`]`).
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        atFirstMember = false
    }

    /// A member's name in the current object; its value comes next.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A string value.
    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    /// An integer value.
    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// `null`.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// A decimal as ``DecimalString`` encodes it: a JSON string of its exact text (`"12.5"`).
    /// - Precondition: `value` is not NaN (``DecimalString`` refuses to encode one).
    public mutating func decimal(_ value: Decimal) {
        string(DecimalText.format(value))
    }

    /// A member with a string value, left out when `value` is `nil` (as synthesized `Codable`
    /// leaves out a `nil` optional).
    public mutating func member(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// A member with a decimal value (``decimal(_:)``), left out when `value` is `nil`.
    public mutating func member(_ name: String, _ value: Decimal?) {
        guard let value else { return }
        key(name)
        decimal(value)
    }

    /// A member with an integer value.
    public mutating func member(_ name: String, _ value: Int) {
        key(name)
        int(value)
    }

    /// A member with a boolean value.
    public mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A member whose value is an array of strings.
    public mutating func member(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
        } else if atFirstMember {
            atFirstMember = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    /// `"value"`, escaped: the runs between characters that need escaping are copied whole.
    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var start = 0
            for index in text.indices where text[index] < 0x20 || text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
                start = index + 1
                switch text[index] {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(hex[Int(text[index] >> 4)])
                    bytes.append(hex[Int(text[index] & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
