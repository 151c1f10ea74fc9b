import HTTPTypes
import Hummingbird

/// The client's `Idempotency-Key` for a write: repeating a request with the same key must not
/// repeat its effect (the store that remembers keys belongs to the runtime's persistence layer).
///
/// A key is 1–255 printable ASCII characters (space through `~`).
public struct IdempotencyKey: Sendable, Hashable, CustomStringConvertible {
    /// The `Idempotency-Key` header name.
    public static var headerName: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }
    /// The longest key accepted.
    public static let maxLength = 255

    /// The key as sent.
    public let value: String

    /// Validates a key.
    /// - Throws: ``Problem/validation(_:detail:)`` (400, field `Idempotency-Key`) when empty, too long or not printable ASCII.
    public init(_ value: String) throws(Problem) {
        guard !value.isEmpty, value.utf8.count <= Self.maxLength else {
            throw Problem.validation(field: "Idempotency-Key", "must be 1 to \(Self.maxLength) characters")
        }
        guard value.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            throw Problem.validation(field: "Idempotency-Key", "must contain only printable ASCII characters")
        }
        self.value = value
    }

    /// The request's key, or nil when it sends none.
    /// - Throws: ``Problem`` (400) when the header is present but invalid, or sent more than once.
    public static func from(_ request: Request) throws(Problem) -> IdempotencyKey? {
        let values = request.headers[values: Self.headerName]
        guard let first = values.first else { return nil }
        guard values.count == 1 else {
            throw Problem.validation(field: "Idempotency-Key", "must be sent once")
        }
        return try IdempotencyKey(first)
    }

    /// The request's key, which this write requires.
    /// - Throws: ``Problem`` (400) when missing or invalid.
    public static func required(in request: Request) throws(Problem) -> IdempotencyKey {
        guard let key = try from(request) else {
            throw Problem.validation(field: "Idempotency-Key", "is required for this request")
        }
        return key
    }

    public var description: String { self.value }
}
