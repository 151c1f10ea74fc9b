import CLibPQ
import Logging
import NIOPosix
import Synchronization

/// One PostgreSQL session. Get one from ``PostgresPool/withConnection(_:)`` or
/// ``PostgresPool/transaction(isolation:maxAttempts:_:)``; statements on it run in order, in the
/// same session (and transaction).
///
/// ## Threading
/// libpq is synchronous, so every call that talks to the server runs on the pool's
/// `NIOThreadPool` (`maxConnections + 1` threads) and the calling task suspends meanwhile; the
/// cooperative pool is never blocked. The `PGconn` sits in a `Mutex` that is held for the whole
/// libpq call: libpq forbids two threads using one connection at once, and the mutex makes a
/// misuse (sharing a connection between tasks) wait instead of corrupting the protocol.
/// We chose a thread pool over libpq's non-blocking mode on a NIO channel because it keeps the
/// wrapper small and obviously correct (one blocking call per hop, results copied out before the
/// lock is released); the price is one thread hop per statement, which the `postgres` benchmark's
/// `SELECT 1` line measures against raw libpq. Hops are saved where statements can share one: a
/// transaction's `BEGIN` goes with its first statement (pipeline mode), and a `COPY` encodes and
/// sends all its rows in one hop.
public final class PostgresConnection: Sendable {
    /// The `PGconn`, or nil once closed. Held for the whole duration of each libpq call.
    let handle: Mutex<OpaquePointer?>
    let threadPool: NIOThreadPool
    let logger: Logger
    /// A number for logs (`postgres.connection_id`), unique within the process.
    public let id: Int
    /// Keeps the notice receiver's context alive as long as the `PGconn`.
    private let notices: NoticeSink
    /// What this session has prepared and a deferred `BEGIN`; only used while ``handle`` is locked.
    let session: Mutex<PostgresSession>

    private init(
        handle: sending OpaquePointer, id: Int, threadPool: NIOThreadPool, notices: NoticeSink,
        preparedStatements: PreparedStatementPolicy, logger: Logger
    ) {
        self.handle = Mutex(handle)
        session = Mutex(PostgresSession(prepared: PreparedStatements(policy: preparedStatements)))
        self.id = id
        self.threadPool = threadPool
        self.notices = notices
        self.logger = logger
    }

    /// Opens a connection on `threadPool`.
    static func connect(
        configuration: PostgresConfiguration, id: Int, threadPool: NIOThreadPool, logger: Logger
    ) async throws -> PostgresConnection {
        var logger = logger
        logger[metadataKey: "postgres.connection_id"] = "\(id)"
        let connectionLogger = logger
        let connection = try await run(on: threadPool) {
            let notices = NoticeSink(logger: connectionLogger)
            let pointer = try LibPQ.connect(configuration, notices: notices)
            return PostgresConnection(
                handle: pointer, id: id, threadPool: threadPool, notices: notices,
                preparedStatements: configuration.preparedStatements, logger: connectionLogger)
        }
        logger.debug("postgres connection opened", metadata: ["postgres.server": "\(configuration.host):\(configuration.port)"])
        return connection
    }

