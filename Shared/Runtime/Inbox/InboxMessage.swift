import StrideContracts
import StrideKafka

/// An event as an inbox handler sees it: its CloudEvents metadata, already validated, and the
/// Kafka record it came in.
public struct InboxMessage: Sendable {
    /// The envelope: id, type, source, time, subject.
    public let metadata: EventMetadata
    /// The record as consumed.
    public let record: KafkaConsumerMessage

    /// Decodes the payload as `type`.
    /// - Throws: `ContractError` when the payload does not match; the consumer retries, then
    ///   sends the message to the dead-letter topic.
    public func decode<Event: StrideEvent>(_ type: Event.Type) throws -> Event {
        try EventCodec.decode(type, headers: record.eventHeaders, value: record.value).1
    }
}
