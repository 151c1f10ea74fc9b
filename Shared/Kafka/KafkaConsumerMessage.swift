/// A message received by ``KafkaConsumer``, copied out of librdkafka into Swift values.
public struct KafkaConsumerMessage: Sendable {
    /// The topic the message came from.
    public var topic: String
    /// The partition the message came from.
    public var partition: Int32
    /// The message's offset in its partition.
    public var offset: Int64
    /// The partition key, or `nil` when the message has none. Kept with the headers in one
    /// allocation; each read makes the array.
    public var key: [UInt8]? {
        get { packedHeaders.key }
        set { packedHeaders = KafkaPackedHeaders(key: newValue, headers: packedHeaders.headers) }
    }
    /// The payload; empty for a message without a value (a tombstone).
    public var value: [UInt8]
    /// Record headers, in order. Built on each read from the packed form the message keeps: to
    /// look at one header, or at every header's bytes, ``header(_:)`` and
    /// ``forEachHeader(_:)`` cost less.
    public var headers: [KafkaHeader] {
        get { packedHeaders.headers }
        set { packedHeaders = KafkaPackedHeaders(key: packedHeaders.key, headers: newValue) }
    }
    private var packedHeaders: KafkaPackedHeaders

    /// Creates a message (useful for test doubles; the consumer builds them from librdkafka).
    public init(
        topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.value = value
        self.packedHeaders = KafkaPackedHeaders(key: key, headers: headers)
    }

    /// A message whose key and headers are already packed (what the consumer builds from librdkafka).
    init(topic: String, partition: Int32, offset: Int64, value: [UInt8], packedHeaders: KafkaPackedHeaders) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.value = value
        self.packedHeaders = packedHeaders
    }

    /// Calls `body` with each header's name and value (`nil` for a header without a value), in
    /// order, as bytes the message holds: nothing is copied. The buffers are valid only during
    /// the call.
    public func forEachHeader(
        _ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>?) throws -> Void
    ) rethrows {
        try packedHeaders.forEach(body)
    }

    /// The value of the last header named `key` as UTF-8 text (Kafka's "last header wins"),
    /// or `nil` when there is no such header or it has no value.
    public func header(_ key: String) -> String? {
        var found: String?
        var name = key
        name.withUTF8 { wanted in
            packedHeaders.forEach { headerName, value in
                guard headerName.elementsEqual(wanted) else { return }
                found = value.map { String(decoding: $0, as: UTF8.self) }
            }
        }
        return found
    }

    /// The key as UTF-8 text, or `nil` when the message has no key.
    public var keyString: String? { packedHeaders.withKey { $0.map { String(decoding: $0, as: UTF8.self) } } }
}
