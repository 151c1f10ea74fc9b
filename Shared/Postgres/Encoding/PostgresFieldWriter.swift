/// Where a value writes its text form for `COPY` and batched inserts: straight into the bytes
/// that go to the server, escaped for where they land, with no `String` in between.
///
/// A ``PostgresRowEncoder`` hands one to ``PostgresEncodable/encodePostgresText(into:)`` for each
/// field. The writer knows the destination's escaping (a `COPY` text field, or a quoted element of
/// an array literal), so a value only says what its text is:
///
/// ```swift
/// extension EmployeeID: PostgresEncodable {
///     public static var postgresType: PostgresDataType { .text }
///     public var postgresText: String? { rawValue }
///     public func encodePostgresText(into field: inout PostgresFieldWriter) { field.write(rawValue) }
/// }
/// ```
public struct PostgresFieldWriter {
    /// How field text is escaped.
    enum Format {
        /// A field of `COPY … FROM STDIN` in text format: `\`, tab, newline and carriage return
        /// are backslash-escaped; `NULL` is `\N`.
        case copy
        /// A double-quoted element of an array literal (`{"a","b\"c"}`): `"` and `\` are
        /// backslash-escaped; `NULL` is unquoted `NULL`.
        case arrayElement
    }

    /// The bytes written so far (whole rows or the array literal so far).
    var bytes: [UInt8]
    let format: Format
    /// Where the current field starts in ``bytes`` (after its separator).
    private var fieldStart = 0
    private var isNull = false

    init(format: Format, capacity: Int) {
        self.format = format
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
    }

    /// Writes `text`, escaped for the destination. A value may write in several pieces.
    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { writeEscaped($0) }
    }

    /// Writes `text`, escaped for the destination.
    public mutating func write(_ text: Substring) {
        var text = text
        text.withUTF8 { writeEscaped($0) }
    }

    /// Writes UTF-8 bytes (for example JSON an encoder produced), escaped for the destination.
    public mutating func write(utf8 bytes: some Collection<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ writeEscaped($0) }) { return done }
        Array(bytes).withUnsafeBufferPointer { writeEscaped($0) }
    }

    /// Makes the field SQL `NULL`, whatever was written for it before.
    public mutating func writeNull() {
        isNull = true
    }

    /// Writes bytes the caller knows need no escaping in any format: ASCII letters, digits and
    /// `-+.: ` (numbers, UUIDs, timestamps). Only for this module's own conformances.
    mutating func writePlain(_ plain: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: plain)
    }

    /// Writes one byte that needs no escaping (see ``writePlain(_:)``).
    mutating func writePlain(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Writes a decimal integer without making a `String`.
    mutating func writeInteger<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var index = digits.count
            var magnitude = value.magnitude
            repeat {
                index -= 1
                digits[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
                magnitude /= 10
            } while magnitude != 0
            if value < 0 {
                index -= 1
                digits[index] = UInt8(ascii: "-")
            }
            writePlain(UnsafeBufferPointer(rebasing: digits[index...]))
        }
    }

    /// Writes `value` zero-padded to at least `width` digits (`value` ≥ 0).
    mutating func writePadded(_ value: Int64, width: Int) {
        var digits = 1
        var limit: Int64 = 10
        while value >= limit, digits < 19 {
            digits += 1
            limit &*= 10
        }
        for _ in digits..<max(width, digits) { bytes.append(UInt8(ascii: "0")) }
        writeInteger(value)
    }

    // MARK: Fields

    /// Starts a field: quoting for an array element, and where to cut back to for a `NULL`.
    mutating func beginField() {
        fieldStart = bytes.count
        isNull = false
        if format == .arrayElement { bytes.append(UInt8(ascii: "\"")) }
    }

    /// Ends the field the value wrote: closes the quotes, or replaces it with the `NULL` marker.
    mutating func endField() {
        if isNull {
            bytes.removeSubrange(fieldStart...)
            switch format {
            case .copy: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
            case .arrayElement: bytes.append(contentsOf: [UInt8(ascii: "N"), UInt8(ascii: "U"), UInt8(ascii: "L"), UInt8(ascii: "L")])
            }
        } else if format == .arrayElement {
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func writeEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        // Copy runs of ordinary bytes at once; only the few special bytes are escaped.
        var runStart = 0
        switch format {
        case .copy:
            for index in text.indices {
                let escape: UInt8
                switch text[index] {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case 9: escape = UInt8(ascii: "t")
                case 10: escape = UInt8(ascii: "n")
                case 13: escape = UInt8(ascii: "r")
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(escape)
                runStart = index + 1
            }
        case .arrayElement:
            for index in text.indices where text[index] == UInt8(ascii: "\\") || text[index] == UInt8(ascii: "\"") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                bytes.append(UInt8(ascii: "\\"))
                runStart = index
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }
}
