/// A message to publish with ``KafkaProducer``.
public struct KafkaOutgoingMessage: Sendable {
    /// The topic to publish to.
    public var topic: String
    /// The partition key; messages with the same key go to the same partition, in order.
    /// `nil` spreads messages over partitions.
    public var key: [UInt8]?
    /// The payload (copied by librdkafka when enqueued).
    public var value: [UInt8]
    /// Record headers, in order.
    public var headers: [KafkaHeader]

    /// Creates a message.
    /// - Parameters:
    ///   - topic: the topic to publish to.
    ///   - key: the partition key as UTF-8 text, or `nil` for none.
    ///   - value: the payload bytes.
    ///   - headers: record headers.
    public init(topic: String, key: String?, value: [UInt8], headers: [KafkaHeader] = []) {
        self.topic = topic
        self.key = key.map { Array($0.utf8) }
        self.value = value
        self.headers = headers
    }

    /// Creates a message with a binary key.
    public init(topic: String, keyBytes: [UInt8]?, value: [UInt8], headers: [KafkaHeader] = []) {
        self.topic = topic
        self.key = keyBytes
        self.value = value
        self.headers = headers
    }
}

/// Where the broker stored a message: returned once the broker acknowledged it (`acks=all`).
public struct KafkaDeliveryReport: Sendable, Hashable {
    /// The topic the message was written to.
    public var topic: String
    /// The partition the message was written to.
    public var partition: Int32
    /// The message's offset in its partition.
    public var offset: Int64

    /// Creates a report (useful for test doubles).
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}
