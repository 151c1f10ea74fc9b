import Foundation

/// Stride's JSON conventions for HTTP bodies: snake_case keys, ISO 8601 dates.
///
/// The same conventions as the event payloads, so a field is spelled the same in the API and on
/// the topics. Every body type spells its snake_case keys out in `CodingKeys`, as the event
/// contracts do, so the coders use the keys as written: a key strategy would also rewrite
/// dictionary keys (a key result id `KR-1` would turn into `kr-1`) and break contract types.
public enum JSONBody {
    /// The `Content-Type` of JSON responses.
    public static let mediaType = "application/json; charset=utf-8"

    /// Decoder for request bodies: keys as the types spell them, ISO 8601 dates.
    ///
    /// - Important: Shared; do not mutate it. Use ``makeDecoder()`` for a private copy.
    public static let decoder: JSONDecoder = makeDecoder()

    /// Encoder for response bodies: keys as the types spell them, ISO 8601 dates, sorted keys.
    ///
    /// - Important: Shared; do not mutate it. Use ``makeEncoder()`` for a private copy.
    public static let encoder: JSONEncoder = makeEncoder()

    /// A new decoder with Stride's conventions.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        // Our own strategy, so a bad date names its field (Foundation's `.iso8601` loses the
        // coding path on Linux) and fractional seconds are accepted.
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            let styles = [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()]
            for style in styles {
                if let date = try? style.parse(text) { return date }
            }
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected an ISO 8601 date-time such as 2026-03-31T12:00:00Z, found '\(text.prefix(40))'"))
        }
        return decoder
    }

    /// A new encoder with Stride's conventions.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Whether a `Content-Type` value is JSON (`application/json` or any `+json` type).
    public static func isJSON(contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1)[0]
            .trimmingCharacters(in: .whitespaces).lowercased()
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }
}
