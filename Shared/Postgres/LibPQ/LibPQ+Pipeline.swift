import CLibPQ

/// One statement of a pipeline: a trusted command without parameters (`BEGIN …`, `COMMIT`) or a
/// parameterised query.
enum PipelineStep: Sendable {
    case command(String)
    case query(PostgresQuery)
}

/// What a pipeline sent for one step: whether it runs prepared and whether a `Parse` went first.
private struct SentStep {
    var preparing: (key: PreparedStatements.Key, name: String)?
    var preparedKey: PreparedStatements.Key?
}

extension LibPQ {
    /// Runs `steps` in order in one round trip (libpq pipeline mode) and returns each one's rows.
    ///
    /// The steps run as the server would run them one by one: the first that fails aborts the rest
    /// (their results are `PGRES_PIPELINE_ABORTED`) and its error is thrown. Queries that are, or
    /// have become, prepared on this connection are prepared in the same round trip.
    /// - Throws: the first failing step's error, as ``execute(_:_:statements:)``; nothing is sent
    ///   when a query cannot be encoded (check with ``PostgresQuery/boundaryError`` first to keep
    ///   the session as it was).
    static func pipeline(_ connection: OpaquePointer, _ steps: [PipelineStep], statements: inout PreparedStatements) throws -> [PostgresRows] {
        for case .query(let query) in steps {
            if let error = query.boundaryError { throw error }
        }
        guard PQenterPipelineMode(connection) == 1 else {
            // Not supported by this server or connection state: the same statements, one by one.
            return try steps.map { step in
                switch step {
                case .command(let sql): return try executeScript(connection, sql)
                case .query(let query): return try execute(connection, query, statements: &statements)
                }
            }
        }

        var sentSteps: [SentStep] = []
        sentSteps.reserveCapacity(steps.count)
        var sent = true
        for step in steps where sent {
            switch step {
            case .command(let sql):
                sent = PQsendQueryParams(connection, sql, 0, nil, nil, nil, nil, 0) == 1
                sentSteps.append(SentStep())
            case .query(let query):
                var record = SentStep()
                sent = (try? withParameters(query.binds) { values in
                    try send(connection, query, values: values, statements: &statements, record: &record)
                }) ?? false
                sentSteps.append(record)
            }
        }
        _ = PQpipelineSync(connection)

        // One result per command, each followed by NULL; a Parse adds one; then the sync point.
        func next() -> OpaquePointer? {
            let first = PQgetResult(connection)
            if first != nil { drainResults(connection) }
            return first
        }
        var results: [OpaquePointer?] = []
        for record in sentSteps {
            if record.preparing != nil { results.append(next()) }
            results.append(next())
        }
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
        var rows: [PostgresRows] = []
        rows.reserveCapacity(steps.count)
        for record in sentSteps {
            do {
                if let preparing = record.preparing {
                    _ = try take()
                    statements.names[preparing.key] = preparing.name
                }
                rows.append(try take())
            } catch let error as PostgresError where error.invalidatesPreparedStatement {
                if let key = record.preparedKey { statements.names[key] = nil }
                throw error
            }
        }
        return rows
    }

    /// Queues one query (and its `Parse`, when it is to be prepared and is not yet).
    /// - Returns: whether libpq took it.
    private static func send(
        _ connection: OpaquePointer, _ query: PostgresQuery, values: UnsafePointer<UnsafePointer<CChar>?>?,
        statements: inout PreparedStatements, record: inout SentStep
    ) throws -> Bool {
        let count = Int32(query.binds.count)
        let types = query.binds.map { Oid($0.type.oid) }
        let key = PreparedStatements.Key(sql: query.sql, types: query.binds.map(\.type.oid))
        guard statements.shouldPrepare(key, marked: query.isPrepared) else {
            return types.withUnsafeBufferPointer {
                PQsendQueryParams(connection, query.sql, count, $0.baseAddress, values, nil, nil, 0)
            } == 1
        }
        record.preparedKey = key
        let name: String
        if let known = statements.names[key] {
            name = known
        } else {
            name = statements.nextName()
            record.preparing = (key, name)
            guard types.withUnsafeBufferPointer({ PQsendPrepare(connection, name, query.sql, count, $0.baseAddress) }) == 1 else {
                return false
            }
        }
        return PQsendQueryPrepared(connection, name, count, values, nil, nil, 0) == 1
    }
}
