import Foundation
import Logging
import Metrics
import ServiceLifecycle
import StrideKafka
import StridePostgres

/// Publishes a service's outbox rows to Kafka, in order, and marks them published only after
/// their delivery reports.
///
/// - Woken by `LISTEN/NOTIFY` when a transaction adds rows, so latency is milliseconds; a slow
///   timer (``Settings/idleInterval``) catches anything a lost notification would miss.
/// - Only one relay per schema publishes at a time (a transaction-scoped advisory lock), so
///   several replicas of a service keep the per-key order.
/// - A broker outage is retried with exponential backoff; rows stay pending, nothing is lost.
///   Rows of a batch that were delivered are marked even when another row failed, so a failed
///   row is re-sent after later ones: per-key order holds while the (idempotent, retrying)
///   producer delivers, which is all but the case of a message timing out.
/// - Rows are read in `id` order; two transactions that commit out of their `id` order are not
///   reordered (ids come from a sequence), which matters only for concurrent writes to one key.
///   A crash after publishing but before marking re-sends those rows on restart: consumers
///   deduplicate by event id (the inbox), so the effect is exactly once.
/// - On graceful shutdown it finishes the batch in flight, drains what is pending, and returns.
public final class OutboxRelay: Service, Sendable {
    /// Tuning knobs; the defaults suit production.
    public struct Settings: Sendable {
        /// Rows published per transaction.
        public var batchSize = 1_000
        /// How often the relay looks without being notified, and refreshes its lag metrics.
        public var idleInterval: Duration = .seconds(2)
        /// How long published rows are kept for audit before they are purged.
        public var retention: Duration = .seconds(86_400)
        /// The longest pause between retries while the broker fails.
        public var maximumBackoff: Duration = .seconds(10)
        public init() {}
    }

    private let outbox: Outbox
    private let pool: PostgresPool
    private let producer: KafkaProducer
    private let settings: Settings
    private let logger: Logger
    private let pendingGauge: Gauge
    private let oldestPendingGauge: Gauge
    private let publishedCounter: Counter
    private let failedCounter: Counter

    public init(outbox: Outbox, pool: PostgresPool, producer: KafkaProducer, settings: Settings = Settings(), logger: Logger) {
        self.outbox = outbox
        self.pool = pool
        self.producer = producer
        self.settings = settings
        var logger = logger
        logger[metadataKey: "outbox.schema"] = .string(outbox.schema)
        self.logger = logger
        let dimensions = [("schema", outbox.schema)]
        pendingGauge = Gauge(label: "stride_outbox_pending_events", dimensions: dimensions)
        oldestPendingGauge = Gauge(label: "stride_outbox_lag_seconds", dimensions: dimensions)
        publishedCounter = Counter(label: "stride_outbox_published_events_total", dimensions: dimensions)
        failedCounter = Counter(label: "stride_outbox_publish_failures_total", dimensions: dimensions)
    }

    public func run() async throws {
        let doorbell = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { [pool, outbox, logger] in
                    // Notifications ring the doorbell; losing the listener only costs latency.
                    do {
                        for try await _ in try await pool.listen(outbox.channel) { doorbell.continuation.yield() }
                    } catch {
                        logger.warning("outbox listener stopped; falling back to the idle timer", metadata: ["error": "\(error)"])
                    }
                }
                group.addTask { [settings] in
                    while !Task.isCancelled {
                        doorbell.continuation.yield()
                        try? await Task.sleep(for: settings.idleInterval)
                    }
                }
                var ticks = 0
                for await _ in doorbell.stream {
                    await drain()
                    ticks += 1
                    if ticks % 30 == 1 { await refreshMetricsAndPurge() }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            doorbell.continuation.finish()
        }
        await drain()  // What committed before shutdown still goes out.
        logger.info("outbox relay stopped")
    }

    /// Publishes until nothing is pending, backing off while the broker fails.
    /// - Returns: how many rows were published.
    @discardableResult
    public func drain() async -> Int {
        var total = 0
        var backoff: Duration = .milliseconds(100)
        while true {
            do {
                let batch = try await publishBatch()
                total += batch.published
                if batch.failed == 0 {
                    backoff = .milliseconds(100)
                    if batch.published < settings.batchSize { return total }
                    continue
                }
            } catch {
                logger.error("outbox batch failed", metadata: ["error": "\(error)"])
            }
            // While shutting down, pending rows stay for the next start instead of holding the exit.
            if Task.isCancelled || Task.isShuttingDownGracefully { return total }
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, settings.maximumBackoff)
        }
    }

    private func publishBatch() async throws -> (published: Int, failed: Int) {
        let schema = outbox.schema
        return try await pool.transaction { connection in
            let lock = try await connection.query("SELECT pg_try_advisory_xact_lock(hashtext(\(schema + ".outbox")))")
            guard try lock.first?.decode(0, as: Bool.self) == true else { return (0, 0) }  // another replica publishes
            let rows = try await connection.query("""
                SELECT id, topic, partition_key, headers::text AS headers, payload
                FROM \(unescaped: schema).outbox WHERE published_at IS NULL ORDER BY id LIMIT \(settings.batchSize)
                """)
            guard !rows.isEmpty else { return (0, 0) }
            var ids: [Int64] = []
            var messages: [KafkaOutgoingMessage] = []
            ids.reserveCapacity(rows.count)
            messages.reserveCapacity(rows.count)
            for row in rows {
                ids.append(try row.decode("id"))
                let pairs = try JSONDecoder().decode([[String]].self, from: Data(try row.decode("headers", as: String.self).utf8))
                messages.append(KafkaOutgoingMessage(
                    topic: try row.decode("topic"), key: try row.decode("partition_key", as: String.self),
                    value: Array(try row.decode("payload", as: String.self).utf8),
                    headers: pairs.compactMap { $0.count == 2 ? KafkaHeader(key: $0[0], value: $0[1]) : nil }))
            }
            Failpoint.relayBeforePublish.hit()
            let results = await producer.send(messages)
            Failpoint.relayAfterPublishBeforeMark.hit()
            var delivered: [Int64] = []
            var firstError: KafkaError?
            for (id, result) in zip(ids, results) {
                switch result {
                case .success: delivered.append(id)
                case .failure(let error): firstError = firstError ?? error
                }
            }
            if !delivered.isEmpty {
                try await connection.execute(
                    "UPDATE \(unescaped: schema).outbox SET published_at = now() WHERE id = ANY(\(delivered)::bigint[])")
            }
            publishedCounter.increment(by: delivered.count)
            if let firstError {
                failedCounter.increment(by: ids.count - delivered.count)
                logger.warning("outbox rows not delivered; will retry", metadata: [
                    "outbox.undelivered": "\(ids.count - delivered.count)", "error": "\(firstError)"])
            }
            return (delivered.count, ids.count - delivered.count)
        }
    }

    private func refreshMetricsAndPurge() async {
        let schema = outbox.schema
        do {
            let rows = try await pool.query("""
                SELECT count(*) AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS lag
                FROM \(unescaped: schema).outbox WHERE published_at IS NULL
                """)
            if let row = rows.first {
                pendingGauge.record(try row.decode("pending", as: Int64.self))
                oldestPendingGauge.record(try row.decode("lag", as: Double.self))
            }
            let retentionSeconds = Double(settings.retention.components.seconds)
            try await pool.execute("""
                DELETE FROM \(unescaped: schema).outbox
                WHERE published_at < now() - make_interval(secs => \(retentionSeconds))
                """)
        } catch {
            logger.warning("outbox metrics refresh failed", metadata: ["error": "\(error)"])
        }
    }
}
