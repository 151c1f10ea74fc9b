/// A transaction isolation level for ``PostgresPool/transaction(isolation:maxAttempts:_:)``.
public enum PostgresIsolation: String, Sendable, CaseIterable {
    /// Each statement sees data committed before it began (PostgreSQL's default).
    case readCommitted = "READ COMMITTED"
    /// The whole transaction sees one snapshot; concurrent updates fail with `40001`.
    case repeatableRead = "REPEATABLE READ"
    /// As if transactions ran one after another; conflicts fail with `40001` and are retried.
    case serializable = "SERIALIZABLE"
}
