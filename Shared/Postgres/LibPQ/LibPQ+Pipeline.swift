import CLibPQ

extension LibPQ {
    /// Runs `begin` and then `query` in one round trip (libpq pipeline mode), so a transaction's
    /// `BEGIN` costs no round trip of its own.
    /// - Returns: the statement's rows.
    /// - Throws: `BEGIN`'s error if it failed, else the statement's, as ``execute(_:_:statements:)``.
    static func execute(
        _ connection: OpaquePointer, _ query: PostgresQuery, after begin: String, statements: inout PreparedStatements
    ) throws -> PostgresRows {
        do {
            if let encodingError = query.encodingError { throw encodingError }
            return try withParameters(query.binds) { values in
                guard PQenterPipelineMode(connection) == 1 else {
                    _ = try executeScript(connection, begin)
                    return try execute(connection, query, statements: &statements)
                }
                return try pipeline(connection, query, after: begin, values: values, statements: &statements)
            }
        } catch let error as PostgresError where error.code != .connection && PQtransactionStatus(connection) == PQTRANS_IDLE {
            // Nothing reached the server (a parameter could not be sent): open the transaction
            // anyway, so the caller's ROLLBACK finds the state it expects.
            _ = try? executeScript(connection, begin)
            throw error
        }
    }

    private static func pipeline(
        _ connection: OpaquePointer, _ query: PostgresQuery, after begin: String,
        values: UnsafePointer<UnsafePointer<CChar>?>?, statements: inout PreparedStatements
    ) throws -> PostgresRows {
        let count = Int32(query.binds.count)
        let types = query.binds.map { Oid($0.type.oid) }
        var sent = PQsendQueryParams(connection, begin, 0, nil, nil, nil, nil, 0) == 1
        var preparing: (key: PreparedStatements.Key, name: String)?
        let key = PreparedStatements.Key(sql: query.sql, types: query.binds.map(\.type.oid))
        let prepared = statements.shouldPrepare(key, marked: query.isPrepared)
        if prepared {
            let name: String
            if let known = statements.names[key] {
                name = known
            } else {
                name = statements.nextName()
                preparing = (key, name)
                sent = sent && types.withUnsafeBufferPointer { PQsendPrepare(connection, name, query.sql, count, $0.baseAddress) } == 1
            }
            sent = sent && PQsendQueryPrepared(connection, name, count, values, nil, nil, 0) == 1
        } else {
            sent = sent && types.withUnsafeBufferPointer {
                PQsendQueryParams(connection, query.sql, count, $0.baseAddress, values, nil, nil, 0)
            } == 1
        }
        _ = PQpipelineSync(connection)

        // One result per command, each followed by NULL; then the sync point.
        func next() -> OpaquePointer? {
            let first = PQgetResult(connection)
            if first != nil { drainResults(connection) }
            return first
        }
        var results = [next()]
        if preparing != nil { results.append(next()) }
        results.append(next())
        if let sync = PQgetResult(connection) { PQclear(sync) }
        PQexitPipelineMode(connection)

        var index = 0
        defer { for rest in results[index...] where rest != nil { PQclear(rest) } }
        func take() throws -> PostgresRows {
            let result = results[index]
            index += 1
            return try consume(result, on: connection)
        }
        guard sent else {
            throw PostgresError(code: .connection, message: errorMessage(connection))
        }
        _ = try take()
        if let preparing {
            _ = try take()
            statements.names[preparing.key] = preparing.name
        }
        do {
            return try take()
        } catch let error as PostgresError where error.invalidatesPreparedStatement {
            if prepared { statements.names[key] = nil }
            throw error
        }
    }
}
