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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        }
    }

    /// - Throws: when the text is not JSON for `Value`; the message carries the decoder's reason.
    public init(postgresText: String, type: PostgresDataType) throws {
        do {
            value = try JSONDecoder().decode(Value.self, from: Data(postgresText.utf8))
        } catch {
            throw PostgresDecodingFailure("\(error)")
        }
    }
}

extension PostgresJSON: Equatable where Value: Equatable {}
extension PostgresJSON: Hashable where Value: Hashable {}
