/// A page of a list answer.
package struct ListPage<Item: Decodable & Sendable>: Decodable, Sendable {
    package var items: [Item]
    package var nextCursor: String?

    package enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }
}
