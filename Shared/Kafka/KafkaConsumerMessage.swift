/// A message received by ``KafkaConsumer``, copied out of librdkafka into Swift values.
public struct KafkaConsumerMessage: Sendable {
    /// The topic the message came from.
    public var topic: String
    /// The partition the message came from.
    public var partition: Int32
    /// The message's offset in its partition.
    public var offset: Int64
    /// The partition key, or `nil` when the message has none.
    public var key: [UInt8]?
    /// The payload; empty for a message without a value (a tombstone).
    public var value: [UInt8]
    /// Record headers, in order.
    public var headers: [KafkaHeader]

    /// Creates a message (useful for test doubles; the consumer builds them from librdkafka).
    public init(
        topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
    }

    /// The value of the last header named `key` as UTF-8 text (Kafka's "last header wins"),
    /// or `nil` when there is no such header or it has no value.
    public func header(_ key: String) -> String? {
        headers.last { $0.key == key }?.stringValue
    }

    /// The key as UTF-8 text, or `nil` when the message has no key.
    public var keyString: String? { key.map { String(decoding: $0, as: UTF8.self) } }
}
