import StrideContracts
import StrideKafka

extension KafkaOutgoingMessage {
    /// The Kafka record of an encoded event: its topic, key, CloudEvents headers and JSON value.
    public init(_ event: EncodedEvent) {
        self.init(topic: event.topic, key: event.key, value: event.value,
                  headers: event.headers.map { KafkaHeader(key: $0.name, value: $0.value) })
    }
}

extension KafkaConsumerMessage {
    /// The record's headers in the contracts module's form (values as UTF-8 text).
    public var eventHeaders: [EventHeader] {
        headers.map { EventHeader(name: $0.key, value: $0.stringValue ?? "") }
    }
}
