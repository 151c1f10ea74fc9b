/// A Swift value that can be bound as a statement parameter or a `COPY` field, in PostgreSQL's
/// text format.
///
/// Conforming types: `Int`, `Int64`, `Int32`, `Int16`, `String`, `Bool`, `Double`, `Decimal`,
/// `Date` (timestamptz), `UUID`, `[UInt8]` and `Data` (bytea), arrays of these, ``PostgresJSON``,
/// and `Optional` of any of them (`nil` binds SQL `NULL`).
public protocol PostgresEncodable: Sendable {
    /// The type the parameter is declared as; ``PostgresDataType/unspecified`` lets the server infer it.
    static var postgresType: PostgresDataType { get }
    /// The value in PostgreSQL's text input format, or `nil` for SQL `NULL`.
    /// - Throws: when the value cannot be represented (for example JSON encoding failed); the
    ///   statement then fails before anything is sent.
    var postgresText: String? { get throws }
    /// Writes the value's text form straight into a `COPY` row or a batched insert's array (see
    /// ``PostgresRowEncoder``); it must say the same as ``postgresText``. The default writes
    /// ``postgresText``; the numeric, UUID, date and text types write without making a `String`.
    /// - Throws: as ``postgresText``.
    func encodePostgresText(into field: inout PostgresFieldWriter) throws
}

extension PostgresEncodable {
    public func encodePostgresText(into field: inout PostgresFieldWriter) throws {
        if let text = try postgresText { field.write(text) } else { field.writeNull() }
    }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresType: PostgresDataType { Wrapped.postgresType }
    public var postgresText: String? {
        get throws {
            switch self {
            case .some(let value): try value.postgresText
            case .none: nil
            }
        }
    }
    public func encodePostgresText(into field: inout PostgresFieldWriter) throws {
        switch self {
        case .some(let value): try value.encodePostgresText(into: &field)
        case .none: field.writeNull()
        }
    }
}