    /// Runs a parameterised statement and returns its rows.
    /// - Parameter query: SQL with interpolated parameters (see ``PostgresQuery``).
    /// - Throws: ``PostgresError`` with the server's SQLSTATE and message (`.query`), `.connection`
    ///   when the connection broke, `.closed` after close.
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await withSession { pointer, session in
            guard session.pendingBegin != nil || !session.deferred.isEmpty else {
                return try LibPQ.execute(pointer, query, statements: &session.prepared)
            }
            if let error = query.boundaryError { throw error }  // the session stays as it was
            return try session.pipeline([.query(query)], on: pointer)[0]
        }
    }

    /// Runs a parameterised statement that returns no rows you need.
    /// - Returns: the number of rows inserted, updated or deleted.
    /// - Throws: as ``query(_:)``.
    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await self.query(query).affectedRows
    }

    /// Runs several statements in one round trip (pipeline mode), in order, as one would run them
    /// one by one: the first that fails stops the rest and its error is thrown. For statements
    /// that do not depend on each other's results, such as taking the locks a write needs.
    /// - Returns: each statement's rows, in order.
    /// - Throws: as ``query(_:)``.
    public func query(_ queries: [PostgresQuery]) async throws -> [PostgresRows] {
        guard !queries.isEmpty else { return [] }
        return try await withSession { pointer, session in
            for query in queries {
                if let error = query.boundaryError { throw error }
            }
            return try session.pipeline(queries.map(PipelineStep.query), on: pointer)
        }
    }

    /// Queues a write whose result nobody reads, to travel with the transaction's next statement
    /// or its `COMMIT` in the same round trip (pipeline mode). A write-heavy transaction then costs
    /// a round trip per statement whose rows it needs, not per statement.
    ///
    /// Statements still run in the order they were issued, so a later query sees the write. What
    /// changes is *when* its error is thrown: by that next statement, or by the commit (which then
    /// rolls back, and retries serialization failures like any other). So only defer statements
    /// whose errors the caller does not turn into answers of its own (not an `INSERT` whose unique
    /// violation means "already exists").
    ///
    /// Outside a transaction there is nothing to defer to: the statement runs now.
    /// - Throws: at once, when a parameter cannot be sent (a NUL character, a value that failed to
    ///   encode); otherwise as ``query(_:)`` when it runs now.
    public func executeDeferred(_ query: PostgresQuery) async throws {
        if let error = query.boundaryError { throw error }
        guard isInTransaction else {
            try await execute(query)
            return
        }
        session.withLock { $0.deferred.append(DeferredStatement(query: query)) }
    }

    /// Queues a statement whose rows are read later, to travel with the transaction's next
    /// statement or round trip, as ``executeDeferred(_:)`` does: its rows are in the returned
    /// ``PostgresDeferredRows`` once that round trip is back. A caller that needs them before then
    /// sends it with ``flushDeferred()``.
    ///
    /// For a check that can wait for the work after it: an idempotency key's claim sent with a
    /// write's first statement costs no round trip of its own, and a write that finds the key
    /// taken rolls back.
    ///
    /// Outside a transaction the statement runs now.
    /// - Throws: as ``executeDeferred(_:)``.
    public func queryDeferred(_ query: PostgresQuery) async throws -> PostgresDeferredRows {
        if let error = query.boundaryError { throw error }
        let reader = PostgresDeferredRows()
        guard isInTransaction else {
            reader.deliver(try await self.query(query))
            return reader
        }
        session.withLock { $0.deferred.append(DeferredStatement(query: query, reader: reader)) }
        return reader
    }

    /// Sends the deferred statements (and a `BEGIN` still pending) now, in one round trip;
    /// nothing when none is queued.
    /// - Throws: the first failing statement's error, as ``query(_:)``.
    public func flushDeferred() async throws {
        _ = try await withSession { pointer, session in try session.flushDeferred(on: pointer) }
    }

    /// Runs trusted SQL through the simple protocol (several statements allowed, no parameters).
    /// A pending `BEGIN` goes first, in the same round trip; deferred writes run before it.
    func executeScript(_ sql: String) async throws {
        _ = try await withSession { pointer, session in
            try session.flushDeferred(on: pointer)
            return try LibPQ.executeScript(pointer, session.pendingBegin.take().map { $0 + "; " + sql } ?? sql)
        }
    }

    /// Runs `body` with exclusive use of the `PGconn` and the session state, on the thread pool.
    func withSession<T: Sendable>(_ body: @escaping @Sendable (OpaquePointer, inout PostgresSession) throws -> T) async throws -> T {
        try await withHandle { pointer in try self.session.withLock { try body(pointer, &$0) } }
    }

    /// Runs `body` with exclusive use of the `PGconn`, on the thread pool.
    func withHandle<T: Sendable>(_ body: @escaping @Sendable (OpaquePointer) throws -> T) async throws -> T {
        try await Self.run(on: threadPool) {
            try self.handle.withLock { pointer in
                guard let pointer else { throw PostgresError(code: .closed, message: "the database connection is closed") }
                return try body(pointer)
            }
        }
    }

    /// Whether the connection can go back to the pool. Never blocks (a zero-timeout `poll`).
    var isReusable: Bool {
        handle.withLock { pointer in pointer.map(LibPQ.isReusable) ?? false }
    }

    /// Whether a transaction block is open (so it must be rolled back before reuse).
    var isInTransaction: Bool {
        handle.withLock { pointer in pointer.map(LibPQ.isInTransaction) ?? false }
            || session.withLock { $0.pendingBegin != nil || !$0.deferred.isEmpty }
    }

    /// Closes the session (`PQfinish`) on the thread pool. Idempotent.
    func close() async {
        let closeOnThisThread: @Sendable () -> Void = {
            self.handle.withLock { pointer in
                if let open = pointer { LibPQ.finish(open) }
                pointer = nil
            }
        }
        do {
            try await Self.run(on: threadPool, closeOnThisThread)
        } catch {
            closeOnThisThread()  // the thread pool is already shut down: PQfinish only writes a goodbye
        }
        logger.debug("postgres connection closed")
    }

    /// Runs blocking work on the thread pool, mapping "pool shut down" to ``PostgresError/Code/closed``.
    static func run<T: Sendable>(on threadPool: NIOThreadPool, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await threadPool.runIfActive(body)
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw PostgresError(code: .closed, message: "the database pool is closed")
        }
    }
}
