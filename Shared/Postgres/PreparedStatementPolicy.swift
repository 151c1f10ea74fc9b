/// Which statements a connection prepares on the server (`PQprepare`) instead of sending them
/// for a one-off parse and plan.
///
/// Named prepared statements live in the server session. Behind a pooler that hands each
/// transaction a different server session (PgBouncer in transaction mode before 1.21, some cloud
/// proxies) they break: use ``never`` there.
public enum PreparedStatementPolicy: String, Sendable, CaseIterable {
    /// Statements marked ``PostgresQuery/prepared()``, and any statement that repeats on a
    /// connection (as pgjdbc's `prepareThreshold`). The default.
    case automatic
    /// Only statements marked ``PostgresQuery/prepared()``.
    case marked
    /// None: every statement is parsed and planned each time (for transaction-mode poolers).
    case never
}
