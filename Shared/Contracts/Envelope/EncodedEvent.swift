/// An event ready for Kafka: topic, key, CloudEvents headers and JSON value.
///
/// Produced by ``EventCodec/encode(_:id:source:time:traceparent:)``; a producer copies the
/// fields into its outgoing message unchanged.
public struct EncodedEvent: Sendable, Equatable {
    /// The topic name, e.g. `stride.goals.v1`.
    public var topic: String
    /// The Kafka message key (the event's partition key).
    public var key: String
    /// The CloudEvents headers, in a fixed order.
    public var headers: [EventHeader]
    /// The UTF-8 JSON payload.
    public var value: [UInt8]

    /// Creates an encoded event.
    /// - Parameters:
    ///   - topic: the topic name.
    ///   - key: the message key.
    ///   - headers: the CloudEvents headers.
    ///   - value: the JSON payload bytes.
    public init(topic: String, key: String, headers: [EventHeader], value: [UInt8]) {
        self.topic = topic
        self.key = key
        self.headers = headers
        self.value = value
    }

    /// The value of the first header called `name`, or `nil`.
    /// - Parameter name: a header name such as `ce_type`.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }
}
