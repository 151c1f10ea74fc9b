/// A PostgreSQL type, identified by its OID: what a bind parameter is declared as and what a
/// result column's type is.
public struct PostgresDataType: Hashable, Sendable, CustomStringConvertible {
    /// The type's OID in `pg_type`. `0` means "let the server infer it".
    public var oid: UInt32

    /// Wraps an OID.
    public init(oid: UInt32) { self.oid = oid }

    /// Unspecified: the server infers the parameter's type from its use (works for columns of
    /// enum, uuid, date and text types alike). Add a cast (`\(value)::text`) where it cannot.
    public static let unspecified = PostgresDataType(oid: 0)
    public static let bool = PostgresDataType(oid: 16)
    public static let bytea = PostgresDataType(oid: 17)
    public static let int8 = PostgresDataType(oid: 20)
    public static let int2 = PostgresDataType(oid: 21)
    public static let int4 = PostgresDataType(oid: 23)
    public static let text = PostgresDataType(oid: 25)
    public static let json = PostgresDataType(oid: 114)
    public static let float4 = PostgresDataType(oid: 700)
    public static let float8 = PostgresDataType(oid: 701)
    public static let varchar = PostgresDataType(oid: 1043)
    public static let date = PostgresDataType(oid: 1082)
    public static let timestamp = PostgresDataType(oid: 1114)
    public static let timestamptz = PostgresDataType(oid: 1184)
    public static let numeric = PostgresDataType(oid: 1700)
    public static let uuid = PostgresDataType(oid: 2950)
    public static let jsonb = PostgresDataType(oid: 3802)

    /// The one-dimensional array type whose elements are this type (`int8` -> `int8[]`);
    /// ``unspecified`` when there is none we know of.
    public var arrayType: PostgresDataType {
        switch oid {
        case 16: PostgresDataType(oid: 1000)
        case 17: PostgresDataType(oid: 1001)
        case 20: PostgresDataType(oid: 1016)
        case 21: PostgresDataType(oid: 1005)
        case 23: PostgresDataType(oid: 1007)
        case 25: PostgresDataType(oid: 1009)
        case 114: PostgresDataType(oid: 199)
        case 700: PostgresDataType(oid: 1021)
        case 701: PostgresDataType(oid: 1022)
        case 1043: PostgresDataType(oid: 1015)
        case 1082: PostgresDataType(oid: 1182)
        case 1114: PostgresDataType(oid: 1115)
        case 1184: PostgresDataType(oid: 1185)
        case 1700: PostgresDataType(oid: 1231)
        case 2950: PostgresDataType(oid: 2951)
        case 3802: PostgresDataType(oid: 3807)
        default: .unspecified
        }
    }

    public var description: String { "oid \(oid)" }
}
