import Foundation

/// Stores a `Decimal` that travels as an exact JSON string: `"1.25"`, never `1.25`.
///
/// Stride encodes every non-money decimal (percentages, scores, multipliers, ratios, metric
/// values) this way so that no consumer parses it through a binary float and the bytes are
/// stable. The text is the shortest exact form: `Decimal(string: "1.50")` encodes as `"1.5"`.
/// Decoding accepts only `-?digits[.digits]`.
@propertyWrapper
public struct DecimalString: Codable, Sendable, Hashable {
    /// The value.
    public var wrappedValue: Decimal

    /// Wraps a value.
    /// - Parameter wrappedValue: the decimal.
    public init(wrappedValue: Decimal) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a decimal string such as \"12.5\", got \"\(text)\"")
        }
        wrappedValue = value
    }

    public func encode(to encoder: any Encoder) throws {
        guard !wrappedValue.isNaN else {
            throw EncodingError.invalidValue(
                wrappedValue, .init(codingPath: encoder.codingPath, debugDescription: "a decimal must not be NaN"))
        }
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.format(wrappedValue))
    }
}

/// Like ``DecimalString`` for an optional value: the field is omitted when `nil` and may be
/// absent or `null` when decoding.
@propertyWrapper
public struct OptionalDecimalString: Codable, Sendable, Hashable {
    /// The value, or `nil`.
    public var wrappedValue: Decimal?

    /// Wraps a value.
    /// - Parameter wrappedValue: the decimal or `nil`.
    public init(wrappedValue: Decimal?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try DecimalString(from: decoder).wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        if let wrappedValue {
            try DecimalString(wrappedValue: wrappedValue).encode(to: encoder)
        } else {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}

extension KeyedDecodingContainer {
    /// Lets a missing key decode as `nil` for ``OptionalDecimalString`` properties.
    public func decode(_ type: OptionalDecimalString.Type, forKey key: Key) throws -> OptionalDecimalString {
        try decodeIfPresent(type, forKey: key) ?? OptionalDecimalString(wrappedValue: nil)
    }
}

extension KeyedEncodingContainer {
    /// Omits the key for a `nil` ``OptionalDecimalString``, like synthesized `Optional` encoding.
    public mutating func encode(_ value: OptionalDecimalString, forKey key: Key) throws {
        guard value.wrappedValue != nil else { return }
        try encodeIfPresent(value, forKey: key)
    }
}
