import CLibPQ

extension LibPQ {
    /// Size of each `PQputCopyData` chunk.
    static let copyChunkSize = 64 * 1024

    /// Runs `COPY … FROM STDIN` (text format), encoding `rows` straight into 64 KiB chunks as it
    /// streams them.
    /// - Returns: the number of rows the server copied.
    /// - Throws: ``PostgresError/Code/copy`` with the server's text (for example a constraint
    ///   violation, which rolls back the whole COPY) or a row's encoding error, `.connection` when
    ///   the connection broke.
    static func copyIn<Rows: Sequence>(
        _ connection: OpaquePointer, statement: String, rows: Rows,
        encode: (Rows.Element, inout PostgresRowEncoder) throws -> Void
    ) throws -> Int {
        guard let start = PQexec(connection, statement) else {
            throw PostgresError(code: .connection, message: errorMessage(connection))
        }
        let status = PQresultStatus(start)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(start) }
            if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK {
                throw PostgresError(code: .copy, message: "copyIn needs a COPY … FROM STDIN statement")
            }
            throw error(from: start, on: connection, code: .copy)
        }
        PQclear(start)

        var encoder = PostgresRowEncoder.copy(capacity: copyChunkSize + 4096)
        do {
            for row in rows {
                try encode(row, &encoder)
                try encoder.endRow()
                if encoder.writers[0].bytes.count >= copyChunkSize {
                    try send(encoder.writers[0].bytes, on: connection)
                    encoder.writers[0].bytes.removeAll(keepingCapacity: true)
                }
            }
            if !encoder.writers[0].bytes.isEmpty { try send(encoder.writers[0].bytes, on: connection) }
        } catch {
            PQputCopyEnd(connection, "client could not encode a row")
            drainResults(connection)
            if let error = error as? PostgresError, error.code == .connection { throw error }
            throw PostgresError(code: .copy, message: "COPY row \(encoder.rowCount + 1) could not be encoded: \(error)")
        }
        guard PQputCopyEnd(connection, nil) == 1 else {
            throw PostgresError(code: .connection, message: errorMessage(connection))
        }
        var outcome: Result<Int, PostgresError> = .failure(PostgresError(code: .copy, message: "COPY returned no result"))
        while let result = PQgetResult(connection) {
            if case .failure = outcome {
                outcome = PQresultStatus(result) == PGRES_COMMAND_OK
                    ? .success(Int(String(cString: PQcmdTuples(result))) ?? 0)
                    : .failure(error(from: result, on: connection, code: .copy))
            }
            PQclear(result)
        }
        return try outcome.get()
    }

    private static func send(_ buffer: [UInt8], on connection: OpaquePointer) throws {
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw PostgresError(code: .connection, message: errorMessage(connection)) }
    }
}
