import StrideContracts
import StridePostgres

/// A contract's calendar date binds as a PostgreSQL `date` and reads back from one, so stores
/// need no `::text` casts and string conversions of their own.
extension CalendarDate: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .date }
    public var postgresText: String? { description }

    /// Reads `YYYY-MM-DD` text (connections use DateStyle=ISO).
    public init(postgresText: String, type: PostgresDataType) throws {
        guard let date = CalendarDate(postgresText) else {
            throw PostgresDecodingFailure("not an ISO date (YYYY-MM-DD): \(postgresText)")
        }
        self = date
    }
}
