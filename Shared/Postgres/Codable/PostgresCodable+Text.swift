import Foundation

extension String: PostgresEncodable, PostgresDecodable {
    /// ``PostgresDataType/unspecified``, so a string binds to text, varchar, enum, uuid or date
    /// columns alike; add `::text` where the server cannot infer a type.
    public static var postgresType: PostgresDataType { .unspecified }
    public var postgresText: String? { self }
    /// Any column decodes as its text output.
    public init(postgresText: String, type: PostgresDataType) throws { self = postgresText }
}

extension Substring: PostgresEncodable {
    public static var postgresType: PostgresDataType { .unspecified }
    public var postgresText: String? { String(self) }
}

extension UUID: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .uuid }
    public var postgresText: String? { uuidString.lowercased() }
    public init(postgresText: String, type: PostgresDataType) throws {
        guard let value = UUID(uuidString: postgresText) else { throw PostgresDecodingFailure() }
        self = value
    }
}
