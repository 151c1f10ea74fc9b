extension PostgresConnection {
    /// Bulk-loads rows with `COPY … FROM STDIN` in PostgreSQL's text format, each row encoded
    /// straight into the outgoing 64 KiB chunks (no per-field boxing, no `String` per number).
    ///
    /// ```swift
    /// try await connection.copyIn("COPY s.people (id, name) FROM STDIN", rows: people) { person, row in
    ///     try row.encode(person.id)
    ///     try row.encode(person.name)
    /// }
    /// ```
    /// - Parameters:
    ///   - copyStatement: trusted SQL such as `COPY s.t (a, b) FROM STDIN`; never build it from input.
    ///   - rows: the rows, in any sequence (an array, a range); read once, on the pool's thread.
    ///   - encode: writes one row's fields in the statement's column order.
    /// - Returns: the number of rows copied.
    /// - Throws: ``PostgresError`` with code `.copy` when a row cannot be encoded or the server
    ///   rejects the data (the whole COPY is rolled back), `.connection` when the connection broke.
    public func copyIn<Rows: Sequence & Sendable>(
        _ copyStatement: String, rows: Rows,
        encode: @escaping @Sendable (Rows.Element, inout PostgresRowEncoder) throws -> Void
    ) async throws -> Int {
        try await withSession { pointer, session in
            try session.flushDeferred(on: pointer)
            if let begin = session.pendingBegin.take() { _ = try LibPQ.executeScript(pointer, begin) }
            return try LibPQ.copyIn(pointer, statement: copyStatement, rows: rows, encode: encode)
        }
    }

    /// Bulk-loads rows of boxed values with `COPY … FROM STDIN` in PostgreSQL's text format.
    ///
    /// For large loads prefer ``copyIn(_:rows:encode:)``, which encodes each field through its
    /// static type.
    /// - Parameters:
    ///   - copyStatement: trusted SQL such as `COPY s.t (a, b) FROM STDIN`; never build it from input.
    ///   - rows: one array of field values per row, in the statement's column order; `nil` is `NULL`.
    /// - Returns: the number of rows copied.
    /// - Throws: as ``copyIn(_:rows:encode:)``.
    public func copyIn(_ copyStatement: String, rows: [[(any PostgresEncodable)?]]) async throws -> Int {
        try await copyIn(copyStatement, rows: rows) { row, encoder in
            for field in row { try encoder.encode(any: field) }
        }
    }
}
