import Foundation

extension KeyedDecodingContainer {
    /// An id field (`owner_id`, `parent_goal_id`, …): nil when absent or null.
    /// - Throws: `DecodingError.dataCorrupted` naming the field (a 400) when it is empty or only
    ///   whitespace: such an id names nobody, and must not reach a lookup or be stored.
    func decodeIdentifierIfPresent(forKey key: Key) throws -> String? {
        guard let value = try decodeIfPresent(String.self, forKey: key) else { return nil }
        try requireIdentifier(value, forKey: key)
        return value
    }

    /// A required id field.
    /// - Throws: as ``decodeIdentifierIfPresent(forKey:)``, and when it is missing or null.
    func decodeIdentifier(forKey key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        try requireIdentifier(value, forKey: key)
        return value
    }

    /// - Throws: `DecodingError.dataCorrupted` naming `key` when `value` is empty or only whitespace.
    func requireIdentifier(_ value: String, forKey key: Key) throws {
        if value.allSatisfy(\.isWhitespace) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must name an id, not be empty or only whitespace")
        }
    }
}
