import Foundation

/// A `json`/`jsonb` value carried as a `Codable` Swift value.
///
/// Binds as `jsonb` (PostgreSQL casts it to `json` on assignment) and decodes from either type.
/// ```swift
/// try await pool.execute("INSERT INTO s.goal (details) VALUES (\(PostgresJSON(details)))")
/// let details = try row.decode("details", as: PostgresJSON<GoalDetails>.self).value
/// ```
public struct PostgresJSON<Value: Codable & Sendable>: PostgresEncodable, PostgresDecodable, Sendable {
    /// The wrapped value.
    public var value: Value

    /// Wraps a value.
    public init(_ value: Value) { self.value = value }

    public static var postgresType: PostgresDataType { .jsonb }

    /// - Throws: `EncodingError` when `value` cannot be encoded (for example a NaN `Double`).
    public var postgresText: String? {
        get throws {
            String(decoding: try PostgresJSONCoders.encoder.encode(value), as: UTF8.self)
        }
    }

    /// - Throws: when the text is not JSON for `Value`; the message carries the decoder's reason.
    public init(postgresText: String, type: PostgresDataType) throws {
        do {
            value = try PostgresJSONCoders.decoder.decode(Value.self, from: Data(postgresText.utf8))
        } catch {
            throw PostgresDecodingFailure("\(error)")
        }
    }
}

extension PostgresJSON: Equatable where Value: Equatable {}
extension PostgresJSON: Hashable where Value: Hashable {}

/// The one coder pair every ``PostgresJSON`` uses (a generic type cannot hold static stored
/// properties). A coder per value showed up in bulk reads: period close decodes three JSON
/// columns of each of 500,000 rows. Foundation's coders are safe to share across threads.
enum PostgresJSONCoders {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    static let decoder = JSONDecoder()
}
