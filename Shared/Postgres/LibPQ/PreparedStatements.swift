/// What a connection remembers about its session besides the `PGconn`. Lives and dies with it;
/// only touched while the connection's lock is held (or, for ``pendingBegin``, between statements).
struct PostgresSession: Sendable {
    var prepared = PreparedStatements()
    /// The `BEGIN …` of a transaction that has run no statement yet: it is sent together with the
    /// first statement (pipeline mode), and dropped without a round trip if none comes.
    var pendingBegin: String?
}

/// The statements one connection has prepared (`PQprepare`), by SQL text and parameter types.
/// Lives and dies with its `PGconn`; only touched while the connection's lock is held.
struct PreparedStatements: Sendable {
    struct Key: Hashable, Sendable {
        var sql: String
        var types: [UInt32]
    }

    /// The server-side name of each prepared statement.
    var names: [Key: String] = [:]
    private var counter = 0

    /// A name not used before on this connection.
    mutating func nextName() -> String {
        counter += 1
        return "stride_\(counter)"
    }
}

extension PostgresError {
    /// The server no longer has the prepared statement (`DEALLOCATE`, `DISCARD ALL`: 26000) or its
    /// plan's result columns changed under it (DDL: 0A000), so it must be prepared again.
    var invalidatesPreparedStatement: Bool {
        sqlState == "26000" || (sqlState == "0A000" && message.contains("cached plan"))
    }
}
