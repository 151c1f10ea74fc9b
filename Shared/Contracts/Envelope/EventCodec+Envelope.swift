import Foundation

extension EventCodec {
    /// Encodes `event` as a Kafka record: topic, key, CloudEvents headers and JSON value.
    ///
    /// Headers, in this order: `ce_specversion` (`1.0`), `ce_id`, `ce_source`, `ce_type`,
    /// `ce_time`, `ce_subject`, `content-type` (`application/json`), then `traceparent` if given.
    /// - Parameters:
    ///   - event: the payload.
    ///   - id: the event id (`ce_id`); pass a stored id when re-publishing so consumers deduplicate.
    ///   - source: the producer, e.g. `/stride/goals`.
    ///   - time: when the event happened; written with millisecond precision.
    ///   - traceparent: a W3C `traceparent` (`00-<32 hex>-<16 hex>-<2 hex>`).
    /// - Throws: ``ContractError`` `encodingFailed` for an empty source, key or subject, a malformed
    ///   trace parent, or a payload that cannot be encoded.
    public static func encode<E: StrideEvent>(
        _ event: E, id: UUID = .random(), source: String, time: Date = Date(), traceparent: String? = nil
    ) throws -> EncodedEvent {
        guard !source.isEmpty else {
            throw ContractError(.encodingFailed, header: EventHeader.sourceName, message: "ce_source must not be empty")
        }
        guard !event.partitionKey.isEmpty else {
            throw ContractError(.encodingFailed, message: "\(E.eventType) has an empty partition key")
        }
        guard !event.subject.isEmpty else {
            throw ContractError(.encodingFailed, header: EventHeader.subjectName, message: "\(E.eventType) has an empty subject")
        }
        if let traceparent, !TraceParent.isValid(traceparent) {
            throw ContractError(
                .encodingFailed, header: EventHeader.traceparentName,
                message: "traceparent \"\(traceparent)\" is not a W3C trace parent (00-<32 hex>-<16 hex>-<2 hex>)")
        }
        let metadata = EventMetadata(
            id: id, source: source, type: E.eventType, time: time, subject: event.subject, traceparent: traceparent)
        return EncodedEvent(
            topic: E.topic.rawValue, key: event.partitionKey, headers: headers(for: metadata),
            value: try encodePayload(event))
    }

    /// The CloudEvents headers for `metadata`, in Stride's fixed order.
    /// - Parameter metadata: the event context.
    public static func headers(for metadata: EventMetadata) -> [EventHeader] {
        var headers = [
            EventHeader(name: EventHeader.specVersionName, value: EventHeader.specVersion),
            EventHeader(name: EventHeader.idName, value: metadata.id.uuidString.lowercased()),
            EventHeader(name: EventHeader.sourceName, value: metadata.source),
            EventHeader(name: EventHeader.typeName, value: metadata.type),
            EventHeader(name: EventHeader.timeName, value: Timestamp.format(metadata.time)),
        ]
        if let subject = metadata.subject {
            headers.append(EventHeader(name: EventHeader.subjectName, value: subject))
        }
        headers.append(EventHeader(name: EventHeader.contentTypeName, value: EventHeader.jsonContentType))
        if let traceparent = metadata.traceparent {
            headers.append(EventHeader(name: EventHeader.traceparentName, value: traceparent))
        }
        return headers
    }

