/// Writes one row's fields, in column order, straight into the buffer that goes to the server:
/// a `COPY … FROM STDIN` row (``PostgresConnection/copyIn(_:rows:encode:)``) or the next element
/// of every column array of a batched insert (``PostgresArrayColumns``).
///
/// Fields are encoded through their static type, so nothing is boxed and no `String` is made for
/// numbers, UUIDs, timestamps or booleans:
///
/// ```swift
/// try await connection.copyIn("COPY s.people (id, name, joined) FROM STDIN", rows: people) { person, row in
///     try row.encode(person.id)
///     try row.encode(person.name)
///     try row.encode(person.joined)   // Date?: nil is NULL
/// }
/// ```
public struct PostgresRowEncoder {
    /// `COPY`: one writer for every row. Arrays: one writer per column.
    var writers: [PostgresFieldWriter]
    private let isCopy: Bool
    /// The next field's column (0-based) within the current row.
    private(set) var column = 0
    /// Rows finished so far.
    private(set) var rowCount = 0

    /// An encoder for `COPY … FROM STDIN` rows in text format.
    static func copy(capacity: Int) -> PostgresRowEncoder {
        PostgresRowEncoder(writers: [PostgresFieldWriter(format: .copy, capacity: capacity)], isCopy: true)
    }

    /// An encoder for `columns` array literals, one element per row.
    static func arrays(columns: Int, capacity: Int) -> PostgresRowEncoder {
        var writers = (0..<columns).map { _ in PostgresFieldWriter(format: .arrayElement, capacity: capacity) }
        for index in writers.indices { writers[index].writePlain(UInt8(ascii: "{")) }
        return PostgresRowEncoder(writers: writers, isCopy: false)
    }

    private init(writers: [PostgresFieldWriter], isCopy: Bool) {
        self.writers = writers
        self.isCopy = isCopy
    }

    /// Writes the next field.
    /// - Throws: when the value cannot be encoded (``PostgresEncodable/postgresText``), or a
    ///   ``PostgresError`` when a batched insert's row has more fields than it has columns.
    public mutating func encode<Value: PostgresEncodable>(_ value: Value) throws {
        let index = try beginField()
        try value.encodePostgresText(into: &writers[index])
        writers[index].endField()
        column += 1
    }

    /// Writes the next field, whose type is only known at run time; `nil` is SQL `NULL`.
    /// - Throws: as ``encode(_:)``.
    public mutating func encode(any value: (any PostgresEncodable)?) throws {
        guard let value else { return try encodeNull() }
        try encode(value)
    }

    /// Writes SQL `NULL` as the next field.
    /// - Throws: a ``PostgresError`` when a batched insert's row has more fields than it has columns.
    public mutating func encodeNull() throws {
        let index = try beginField()
        writers[index].writeNull()
        writers[index].endField()
        column += 1
    }

    private mutating func beginField() throws -> Int {
        if isCopy {
            if column > 0 { writers[0].writePlain(9) }
            writers[0].beginField()
            return 0
        }
        guard column < writers.count else {
            throw PostgresError(
                code: .query, message: "row \(rowCount + 1) has more than the batch's \(writers.count) columns")
        }
        if rowCount > 0 { writers[column].writePlain(UInt8(ascii: ",")) }
        writers[column].beginField()
        return column
    }

    /// Ends the current row (`COPY`: the newline).
    /// - Throws: a ``PostgresError`` when a batched insert's row has fewer fields than it has columns.
    mutating func endRow() throws {
        if isCopy {
            writers[0].writePlain(10)
        } else if column != writers.count {
            throw PostgresError(
                code: .query, message: "row \(rowCount + 1) has \(column) fields; the batch has \(writers.count) columns")
        }
        column = 0
        rowCount += 1
    }
}
