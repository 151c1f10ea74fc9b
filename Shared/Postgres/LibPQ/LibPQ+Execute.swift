import CLibPQ

extension LibPQ {
    /// Runs one parameterised statement (text parameters and results): with `PQexecParams`, or,
    /// for a query marked ``PostgresQuery/isPrepared``, with `PQexecPrepared` after preparing it
    /// once on this connection (`statements` remembers what is prepared).
    /// - Throws: ``PostgresError`` with the server's SQLSTATE and text, or `.connection` when the
    ///   connection broke.
    static func execute(_ connection: OpaquePointer, _ query: PostgresQuery, statements: inout PreparedStatements) throws -> PostgresRows {
        if let encodingError = query.encodingError { throw encodingError }
        let count = Int32(query.binds.count)
        return try withParameters(query.binds) { values in
            let key = PreparedStatements.Key(sql: query.sql, types: query.binds.map(\.type.oid))
            guard statements.shouldPrepare(key, marked: query.isPrepared) else {
                let types = query.binds.map { Oid($0.type.oid) }
                let result = types.withUnsafeBufferPointer { types in
                    PQexecParams(connection, query.sql, count, types.baseAddress, values, nil, nil, 0)
                }
                return try consume(result, on: connection)
            }
            do {
                return try executePrepared(connection, query, key: key, values: values, statements: &statements)
            } catch let error as PostgresError where error.invalidatesPreparedStatement {
                statements.names[key] = nil
                // The statement did not run. Outside a transaction nothing was lost: prepare it
                // again and run it once more. Inside one, the transaction failed; the caller retries.
                guard PQtransactionStatus(connection) == PQTRANS_IDLE else { throw error }
                return try executePrepared(connection, query, key: key, values: values, statements: &statements)
            }
        }
    }

    private static func executePrepared(
        _ connection: OpaquePointer, _ query: PostgresQuery, key: PreparedStatements.Key,
        values: UnsafePointer<UnsafePointer<CChar>?>?, statements: inout PreparedStatements
    ) throws -> PostgresRows {
        let count = Int32(query.binds.count)
        let name: String
        if let known = statements.names[key] {
            name = known
        } else {
            name = statements.nextName()
            let types = query.binds.map { Oid($0.type.oid) }
            let prepared = types.withUnsafeBufferPointer { types in
                PQprepare(connection, name, query.sql, count, types.baseAddress)
            }
            _ = try consume(prepared, on: connection)
            statements.names[key] = name
        }
        do {
            return try consume(PQexecPrepared(connection, name, count, values, nil, nil, 0), on: connection)
        } catch let error as PostgresError where error.invalidatesPreparedStatement {
            statements.names[key] = nil  // prepared again next time
            throw error
        }
    }

    /// Calls `body` with the parameters as NUL-terminated C strings (`NULL` for SQL `NULL`), all
    /// in one buffer that lives only for the call.
    /// - Throws: a `.query` error naming a parameter that contains a NUL character.
    static func withParameters<T>(
        _ binds: [PostgresBind], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> T
    ) throws -> T {
        var storage: [UInt8] = []
        storage.reserveCapacity(binds.reduce(binds.count) { $0 + ($1.text?.utf8.count ?? 0) })
        var offsets: [Int?] = []
        offsets.reserveCapacity(binds.count)
        for (index, bind) in binds.enumerated() {
            guard var text = bind.text else {
                offsets.append(nil)
                continue
            }
            let hasNUL = text.withUTF8 { bytes in
                if bytes.contains(0) { return true }
                offsets.append(storage.count)
                storage.append(contentsOf: bytes)
                storage.append(0)
                return false
            }
            if hasNUL {
                throw PostgresError(code: .query, message: "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot store")
            }
        }
        return try storage.withUnsafeBufferPointer { base in
            try base.withMemoryRebound(to: CChar.self) { characters in
                let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { characters.baseAddress! + $0 } }
                return try pointers.withUnsafeBufferPointer { try body($0.baseAddress) }
            }
        }
    }

    /// Runs trusted SQL with `PQexec` (simple protocol: several statements allowed, no parameters).
    /// Used for `BEGIN`/`COMMIT` and migration files.
    static func executeScript(_ connection: OpaquePointer, _ sql: String) throws -> PostgresRows {
        try consume(PQexec(connection, sql), on: connection)
    }

    /// Turns a `PGresult` into rows or an error, and frees it.
    static func consume(_ result: OpaquePointer?, on connection: OpaquePointer) throws -> PostgresRows {
        guard let result else {
            throw PostgresError(code: .connection, message: errorMessage(connection))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
            return rows(from: result)
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return PostgresRows(affectedRows: affectedRows(result), commandTag: commandTag(result))
        case PGRES_COPY_IN:
            PQputCopyEnd(connection, "COPY FROM STDIN must go through PostgresConnection.copyIn")
            drainResults(connection)
            throw PostgresError(code: .query, message: "COPY FROM STDIN must go through PostgresConnection.copyIn")
        case PGRES_COPY_OUT:
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(connection, &buffer, 0) > 0 { PQfreemem(buffer) }
            drainResults(connection)
            throw PostgresError(code: .query, message: "COPY TO STDOUT is not supported")
        default:
            throw error(from: result, on: connection)
        }
    }

    /// The error a failed result describes, classified as `.connection` when the connection broke.
    static func error(from result: OpaquePointer?, on connection: OpaquePointer, code: PostgresError.Code = .query) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let result, let value = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field("C")
        let message = field("M") ?? errorMessage(connection)
        var detail = field("D")
        if let hint = field("H") { detail = (detail.map { $0 + " " } ?? "") + "Hint: " + hint }
        let broken = PQstatus(connection) != CONNECTION_OK || (sqlState?.hasPrefix("08") ?? false)
            || sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P03"
        return PostgresError(code: broken ? .connection : code, message: message, sqlState: sqlState, detail: detail)
    }

    /// Reads and frees results until libpq says the command is complete.
    static func drainResults(_ connection: OpaquePointer) {
        while let result = PQgetResult(connection) { PQclear(result) }
    }

    private static func commandTag(_ result: OpaquePointer) -> String {
        PQcmdStatus(result).map { String(cString: $0) } ?? ""
    }

    private static func affectedRows(_ result: OpaquePointer) -> Int {
        guard let text = PQcmdTuples(result) else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    private static func rows(from result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var names: [String] = []
        var types: [PostgresDataType] = []
        for column in 0..<Int32(columnCount) {
            names.append(String(cString: PQfname(result, column)))
            types.append(PostgresDataType(oid: UInt32(PQftype(result, column))))
        }
        var cells: [String?] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) == 1 {
                    cells.append(nil)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, column), count: length)
                    cells.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? rowCount
        return PostgresRows(
            storage: PostgresRows.Storage(columnNames: names, columnTypes: types, cells: cells), affectedRows: affected,
            commandTag: commandTag(result))
    }
}
