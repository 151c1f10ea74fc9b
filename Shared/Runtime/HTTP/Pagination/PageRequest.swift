import Hummingbird

/// A page of a keyset-paginated list, from the query string: `?limit=100&cursor=eyJ…`.
///
/// `limit` defaults to 50 and may be 1…500. `cursor` is the opaque `next_cursor` of the previous
/// page; decode it with ``cursorKey(as:)``.
public struct PageRequest: Sendable, Hashable {
    /// Items per page when the client does not say.
    public static let defaultLimit = 50
    /// The most items a client may ask for.
    public static let maxLimit = 500

    /// Items to return.
    public var limit: Int
    /// The opaque cursor from the previous page's `next_cursor`; nil for the first page.
    public var cursor: String?

    /// Creates a page request.
    /// - Throws: ``Problem/validation(_:detail:)`` (400) when `limit` is out of range or `cursor` is not base64url.
    public init(limit: Int = PageRequest.defaultLimit, cursor: String? = nil) throws(Problem) {
        guard (1...Self.maxLimit).contains(limit) else {
            throw Problem.validation(field: "limit", "must be between 1 and \(Self.maxLimit)")
        }
        if let cursor, cursor.isEmpty || Base64URL.decode(cursor) == nil {
            throw Problem.validation(field: "cursor", "is not a valid page cursor")
        }
        self.limit = limit
        self.cursor = cursor
    }

    /// Reads `limit` and `cursor` from the request's query string.
    /// - Throws: ``Problem`` (400) when `limit` is not an integer in range or `cursor` is invalid.
    public init(from request: Request) throws(Problem) {
        let query = request.uri.queryParameters
        var limit = Self.defaultLimit
        if let text = query["limit"] {
            guard let value = Int(String(text)) else {
                throw Problem.validation(field: "limit", "must be an integer between 1 and \(Self.maxLimit)")
            }
            limit = value
        }
        try self.init(limit: limit, cursor: query["cursor"].map(String.init))
    }

    /// The keyset position encoded in ``cursor``, or nil on the first page.
    /// - Parameter type: The key type the cursor was made from (see ``PageCursor``).
    /// - Throws: ``Problem/validation(_:detail:)`` (400, field `cursor`) when the cursor does not decode as `type`.
    public func cursorKey<Key: Decodable>(as type: Key.Type) throws(Problem) -> Key? {
        guard let cursor else { return nil }
        return try PageCursor.decode(cursor, as: type)
    }

    /// How many rows to fetch: one more than ``limit``, to learn whether there is a next page.
    public var fetchLimit: Int { self.limit + 1 }
}
