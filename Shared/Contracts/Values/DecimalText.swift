import Foundation

/// Exact decimal text for JSON: `-?[0-9]+(\.[0-9]+)?`, never exponent notation, never a binary float.
public enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses strict decimal text; `nil` for anything else (`"1e3"`, `"1,5"`, `" 1"`, `"1."`).
    static func parse(_ text: String) -> Decimal? {
        if let value = parseShort(text) { return value }
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: isDigit)
        guard !integer.isEmpty else { return nil }
        bytes = bytes.dropFirst(integer.count)
        if let first = bytes.first {
            guard first == UInt8(ascii: ".") else { return nil }
            bytes = bytes.dropFirst()
            guard !bytes.isEmpty, bytes.allSatisfy(isDigit) else { return nil }
        }
        guard let value = Decimal(string: text, locale: posix), !value.isNaN else { return nil }
        return value
    }

    /// Formats `value` exactly, with at least `minimumFractionDigits` digits after the point
    /// (padding with zeros, never rounding).
    /// - Precondition: `value` is not NaN.
    public static func format(_ value: Decimal, minimumFractionDigits: Int = 0) -> String {
        if let text = formatShort(value, minimumFractionDigits: minimumFractionDigits) { return text }
        var text = value.description
        if text == "-0" { text = "0" }
        guard minimumFractionDigits > 0 else { return text }
        if let point = text.firstIndex(of: ".") {
            let fractionDigits = text.distance(from: text.index(after: point), to: text.endIndex)
            if fractionDigits < minimumFractionDigits {
                text += String(repeating: "0", count: minimumFractionDigits - fractionDigits)
            }
        } else {
            text += "." + String(repeating: "0", count: minimumFractionDigits)
        }
        return text
    }

    /// ``parse(_:)`` without `Decimal(string:)` for the common case: valid text with 1…18
    /// significant digits and a value other than zero (built exactly as `Decimal(string:)` builds
    /// it); `nil` for anything else, which the full parser then handles.
    private static func parseShort(_ text: String) -> Decimal? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Decimal? in
            var index = 0
            let negative = bytes.first == UInt8(ascii: "-")
            if negative { index = 1 }
            var significand: UInt64 = 0
            var digits = 0
            var fractionDigits = 0
            var integerDigits = 0
            var seenPoint = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") {
                    guard !seenPoint, integerDigits > 0 else { return nil }
                    seenPoint = true
                } else {
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
                    if significand != 0 || byte != UInt8(ascii: "0") {
                        digits += 1
                        guard digits <= 18 else { return nil }
                        significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                    }
                }
                index += 1
            }
            guard integerDigits > 0, !seenPoint || fractionDigits > 0, significand != 0 else { return nil }
            return Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(significand))
        } ?? nil
    }

    /// The magnitude of `value`'s significand when it has at most 18 digits (so it fits a
    /// `UInt64` and a signed `Int64` exactly), for integer arithmetic on decimals; `nil` for a
    /// longer significand or a value that is not finite. Zero's is 0.
    public static func shortSignificand(of value: Decimal) -> UInt64? {
        guard value.isFinite else { return nil }
        let significand = value.significand
        let magnitude = NSDecimalNumber(decimal: significand).uint64Value
        guard magnitude < 1_000_000_000_000_000_000, Decimal(magnitude) == significand else { return nil }
        return magnitude
    }

    /// ``format(_:minimumFractionDigits:)`` without `Decimal.description` for the common case: a
    /// value other than zero whose significand fits 18 digits and whose exponent is -18…0; `nil`
    /// for anything else, which the full formatter then handles.
    private static func formatShort(_ value: Decimal, minimumFractionDigits: Int) -> String? {
        guard value.isFinite, !value.isZero, value.exponent <= 0, value.exponent >= -18 else { return nil }
        guard let magnitude = shortSignificand(of: value), magnitude != 0 else { return nil }
        let fractionDigits = -value.exponent
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        var rest = magnitude
        while rest > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        // `digits` is reversed: the least significant digit first.
        var text: [UInt8] = []
        text.reserveCapacity(digits.count + fractionDigits + minimumFractionDigits + 3)
        if value.sign == .minus { text.append(UInt8(ascii: "-")) }
        if digits.count > fractionDigits {
            for index in stride(from: digits.count - 1, through: fractionDigits, by: -1) { text.append(digits[index]) }
        } else {
            text.append(UInt8(ascii: "0"))
        }
        if fractionDigits > 0 {
            text.append(UInt8(ascii: "."))
            for index in stride(from: fractionDigits - 1, through: 0, by: -1) {
                text.append(index < digits.count ? digits[index] : UInt8(ascii: "0"))
            }
        }
        if minimumFractionDigits > 0 {
            if fractionDigits == 0 { text.append(UInt8(ascii: ".")) }
            for _ in fractionDigits..<max(fractionDigits, minimumFractionDigits) { text.append(UInt8(ascii: "0")) }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
