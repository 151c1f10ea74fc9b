import Foundation

/// Encodes and decodes Stride events: CloudEvents 1.0 over Kafka in binary content mode.
///
/// The message key is the event's partition key, the CloudEvents attributes travel as `ce_*`
/// headers, and the value is the JSON payload written with the one JSON configuration all
/// payloads share:
/// - snake_case field names (explicit `CodingKeys` on every type), keys sorted, `/` unescaped;
/// - instants as RFC 3339 UTC with milliseconds: `"2026-03-31T12:00:00.000Z"`;
/// - calendar dates as `"2026-03-31"` (``CalendarDate``);
/// - money as `{"amount":"1234.50","currency":"EUR"}` (``Money``);
/// - other decimals as exact strings: `"87.5"` (``DecimalString``);
/// - enums as snake_case strings; absent optionals are omitted, not `null`.
///
/// Decoders ignore unknown fields, so adding an optional field is a compatible change.
public enum EventCodec {
    /// A `JSONEncoder` with Stride's payload configuration, for anyone who stores payloads
    /// (an outbox, a fixture) and wants the published bytes.
    public static func makeJSONEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    /// A `JSONDecoder` matching ``makeJSONEncoder()``; it also accepts RFC 3339 instants with
    /// other offsets or precisions.
    public static func makeJSONDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "expected an RFC 3339 timestamp such as \"2026-03-31T12:00:00.000Z\", got \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    /// The one encoder and decoder every payload goes through: making a pair per event cost more
    /// than encoding a small payload. Foundation's coders are safe to share across threads once
    /// configured, and these are never reconfigured.
    static let payloadEncoder = makeJSONEncoder()
    static let payloadDecoder = makeJSONDecoder()

    /// The JSON payload bytes of `event`.
    /// - Parameter event: the event.
    /// - Throws: ``ContractError`` `encodingFailed` (e.g. an invalid currency code), naming the field.
    public static func encodePayload<E: StrideEvent>(_ event: E) throws -> [UInt8] {
        do {
            return Array(try payloadEncoder.encode(event))
        } catch let error as EncodingError {
            throw ContractError(encoding: error, eventType: E.eventType)
        }
    }

    /// Decodes a JSON payload as `type`, ignoring unknown fields.
    /// - Parameters:
    ///   - type: the event type expected.
    ///   - value: the JSON bytes.
    /// - Throws: ``ContractError`` `invalidPayload` naming the missing or bad field.
    public static func decodePayload<E: StrideEvent>(_ type: E.Type, from value: [UInt8]) throws -> E {
        // The canonical form of the bulk payroll payloads is read without JSONDecoder; anything
        // else (and every error) goes through JSONDecoder, the authority.
        if let fast = E.self as? any FastPayloadDecodable.Type, let event = fast.init(fastPayload: value) as? E {
            return event
        }
        do {
            return try payloadDecoder.decode(E.self, from: Data(value))
        } catch let error as DecodingError {
            throw ContractError(decoding: error, eventType: E.eventType)
        }
    }

    /// The current time truncated to whole milliseconds, the precision of `ce_time`, so that
    /// metadata survives an encode/decode round trip unchanged.
    public static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}
