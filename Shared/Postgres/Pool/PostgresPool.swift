import Logging
import NIOPosix
import Synchronization

/// A bounded pool of PostgreSQL connections, the one way services talk to their database.
///
/// - Connections open lazily up to `maxConnections`; a caller that finds none free waits in a
///   first-come-first-served queue and fails with ``PostgresError/Code/poolTimeout`` after
///   `acquireTimeout`.
/// - A connection that broke, or came back inside an open transaction it cannot roll back, is
///   discarded and its slot reopened on demand. Idle connections are checked without blocking
///   before reuse, and pinged when idle for more than a minute.
/// - Blocking libpq calls run on the pool's own `NIOThreadPool` (`maxConnections + 1` threads);
///   see ``PostgresConnection``.
///
/// - Important: call ``close()`` when done (for example at graceful shutdown); it waits for
///   connections in use to come back.
public final class PostgresPool: Sendable {
    /// Where the pool connects.
    public let configuration: PostgresConfiguration
    /// The most connections open at once.
    public let maxConnections: Int
    /// How long ``withConnection(_:)`` waits for a free connection.
    public let acquireTimeout: Duration
    let logger: Logger
    let threadPool: NIOThreadPool
    let state: Mutex<PostgresPoolState>
    private static let nextConnectionID = Atomic<Int>(0)
    /// Idle connections older than this are pinged before reuse.
    static let idlePingInterval: Duration = .seconds(60)

    /// Creates a pool; no connection is opened until first use (call ``ping()`` to check readiness).
    /// - Parameters:
    ///   - configuration: where to connect.
    ///   - maxConnections: the most connections open at once (at least 1).
    ///   - acquireTimeout: how long a caller waits for a free connection before `.poolTimeout`.
    ///   - logger: receives connection lifecycle events and server notices (debug level).
    public init(configuration: PostgresConfiguration, maxConnections: Int = 10, acquireTimeout: Duration = .seconds(10), logger: Logger) {
        precondition(maxConnections >= 1, "a pool needs at least one connection")
        self.configuration = configuration
        self.maxConnections = maxConnections
        self.acquireTimeout = acquireTimeout
        self.logger = logger
        self.threadPool = NIOThreadPool(numberOfThreads: maxConnections + 1)
        self.threadPool.start()
        self.state = Mutex(PostgresPoolState(maxConnections: maxConnections))
    }

    /// Runs `body` with a connection to itself, then returns the connection to the pool.
    ///
    /// If `body` leaves a transaction open (for example it threw after `BEGIN`), it is rolled back.
    /// - Throws: `.poolTimeout` when no connection is free within `acquireTimeout`, `.connection`
    ///   when opening one fails, `.closed` after ``close()``, or whatever `body` throws.
    /// - Important: do not keep the connection after `body` returns.
    public func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        let result: Result<T, any Error>
        do {
            result = .success(try await body(connection))
        } catch {
            result = .failure(error)
        }
        await release(connection)
        return try result.get()
    }

    /// Runs one statement on a pooled connection and returns its rows.
    /// - Throws: as ``withConnection(_:)`` and ``PostgresConnection/query(_:)``.
    public func query(_ q: PostgresQuery) async throws -> PostgresRows {
        try await withConnection { try await $0.query(q) }
    }

    /// Runs one statement on a pooled connection.
    /// - Returns: the number of rows affected.
    /// - Throws: as ``withConnection(_:)`` and ``PostgresConnection/execute(_:)``.
    @discardableResult
    public func execute(_ q: PostgresQuery) async throws -> Int {
        try await withConnection { try await $0.execute(q) }
    }

    /// Readiness check: `SELECT 1` on a pooled connection, within the acquire timeout.
    /// - Throws: `.connection`, `.poolTimeout` or `.closed` when the database is not usable.
    public func ping() async throws {
        _ = try await query("SELECT 1")
    }

    /// Connections in use or being opened, and connections open in total (for metrics).
    public var usage: (busy: Int, open: Int) {
        state.withLock { ($0.busy, $0.open) }
    }

    func makeConnection() async throws -> PostgresConnection {
        let id = Self.nextConnectionID.wrappingAdd(1, ordering: .relaxed).newValue
        return try await PostgresConnection.connect(configuration: configuration, id: id, threadPool: threadPool, logger: logger)
    }
}
