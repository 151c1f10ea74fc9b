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
/// lock is released); the price is one thread hop per statement. `PoolTests.threadPoolHopOverhead`
/// measures it: about 20 µs per hop (debug build, 2 cores) against about 80 µs for a local
/// `SELECT 1` round trip, and far less than a round trip over a real network.
public final class PostgresConnection: Sendable {
    /// The `PGconn`, or nil once closed. Held for the whole duration of each libpq call.
    let handle: Mutex<OpaquePointer?>
    let threadPool: NIOThreadPool
    let logger: Logger
    /// A number for logs (`postgres.connection_id`), unique within the process.
    public let id: Int
    /// Keeps the notice receiver's context alive as long as the `PGconn`.
    private let notices: NoticeSink

    private init(handle: sending OpaquePointer, id: Int, threadPool: NIOThreadPool, notices: NoticeSink, logger: Logger) {
        self.handle = Mutex(handle)
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
            return PostgresConnection(handle: pointer, id: id, threadPool: threadPool, notices: notices, logger: connectionLogger)
        }
        logger.debug("postgres connection opened", metadata: ["postgres.server": "\(configuration.host):\(configuration.port)"])
        return connection
    }

    /// Runs a parameterised statement and returns its rows.
    /// - Parameter query: SQL with interpolated parameters (see ``PostgresQuery``).
    /// - Throws: ``PostgresError`` with the server's SQLSTATE and message (`.query`), `.connection`
    ///   when the connection broke, `.closed` after close.
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await withHandle { try LibPQ.execute($0, query) }
    }

    /// Runs a parameterised statement that returns no rows you need.
    /// - Returns: the number of rows inserted, updated or deleted.
    /// - Throws: as ``query(_:)``.
    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await withHandle { try LibPQ.execute($0, query).affectedRows }
    }

    /// Bulk-loads rows with `COPY … FROM STDIN` in PostgreSQL's text format, sent in 64 KiB chunks.
    /// - Parameters:
    ///   - copyStatement: trusted SQL such as `COPY s.t (a, b) FROM STDIN`; never build it from input.
    ///   - rows: one array of field values per row, in the statement's column order; `nil` is `NULL`.
    /// - Returns: the number of rows copied.
    /// - Throws: ``PostgresError`` with code `.copy` when the server rejects the data (the whole
    ///   COPY is rolled back), `.connection` when the connection broke.
    public func copyIn(_ copyStatement: String, rows: [[(any PostgresEncodable)?]]) async throws -> Int {
        try await withHandle { try LibPQ.copyIn($0, statement: copyStatement, rows: rows) }
    }

    /// Runs trusted SQL through the simple protocol (several statements allowed, no parameters).
    func executeScript(_ sql: String) async throws {
        _ = try await withHandle { try LibPQ.executeScript($0, sql) }
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
