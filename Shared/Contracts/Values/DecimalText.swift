import Foundation

/// Exact decimal text for JSON: `-?[0-9]+(\.[0-9]+)?`, never exponent notation, never a binary float.
enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses strict decimal text; `nil` for anything else (`"1e3"`, `"1,5"`, `" 1"`, `"1."`).
    static func parse(_ text: String) -> Decimal? {
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
    static func format(_ value: Decimal, minimumFractionDigits: Int = 0) -> String {
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
}
