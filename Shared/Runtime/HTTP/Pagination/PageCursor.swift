import Foundation

/// Opaque page cursors: the keyset position (e.g. `{"created_at": …, "id": …}`) as base64url JSON.
///
/// Clients must treat cursors as opaque; they are not signed, so a server must still authorize
/// every row a cursor leads to (a cursor only says where to continue, never what may be seen).
public enum PageCursor {
    /// Encodes a keyset position as a cursor.
    /// - Throws: `EncodingError` if `key` cannot be encoded.
    public static func encode(_ key: some Encodable) throws -> String {
        try Base64URL.encode(JSONBody.encoder.encode(key))
    }

    /// Decodes a cursor made by ``encode(_:)``.
    /// - Throws: ``Problem/validation(_:detail:)`` (400, field `cursor`) when the text is not such a cursor.
    public static func decode<Key: Decodable>(_ cursor: String, as type: Key.Type) throws(Problem) -> Key {
        guard let data = Base64URL.decode(cursor), StorableText.firstNULPath(inJSON: data) == nil,
            let key = try? JSONBody.decoder.decode(type, from: data),
            // No row has an empty key: an empty one is forged, not the end of a page.
            (key as? String).map({ !$0.isEmpty }) ?? true
        else {
            throw Problem.validation(field: "cursor", "is not a valid page cursor")
        }
        return key
    }
}
