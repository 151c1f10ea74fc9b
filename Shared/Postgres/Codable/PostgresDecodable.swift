/// A Swift type a result column can be decoded into, from PostgreSQL's text result format.
///
/// Conforming types: the same set as ``PostgresEncodable``. `Optional` decodes `NULL` as `nil`;
/// every other type treats `NULL` as an error that names the column.
public protocol PostgresDecodable {
    /// Decodes a non-NULL value.
    /// - Parameters:
    ///   - postgresText: the value in PostgreSQL's text output format.
    ///   - type: the column's type, for types whose text depends on it (bytea, dates).
    /// - Throws: any error when the text is not a valid value; ``PostgresRow`` turns it into a
    ///   ``PostgresError`` naming the column, the wanted type and the text.
    init(postgresText: String, type: PostgresDataType) throws

    /// The value for SQL `NULL`; throws unless the type is optional.
    static func postgresNull() throws -> Self
}

/// Thrown by ``PostgresDecodable`` implementations; ``PostgresRow`` adds the column.
public struct PostgresDecodingFailure: Error, Sendable {
    /// Why the text could not be decoded (empty when the text simply has the wrong shape).
    public var reason: String
    /// Creates a failure with an optional reason.
    public init(_ reason: String = "") { self.reason = reason }
}

/// Thrown by ``PostgresDecodable/postgresNull()`` for non-optional types.
struct PostgresUnexpectedNull: Error {}

extension PostgresDecodable {
    public static func postgresNull() throws -> Self { throw PostgresUnexpectedNull() }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText: String, type: PostgresDataType) throws {
        self = .some(try Wrapped(postgresText: postgresText, type: type))
    }
    public static func postgresNull() throws -> Self { .none }
}
