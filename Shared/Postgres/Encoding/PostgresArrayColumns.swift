/// A batch of rows as one array literal per column, each row's fields encoded straight into the
/// literals (no per-field boxing, no `String` per number): the parameters of a batched
/// `INSERT … SELECT … FROM unnest($1, $2, …)`, one round trip for the whole batch.
///
/// ```swift
/// let batch = try PostgresArrayColumns(columns: 2, rows: people) { person, row in
///     try row.encode(person.id)
///     try row.encode(person.name)
/// }
/// try await connection.execute("""
///     INSERT INTO s.people (id, name) SELECT * FROM unnest(\(batch[0])::bigint[], \(batch[1])::text[])
///     """)
/// ```
/// Cast each parameter to its array type in the SQL; the literals bind as unspecified text.
public struct PostgresArrayColumns: Sendable {
    /// How many rows the batch holds.
    public let rowCount: Int
    private let literals: [String]

    /// Encodes `rows`.
    /// - Parameters:
    ///   - columns: the number of fields every row has.
    ///   - rows: the rows.
    ///   - encode: writes one row's `columns` fields, in column order.
    /// - Throws: a ``PostgresError`` naming the row when a row has more or fewer fields than
    ///   `columns`, or the error of a value that cannot be encoded.
    public init<Rows: Sequence>(
        columns: Int, rows: Rows, encode: (Rows.Element, inout PostgresRowEncoder) throws -> Void
    ) throws {
        precondition(columns >= 1, "a batch needs at least one column")
        var encoder = PostgresRowEncoder.arrays(columns: columns, capacity: 16 * rows.underestimatedCount + 2)
        for row in rows {
            try encode(row, &encoder)
            try encoder.endRow()
        }
        rowCount = encoder.rowCount
        literals = encoder.writers.map { writer in
            var bytes = writer.bytes
            bytes.append(UInt8(ascii: "}"))
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Column `column`'s array literal, to interpolate as a parameter: `\(batch[0])::bigint[]`.
    public subscript(column: Int) -> PostgresBind {
        PostgresBind(text: literals[column])
    }
}
