import StridePostgres

/// Waits for the database to go quiet: no autovacuum worker and no other query running.
///
/// A measurement that does not use the database (the payroll export reads Kafka) still shares the
/// machine's two cores with it; right after a bulk write, autovacuum would otherwise take part of
/// them in the middle of the measurement (and not in the raw ceiling's).
package enum DatabaseQuiet {
    /// Polls until three checks in a row find the database quiet, or `timeout` passes (then it
    /// returns anyway: a benchmark goes on, on a busier machine).
    /// - Returns: how long it waited.
    @discardableResult
    package static func wait(pool: PostgresPool, timeout: Duration = .seconds(120)) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        var quietChecks = 0
        while quietChecks < 3, clock.now - start < timeout {
            let busy = try await pool.query("""
                SELECT count(*) FROM pg_stat_activity
                WHERE pid <> pg_backend_pid() AND (backend_type = 'autovacuum worker' OR state = 'active')
                """)[0].decode(0, as: Int.self)
            quietChecks = busy == 0 ? quietChecks + 1 : 0
            try await Task.sleep(for: .milliseconds(250))
        }
        return clock.now - start
    }
}
