/// One Kafka record header: a name and an optional byte value.
///
/// Kafka distinguishes a missing value (`nil`) from an empty one (`[]`); both survive a round trip.
public struct KafkaHeader: Sendable, Hashable {
    /// The header name, e.g. `ce_id`.
    public var key: String
    /// The raw value; `nil` is a header without a value.
    public var value: [UInt8]?

    /// Creates a header with a UTF-8 text value (the usual case: CloudEvents attributes).
    public init(key: String, value: String) {
        self.key = key
        self.value = Array(value.utf8)
    }

    /// Creates a header with raw bytes, or without a value when `bytes` is `nil`.
    public init(key: String, bytes: [UInt8]?) {
        self.key = key
        self.value = bytes
    }

    /// The value decoded as UTF-8 (invalid sequences are repaired), or `nil` when there is no value.
    public var stringValue: String? { value.map { String(decoding: $0, as: UTF8.self) } }
}
