/// What a connection remembers about its session besides the `PGconn`. Lives and dies with it;
/// only touched while the connection's lock is held (or, for ``pendingBegin``, between statements).
struct PostgresSession: Sendable {
    var prepared = PreparedStatements()
    /// The `BEGIN …` of a transaction that has run no statement yet: it is sent together with the
    /// first statement (pipeline mode), and dropped without a round trip if none comes.
    var pendingBegin: String?
    /// Writes queued by ``PostgresConnection/executeDeferred(_:)``, in order: sent together with
    /// the next statement or the `COMMIT`, dropped by a rollback.
    var deferred: [PostgresQuery] = []

    /// The pending `BEGIN` and the deferred writes as pipeline steps, leaving neither behind.
    mutating func takePending() -> [PipelineStep] {
        var steps: [PipelineStep] = []
        steps.reserveCapacity(deferred.count + 2)
        if let begin = pendingBegin.take() { steps.append(.command(begin)) }
        steps.append(contentsOf: deferred.map(PipelineStep.query))
        deferred.removeAll()
        return steps
    }

    /// Runs the pending `BEGIN` and deferred writes now, in one round trip, when there are
    /// deferred writes (a lone `BEGIN` stays pending for the next statement).
    mutating func flushDeferred(on connection: OpaquePointer) throws {
        guard !deferred.isEmpty else { return }
        _ = try LibPQ.pipeline(connection, takePending(), statements: &prepared)
    }
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
