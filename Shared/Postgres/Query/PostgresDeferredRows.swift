import Synchronization

/// The rows of a statement queued with ``PostgresConnection/queryDeferred(_:)``: `nil` until the
/// round trip that carried it is back, then its rows for good. A rollback before that leaves it
/// `nil`, as does a round trip that failed.
public final class PostgresDeferredRows: Sendable {
    private let storage = Mutex<PostgresRows?>(nil)

    init() {}

    /// The statement's rows, or `nil` while it has not run.
    public var rows: PostgresRows? { storage.withLock { $0 } }

    func deliver(_ rows: PostgresRows) {
        storage.withLock { $0 = rows }
    }
}
