import StridePostgres

/// How long the runtime's bookkeeping rows are kept, and the job that purges older ones.
///
/// - Published outbox rows: by default the relay deletes a row once it is delivered (the topic
///   holds the event); a positive age keeps them that long, marked `published_at`, for audit by
///   SQL, at about ten times the relay's database work per row
///   (``OutboxRelay/Settings/keepsPublishedRows``).
/// - Inbox rows: must outlive every redelivery (the topics' retention and any replay), or a
///   redelivered event would be applied twice. Rows from before the inbox was keyed by consumer
///   are purged by the same rule.
/// - Idempotency keys: a client retrying a write after this long is answered as a new request.
public struct RetentionPolicy: Sendable {
    public var publishedOutboxRows: Duration
    public var inboxRows: Duration
    public var idempotencyKeys: Duration
    /// How often the purge runs (on one replica).
    public var interval: Duration

    /// Whether the relay keeps delivered outbox rows (marked published, for this policy to purge)
    /// instead of deleting them: a positive ``publishedOutboxRows``.
    public var keepsPublishedOutboxRows: Bool { publishedOutboxRows > .zero }

    public init(
        publishedOutboxRows: Duration = .zero, inboxRows: Duration = .seconds(14 * 86_400),
        idempotencyKeys: Duration = .seconds(86_400), interval: Duration = .seconds(3_600)
    ) {
        self.publishedOutboxRows = publishedOutboxRows
        self.inboxRows = inboxRows
        self.idempotencyKeys = idempotencyKeys
        self.interval = interval
    }

    /// Rows deleted per statement, so a purge never holds long locks.
    static let chunk = 5_000

    /// The purge job of `schema`.
    public func job(schema: String, pool: PostgresPool) -> PeriodicJob.Definition {
        PeriodicJob.Definition(name: "retention", interval: interval) {
            let outbox = try await purge(pool, schema: schema, table: "outbox", column: "published_at", olderThan: publishedOutboxRows)
            let inbox = try await purge(pool, schema: schema, table: "inbox", column: "processed_at", olderThan: inboxRows)
            let keys = try await purge(pool, schema: schema, table: "idempotency_keys", column: "created_at", olderThan: idempotencyKeys)
            return "purged \(outbox) published outbox rows, \(inbox) inbox rows, \(keys) idempotency keys"
        }
    }

    /// Deletes rows whose `column` is older than `age`, a chunk at a time.
    /// - Returns: how many rows were deleted.
    public func purge(_ pool: PostgresPool, schema: String, table: String, column: String, olderThan age: Duration) async throws -> Int {
        let seconds = Double(age.components.seconds)
        var total = 0
        while true {
            let deleted = try await pool.execute("""
                DELETE FROM \(unescaped: schema).\(unescaped: table) WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM \(unescaped: schema).\(unescaped: table)
                    WHERE \(unescaped: column) < now() - make_interval(secs => \(seconds)) LIMIT \(Self.chunk)))
                """)
            total += deleted
            if deleted < Self.chunk || Task.isCancelled { return total }
        }
    }
}
