/// What a connection remembers about its session besides the `PGconn`. Lives and dies with it;
/// only touched while the connection's lock is held (or, for ``pendingBegin``, between statements).
struct PostgresSession: Sendable {
    var prepared = PreparedStatements()
    /// The `BEGIN …` of a transaction that has run no statement yet: it is sent together with the
    /// first statement (pipeline mode), and dropped without a round trip if none comes.
    var pendingBegin: String?
    /// Statements queued by ``PostgresConnection/executeDeferred(_:)`` and
    /// ``PostgresConnection/queryDeferred(_:)``, in order: sent together with the next statement
    /// or the `COMMIT`, dropped by a rollback.
    var deferred: [DeferredStatement] = []

    /// Runs the pending `BEGIN`, the deferred statements and then `steps`, in order, in one round
    /// trip; hands each deferred read its rows and returns those of `steps`. Nothing pending is
    /// left behind, whether the round trip succeeds or not.
    mutating func pipeline(_ steps: [PipelineStep], on connection: OpaquePointer) throws -> [PostgresRows] {
        var all: [PipelineStep] = []
        var readers: [PostgresDeferredRows?] = []
        all.reserveCapacity(deferred.count + steps.count + 1)
        if let begin = pendingBegin.take() {
            all.append(.command(begin))
            readers.append(nil)
        }
        for statement in deferred {
            all.append(.query(statement.query))
            readers.append(statement.reader)
        }
        deferred.removeAll()
        all.append(contentsOf: steps)
        let rows = try LibPQ.pipeline(connection, all, statements: &prepared)
        for (index, reader) in readers.enumerated() { reader?.deliver(rows[index]) }
        return Array(rows.dropFirst(readers.count))
    }

    /// Runs the pending `BEGIN` and deferred statements now, in one round trip, when there are
    /// deferred statements (a lone `BEGIN` stays pending for the next statement).
    mutating func flushDeferred(on connection: OpaquePointer) throws {
        guard !deferred.isEmpty else { return }
        _ = try pipeline([], on: connection)
    }
}

/// A statement waiting for the transaction's next round trip, and where its rows go if anyone
/// reads them.
struct DeferredStatement: Sendable {
    var query: PostgresQuery
    var reader: PostgresDeferredRows?
}

/// The statements one connection has prepared (`PQprepare`), by SQL text and parameter types.
/// Lives and dies with its `PGconn`; only touched while the connection's lock is held.
struct PreparedStatements: Sendable {
    /// Which statements are prepared at all.
    var policy: PreparedStatementPolicy

    init(policy: PreparedStatementPolicy = .automatic) {
        self.policy = policy
    }

    struct Key: Hashable, Sendable {
        var sql: String
        var types: [UInt32]
    }

    /// The server-side name of each prepared statement.
    var names: [Key: String] = [:]
    private var counter = 0
    /// How often each statement not (yet) prepared has run on this connection.
    private var uses: [Key: Int] = [:]

    /// A statement that runs this often on one connection is prepared even when not marked
    /// (as pgjdbc's `prepareThreshold` does): hot paths get parse-once, plan-once statements
    /// without every caller marking them.
    static let automaticThreshold = 3
    /// At most this many statements are prepared per connection; others run unprepared.
    static let capacity = 256

    /// Whether to run the statement prepared: it is marked, already prepared, or has become hot.
    mutating func shouldPrepare(_ key: Key, marked: Bool) -> Bool {
        if policy == .never { return false }
        if marked || names[key] != nil { return true }
        guard policy == .automatic, names.count < Self.capacity else { return false }
        if uses.count >= 4 * Self.capacity { uses.removeAll(keepingCapacity: true) }  // text that never repeats
        let count = (uses[key] ?? 0) + 1
        uses[key] = count
        if count >= Self.automaticThreshold {
            uses[key] = nil
            return true
        }
        return false
    }

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