    /// Reads and validates the CloudEvents context from Kafka headers.
    ///
    /// Requires `ce_specversion` = `1.0`, `ce_id` (a UUID), `ce_source`, `ce_type` and `ce_time`
    /// (RFC 3339); `ce_subject` is optional; `content-type`, when present, must be JSON. Other
    /// headers are ignored. A malformed `traceparent` is dropped, as W3C Trace Context says.
    /// An event type unknown to this version of the catalog is NOT an error here, so a consumer
    /// can skip types newer than itself (see ``EventCatalog/eventType(named:)``).
    /// - Parameter headers: the record's headers.
    /// - Throws: ``ContractError`` (`missingHeader`, `invalidHeader`, `unsupportedSpecVersion`,
    ///   `unsupportedContentType`) naming the header.
    public static func decodeMetadata(headers: [EventHeader]) throws -> EventMetadata {
        let reader = try HeaderReader(headers)
        let specVersion = try reader.required(EventHeader.specVersionName)
        guard specVersion == EventHeader.specVersion else {
            throw ContractError(
                .unsupportedSpecVersion, header: EventHeader.specVersionName,
                message: "ce_specversion is \"\(specVersion)\"; only \"1.0\" is supported")
        }
        let idText = try reader.required(EventHeader.idName)
        guard let id = canonicalUUID(idText) ?? UUID(uuidString: idText) else {
            throw ContractError(.invalidHeader, header: EventHeader.idName, message: "ce_id \"\(idText)\" is not a UUID")
        }
        let timeText = try reader.required(EventHeader.timeName)
        guard let time = Timestamp.parse(timeText) else {
            throw ContractError(
                .invalidHeader, header: EventHeader.timeName, message: "ce_time \"\(timeText)\" is not an RFC 3339 timestamp")
        }
        if let contentType = reader.optional(EventHeader.contentTypeName), contentType != EventHeader.jsonContentType {
            let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
            guard mediaType.trimmingCharacters(in: .whitespaces).lowercased() == EventHeader.jsonContentType else {
                throw ContractError(
                    .unsupportedContentType, header: EventHeader.contentTypeName,
                    message: "content-type is \"\(contentType)\"; only application/json is supported")
            }
        }
        let traceparent = reader.optional(EventHeader.traceparentName).flatMap { TraceParent.isValid($0) ? $0 : nil }
        return EventMetadata(
            id: id, source: try reader.required(EventHeader.sourceName), type: try reader.required(EventHeader.typeName),
            time: time, subject: reader.optional(EventHeader.subjectName), traceparent: traceparent)
    }

    /// Decodes a record as the event type the caller expects.
    /// - Parameters:
    ///   - type: the expected event type.
    ///   - headers: the record's headers.
    ///   - value: the record's value.
    /// - Returns: the CloudEvents context and the payload.
    /// - Throws: ``ContractError``: header errors as in ``decodeMetadata(headers:)``,
    ///   `eventTypeMismatch` when `ce_type` is another type, `invalidPayload` naming the field.
    public static func decode<E: StrideEvent>(
        _ type: E.Type, headers: [EventHeader], value: [UInt8]
    ) throws -> (EventMetadata, E) {
        let metadata = try decodeMetadata(headers: headers)
        guard metadata.type == E.eventType else {
            throw ContractError(
                .eventTypeMismatch, header: EventHeader.typeName,
                message: "ce_type is \"\(metadata.type)\" but \(E.eventType) was expected")
        }
        return (metadata, try decodePayload(E.self, from: value))
    }

    /// Decodes a record as whichever catalog type its `ce_type` names.
    /// - Parameters:
    ///   - headers: the record's headers.
    ///   - value: the record's value.
    /// - Returns: the CloudEvents context and the payload; switch on its dynamic type.
    /// - Throws: ``ContractError``: header errors, `unknownEventType`, `invalidPayload`.
    public static func decodeAny(headers: [EventHeader], value: [UInt8]) throws -> (EventMetadata, any StrideEvent) {
        let metadata = try decodeMetadata(headers: headers)
        guard let type = EventCatalog.eventType(named: metadata.type) else {
            throw ContractError(
                .unknownEventType, header: EventHeader.typeName,
                message: "ce_type \"\(metadata.type)\" is not in Stride's event catalog")
        }
        func decodePayload<E: StrideEvent>(as type: E.Type) throws -> any StrideEvent {
            try EventCodec.decodePayload(type, from: value)
        }
        return (metadata, try decodePayload(as: type))
    }

    /// `text` as a UUID when it is in the canonical 8-4-4-4-12 hex form (either case), without the
    /// general parser; `nil` otherwise (then `UUID(uuidString:)` decides).
    static func canonicalUUID(_ text: String) -> UUID? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> UUID? in
            guard bytes.count == 36 else { return nil }
            var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            func nibble(_ byte: UInt8) -> UInt8? {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
                default: nil
                }
            }
            let parsed = withUnsafeMutableBytes(of: &uuid) { output -> Bool in
                var index = 0
                for position in 0..<16 {
                    if index == 8 || index == 13 || index == 18 || index == 23 {
                        guard bytes[index] == UInt8(ascii: "-") else { return false }
                        index += 1
                    }
                    guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return false }
                    output[position] = high << 4 | low
                    index += 2
                }
                return true
            }
            return parsed ? UUID(uuid: uuid) : nil
        } ?? nil
    }
}
