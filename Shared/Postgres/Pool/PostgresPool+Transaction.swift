import Logging
import Synchronization

extension PostgresPool {
    /// Runs `body` in one transaction: `BEGIN ISOLATION LEVEL …`, then `COMMIT` when it returns or
    /// `ROLLBACK` when it throws (the error is rethrown).
    ///
    /// Serialization failures (`40001`) and deadlocks (`40P01`), whether raised by a statement or by
    /// `COMMIT`, roll back and run the **whole** body again after a jittered exponential backoff
    /// (about 10 ms, 20 ms, 40 ms … capped at 1 s), up to `maxAttempts` runs in total.
    /// - Parameters:
    ///   - isolation: the isolation level; default READ COMMITTED.
    ///   - maxAttempts: how many times the body may run (at least 1).
    ///   - body: the work; it may run more than once, so keep side effects outside the database
    ///     (sending messages, calling services) out of it.
    /// - Returns: what `body` returned in the attempt that committed.
    /// - Throws: the body's error, the last retryable error after `maxAttempts`, a `.query` error when
    ///   the server turned `COMMIT` into a rollback (a statement failed and the body carried on), or
    ///   the pool's errors (see ``withConnection(_:)``).
    public func transaction<T: Sendable>(
        isolation: PostgresIsolation = .readCommitted, maxAttempts: Int = 5,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await withConnection { connection in
                    connection.beginWithFirstStatement("BEGIN ISOLATION LEVEL \(isolation.rawValue)")
                    let value: T
                    do {
                        value = try await body(connection)
                    } catch {
                        do {
                            try await connection.rollback()
                        } catch let rollbackError {
                            logger.debug("rollback failed", metadata: ["error": "\(rollbackError)"])
                        }
                        throw error
                    }
                    try await connection.commit()
                    return value
                }
            } catch let error as PostgresError where error.isRetryableTransactionFailure && attempt < max(1, maxAttempts) {
                let delay = Self.retryDelay(afterAttempt: attempt)
                logger.debug("retrying transaction", metadata: [
                    "postgres.sqlstate": "\(error.sqlState ?? "")", "postgres.attempt": "\(attempt)",
                    "postgres.retry_in": "\(delay)",
                ])
                try await Task.sleep(for: delay)
                attempt += 1
            }
        }
    }

    /// Full jitter: uniformly random in [base/2, base·3/2) for base = 10 ms · 2^(attempt-1), at most 1 s.
    static func retryDelay(afterAttempt attempt: Int) -> Duration {
        let base = min(1_000.0, 10.0 * Double(1 << min(attempt - 1, 10)))
        return .microseconds(Int64(base * Double.random(in: 0.5..<1.5) * 1000))
    }
}

extension PostgresConnection {
    /// Opens a transaction with the next statement: `begin` travels in the same round trip
    /// (pipeline mode), so it costs none of its own. The snapshot is taken by the first statement
    /// either way.
    func beginWithFirstStatement(_ begin: String) {
        session.withLock { $0.pendingBegin = begin }
    }

    /// `ROLLBACK`, or nothing when the transaction never reached the server; deferred writes are
    /// dropped unsent.
    func rollback() async throws {
        let reachedServer = session.withLock { session in
            session.deferred.removeAll()
            return session.pendingBegin.take() == nil
        }
        if reachedServer { try await executeScript("ROLLBACK") }
    }

    /// `COMMIT`, with the deferred writes (and a `BEGIN` still pending) in the same round trip;
    /// failing with the first failed write's error, or when the server answered `ROLLBACK` (the
    /// transaction had already failed). Nothing when the transaction ran no statement.
    func commit() async throws {
        let tag = try await withSession { pointer, session -> String? in
            if session.deferred.isEmpty, session.pendingBegin.take() != nil { return nil }
            return try session.pipeline([.command("COMMIT")], on: pointer)[0].commandTag
        }
        guard let tag else { return }
        guard tag == "COMMIT" else {
            throw PostgresError(
                code: .query,
                message: "the transaction was rolled back because a statement in it failed; COMMIT answered \(tag)",
                sqlState: "25P02")
        }
    }
}
