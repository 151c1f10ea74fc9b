/// One statement parameter: its text-format value (`nil` is SQL `NULL`) and declared type.
public struct PostgresBind: Hashable, Sendable {
    /// The value in PostgreSQL's text input format; `nil` binds `NULL`.
    public var text: String?
    /// The declared parameter type; ``PostgresDataType/unspecified`` lets the server infer it.
    public var type: PostgresDataType

    /// Creates a bind from text.
    public init(text: String?, type: PostgresDataType = .unspecified) {
        self.text = text
        self.type = type
    }

    /// Encodes a value.
    /// - Throws: when the value cannot be encoded (see ``PostgresEncodable/postgresText``).
    public init(_ value: some PostgresEncodable) throws {
        self.init(text: try value.postgresText, type: Swift.type(of: value).postgresType)
    }
}
