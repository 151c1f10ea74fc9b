import Hummingbird

/// One page of a list response: `{"items": [...], "next_cursor": "…"}` (`next_cursor` absent on the last page).
public struct Page<Item: Encodable>: ResponseEncodable {
    /// The items of this page.
    public var items: [Item]
    /// The cursor for the next page; nil on the last page.
    public var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    /// Creates a page.
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// Builds a page from rows fetched with `LIMIT request.fetchLimit` (one extra row).
    ///
    /// If there is an extra row, it is dropped and `next_cursor` is the key of the last item kept.
    /// - Parameters:
    ///   - rows: Up to `request.fetchLimit` rows, in keyset order.
    ///   - request: The page request.
    ///   - key: The keyset position of an item (what the next query continues after).
    /// - Throws: `EncodingError` if a key cannot be encoded.
    public init<Key: Encodable>(rows: [Item], request: PageRequest, key: (Item) -> Key) throws {
        if rows.count > request.limit {
            let items = Array(rows.prefix(request.limit))
            self.items = items
            self.nextCursor = try items.last.map { try PageCursor.encode(key($0)) }
        } else {
            self.items = rows
            self.nextCursor = nil
        }
    }
}

extension Page: Sendable where Item: Sendable {}
