import Foundation
import Logging
import Metrics
import ServiceLifecycle
import StrideKafka
import StridePostgres
import Synchronization

/// Publishes a service's outbox rows to Kafka, in order, and marks them published only after
/// their delivery reports.
///
/// - Woken by `LISTEN/NOTIFY` when a transaction adds rows, so latency is milliseconds; a slow
///   timer (``Settings/idleInterval``) catches anything a lost notification would miss.
/// - **One relay per schema at a time.** Replicas share a lease row (`outbox_relay_lease`): the
///   holder renews it with every batch (and while a batch is out, however long the broker takes
///   to answer), the others stand by and take over when it expires (a
///   crashed holder) or is released (a graceful stop). No transaction, lock or pooled
///   connection is held while Kafka works: a batch is claimed with one statement, published,
///   then marked with another. Under a backlog the three overlap: while one batch is out, the
///   next is read and the one before is marked (on other connections), so the database and the
///   broker work at the same time; batches still go to Kafka one after the other. Should two relays ever overlap (a holder stalled past its lease),
///   both publish from the oldest pending row in id order, so consumers, which deduplicate by
///   event id, still see every key's events in order.
/// - **A broker outage** (every row of a batch failing with a transient error) is retried with
///   exponential backoff; rows stay pending, nothing is lost. When the broker answers but whole
///   batches still fail, the producer is replaced (``RenewableProducer``): an idempotent
///   producer whose id the broker forgot never delivers again.
/// - **A row that can never be delivered** (too large, topic denied) does not hold back the rows
///   behind it: delivered rows are marked even when another row of the batch failed; a row
///   failing on its own (others were delivered, or the error is permanent for that message)
///   counts an attempt, and after ``Settings/maxAttempts`` it is parked (`parked_at`, the reason
///   in `last_error`, logged at error, counted in `stride_outbox_parked_events`). Operators list
///   and re-queue parked rows with `stride outbox parked` / `stride outbox requeue`.
/// - A crash after publishing but before marking re-sends those rows on restart: consumers
///   deduplicate by event id (the inbox), so the effect is exactly once.
/// - **Bounded shutdown**: on graceful shutdown it stops waiting for deliveries in flight, makes
///   one last attempt of at most ``Settings/shutdownDrainLimit`` to send what is pending, releases
///   the lease and returns; what is left goes out from the next instance.
/// - The pending, lag and parked gauges are refreshed on their own timer, so they tell the truth
///   while publishing is stuck.
public final class OutboxRelay: Service, Sendable {
    /// Tuning knobs; the defaults suit production.
    public struct Settings: Sendable {
        /// Rows claimed and published per batch.
        public var batchSize = 5_000
        /// How long the relay waits after being woken before it claims a batch, so that the
        /// commits of the next few milliseconds go out with it: under load a batch then costs two
        /// statements for many rows instead of for one or two. Adds at most this much latency.
        public var gatherDelay: Duration = .milliseconds(5)
        /// How often the relay looks without being notified.
        public var idleInterval: Duration = .seconds(2)
        /// How often the pending, lag and parked gauges are counted from the table. Counting reads
        /// every unpublished row, a quarter of a second at 300,000 after a bulk operation, so it
        /// runs far less often than the relay looks; scrapes are rarer still.
        public var gaugeInterval: Duration = .seconds(10)
        /// How long a relay's claim on the schema's outbox lasts unless renewed (it renews with
        /// every batch and every idle look). A crashed holder is replaced after at most this long.
        public var leaseDuration: Duration = .seconds(15)
        /// Failed deliveries of one row, on its own, before it is parked.
        public var maxAttempts = 5
        /// The longest pause between retries while the broker fails.
        public var maximumBackoff: Duration = .seconds(10)
        /// How long the last attempt after a graceful shutdown may take.
        public var shutdownDrainLimit: Duration = .seconds(5)
        /// Consecutive fully failed batches, while the broker answers, before the producer is replaced.
        public var failedBatchesBeforeNewProducer = 2
        /// Whether delivered rows stay in the table, marked `published_at`, for the retention job
        /// to purge later (`OUTBOX_RETENTION_HOURS` above 0), or are deleted once delivered (the
        /// default: the topic holds the event). Marking a row writes a new version of it and three
        /// index entries; deleting it only flags it, about a tenth of the work (100,000 rows:
        /// 1.47 s against 0.13 s), and the relay's marks were what bounded it under a backlog.
        public var keepsPublishedRows = false
        public init() {}
    }

    /// What the relay is doing, for `/health/ready`'s body and logs.
    public struct Status: Sendable, Equatable {
        /// Whether this instance holds the schema's relay lease.
        public var isLeader: Bool
        /// Why the last batch failed as a whole, while it keeps failing; `nil` when publishing works.
        public var failure: String?
    }

    /// The outcome of one batch.
    enum BatchOutcome: Equatable {
        /// Another relay holds the lease.
        case standby
        /// Rows were claimed and published (some may have failed on their own).
        case published(delivered: Int, failedAlone: Int, claimed: Int)
        /// Every row failed for a reason that is not theirs: the broker is unreachable or refuses the producer.
        case outage
    }

    private let outbox: Outbox
    private let pool: PostgresPool
    private let producer: RenewableProducer
    private let settings: Settings
    private let logger: Logger
    private let holder: String
    private let state = Mutex<Status>(Status(isLeader: false, failure: nil))
    /// Whether ``run()`` has stopped and given its lease up, and how many claims (each of which
    /// takes or renews the lease) are on their way to the database. A drain abandoned at
    /// ``Settings/shutdownDrainLimit``, still retrying a stuck broker, or a claim sent just before,
    /// must not take the lease again after it was released, in the moments before the process
    /// exits: the next replica would wait the lease out.
    private let claims = Mutex<(givenUp: Bool, inFlight: Int)>((false, 0))
    private let pendingGauge: Gauge
    private let oldestPendingGauge: Gauge
    private let parkedGauge: Gauge
    private let leaderGauge: Gauge
    private let publishedCounter: Counter
    private let failedCounter: Counter
    private let parkedCounter: Counter

    /// - Parameters:
    ///   - outbox: the schema whose outbox is relayed.
    ///   - producer: publishes the rows (and is renewed when it can no longer deliver).
    public init(outbox: Outbox, pool: PostgresPool, producer: RenewableProducer, settings: Settings = Settings(), logger: Logger) {
        self.outbox = outbox
        self.pool = pool
        self.producer = producer
        self.settings = settings
        var logger = logger
        logger[metadataKey: "outbox.schema"] = .string(outbox.schema)
        self.logger = logger
        holder = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"
        let dimensions = [("schema", outbox.schema)]
        pendingGauge = Gauge(label: "stride_outbox_pending_events", dimensions: dimensions)
        oldestPendingGauge = Gauge(label: "stride_outbox_lag_seconds", dimensions: dimensions)
        parkedGauge = Gauge(label: "stride_outbox_parked_events", dimensions: dimensions)
        leaderGauge = Gauge(label: "stride_outbox_relay_leader", dimensions: dimensions)
        publishedCounter = Counter(label: "stride_outbox_published_events_total", dimensions: dimensions)
        failedCounter = Counter(label: "stride_outbox_publish_failures_total", dimensions: dimensions)
        parkedCounter = Counter(label: "stride_outbox_parked_events_total", dimensions: dimensions)
    }

    /// What the relay is doing now.
    public var status: Status { state.withLock { $0 } }

    public func run() async throws {
        let doorbell = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
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
                group.addTask { [settings] in
                    while !Task.isCancelled {
                        await self.refreshGauges()
                        try? await Task.sleep(for: settings.gaugeInterval)
                    }
                }
                for await _ in doorbell.stream {
                    // Commits that land meanwhile ring again and join this batch (as the producer's
                    // `linger.ms` does for messages): fewer, larger relay transactions under load.
                    if settings.gatherDelay > .zero { try? await Task.sleep(for: settings.gatherDelay) }
                    await drain()
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            doorbell.continuation.finish()
        }
        // What committed before shutdown still goes out, if the broker takes it in time.
        _ = await abandonableWait(limit: settings.shutdownDrainLimit) { await self.drain() }
        claims.withLock { $0.givenUp = true }
        // A claim already sent could take the lease after the release: let it land first, within a bound.
        let settled = ContinuousClock.now + .seconds(2)
        while claims.withLock({ $0.inFlight }) > 0, ContinuousClock.now < settled { try? await Task.sleep(for: .milliseconds(10)) }
        await releaseLease()
        logger.info("outbox relay stopped")
    }

    /// Publishes until nothing is pending (or another relay holds the lease), backing off while
    /// the broker fails; returns early on graceful shutdown or cancellation.
    /// - Returns: how many rows were published.
    @discardableResult
    public func drain() async -> Int {
        var total = 0
        var backoff: Duration = .milliseconds(100)
        var failedBatches = 0
        var pipeline = Pipeline()
        while true {
            let outcome: BatchOutcome
            do {
                outcome = try await publishBatch(&pipeline)
            } catch {
                logger.error("outbox batch failed", metadata: ["error": "\(error)"])
                await pipeline.abandon()
                outcome = .outage
            }
            switch outcome {
            case .standby:
                await pipeline.abandon()
                return total
            case .published(let delivered, let failedAlone, let claimed):
                total += delivered
                failedBatches = 0
                if failedAlone == 0 {
                    backoff = .milliseconds(100)
                    if claimed < settings.batchSize || Task.isCancelled || Task.isShuttingDownGracefully {
                        // Returning means every delivered row is marked: a caller may look at once.
                        do {
                            try await pipeline.finish()
                        } catch {
                            logger.warning("outbox rows delivered but not marked; they are sent again", metadata: ["error": "\(error)"])
                        }
                        return total
                    }
                    continue
                }
            case .outage:
                failedBatches += 1
                if failedBatches >= settings.failedBatchesBeforeNewProducer, await brokerAnswers() {
                    producer.renew(reason: "\(failedBatches) batches failed while the broker answers")
                    failedBatches = 0
                }
            }
            // While shutting down, pending rows stay for the next start instead of holding the exit.
            if Task.isCancelled || Task.isShuttingDownGracefully { return total }
            try? await Task.sleep(for: backoff)
            backoff = min(backoff * 2, settings.maximumBackoff)
        }
    }

    /// What runs beside the batch being published, so that the database and the broker work at
    /// the same time: the claim of the next batch (rows after the current one's last id) and the
    /// mark of the previous, fully delivered batch. Any failure empties the pipeline, and the next
    /// batch is claimed from the oldest pending row again.
    struct Pipeline {
        var nextClaim: Task<[ClaimedRow]?, any Error>?
        var pendingMark: Task<Void, any Error>?

        /// Waits for the previous batch's mark; throws its error.
        mutating func awaitMark() async throws {
            guard let mark = pendingMark else { return }
            pendingMark = nil
            try await mark.value
        }

        /// Drops the claimed-ahead batch (its rows stay pending) and waits for the mark.
        mutating func finish() async throws {
            if let claim = nextClaim {
                nextClaim = nil
                _ = try? await claim.value
            }
            try await awaitMark()
        }

        /// ``finish()`` after a failure: a failed mark only means those rows go out again.
        mutating func abandon() async { try? await finish() }
    }

    /// Claims the lease and the oldest pending rows (or takes the batch claimed ahead), publishes
    /// them, and marks the outcome — in the background when every row was delivered.
    func publishBatch(_ pipeline: inout Pipeline) async throws -> BatchOutcome {
        let rows: [ClaimedRow]?
        if let ahead = pipeline.nextClaim {
            pipeline.nextClaim = nil
            rows = try await ahead.value
        } else {
            rows = try await claimBatch(after: nil)
        }
        guard let rows else { return .standby }
        guard let last = rows.last else {
            recordSuccess()
            return .published(delivered: 0, failedAlone: 0, claimed: 0)
        }
        if rows.count == settings.batchSize {
            // A full batch: there may be more, so the next one is read while this one is out.
            pipeline.nextClaim = Task { try await self.claimBatch(after: last.id) }
        }
        Failpoint.relayBeforePublish.hit()
        let messages = rows.map(\.message)
        // Stop waiting when the service shuts down: unmarked rows are simply sent again later.
        let keeper = Task { await self.keepLease() }
        let sent = await abandonableWait(untilShutdown: true, { await self.producer.send(messages) })
        keeper.cancel()
        guard let results = sent else {
            return .published(delivered: 0, failedAlone: 0, claimed: 0)
        }
        // Marks land in batch order: the previous batch's first.
        try await pipeline.awaitMark()
        Failpoint.relayAfterPublishBeforeMark.hit()
        var delivered: [Int64] = []
        delivered.reserveCapacity(rows.count)
        var failures: [(id: Int64, error: KafkaError)] = []
        for (row, result) in zip(rows, results) {
            switch result {
            case .success: delivered.append(row.id)
            case .failure(let error): failures.append((row.id, error))
            }
        }
        publishedCounter.increment(by: delivered.count)
        if failures.isEmpty {
            pipeline.pendingMark = Task { try await self.mark(delivered: delivered, failed: []) }
            recordSuccess()
            return .published(delivered: delivered.count, failedAlone: 0, claimed: rows.count)
        }
        // Something failed: the batch read ahead is dropped and the next starts from the oldest pending row.
        try await pipeline.finish()
        failedCounter.increment(by: failures.count)
        let outage = delivered.isEmpty && !failures.contains { $0.error.isPermanentForMessage }
        let countedAgainstRows = outage ? [] : failures
        try await mark(delivered: delivered, failed: countedAgainstRows)
        if outage {
            let reason = "\(failures[0].error)"
            state.withLock { $0.failure = reason }
            logger.warning("outbox batch not delivered; will retry", metadata: ["outbox.undelivered": "\(failures.count)", "error": "\(reason)"])
            return .outage
        }
        recordSuccess()
        logger.warning("outbox rows not delivered on their own; will retry", metadata: [
            "outbox.undelivered": "\(failures.count)", "error": "\(failures[0].error)"])
        return .published(delivered: delivered.count, failedAlone: failures.count, claimed: rows.count)
    }

    private func recordSuccess() {
        state.withLock { $0.failure = nil }
    }

    /// One row as claimed for publishing.
    struct ClaimedRow: Sendable {
        var id: Int64
        var message: KafkaOutgoingMessage
    }

    /// Takes or renews the lease and reads the oldest pending rows (after `cursor`, when the batch
    /// before them is still being published), in one statement.
    /// - Returns: `nil` when another relay holds the lease.
    private func claimBatch(after cursor: Int64?) async throws -> [ClaimedRow]? {
        let admitted = claims.withLock { claims -> Bool in
            guard !claims.givenUp else { return false }
            claims.inFlight += 1
            return true
        }
        guard admitted else { return nil }
        defer { claims.withLock { $0.inFlight -= 1 } }
        let schema = outbox.schema
        let leaseSeconds = Double(settings.leaseDuration.components.seconds)
        let rows = try await pool.query("""
            WITH lease AS (
                INSERT INTO \(unescaped: schema).outbox_relay_lease AS l (singleton, holder, expires_at)
                VALUES (true, \(holder), now() + make_interval(secs => \(leaseSeconds)))
                ON CONFLICT (singleton) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE l.holder = excluded.holder OR l.expires_at < now()
                RETURNING holder
            )
            SELECT true AS leader, o.id, o.topic, o.partition_key, o.headers::text AS headers, o.payload
            FROM lease LEFT JOIN LATERAL (
                SELECT id, topic, partition_key, headers, payload FROM \(unescaped: schema).outbox
                WHERE published_at IS NULL AND parked_at IS NULL AND id > \(cursor ?? 0)
                ORDER BY id LIMIT \(settings.batchSize)
            ) o ON true
            ORDER BY o.id
            """)
        let isLeader = !rows.isEmpty
        let changed = state.withLock { status in
            defer {
                status.isLeader = isLeader
                // A standby publishes nothing, so nothing of its own is failing: the holder reports for the schema.
                if !isLeader { status.failure = nil }
            }
            return status.isLeader != isLeader
        }
        leaderGauge.record(isLeader ? 1 : 0)
        if changed { logger.info(isLeader ? "outbox relay took the lease" : "outbox relay stands by: another replica holds the lease") }
        guard isLeader else { return nil }
        var claimed: [ClaimedRow] = []
        claimed.reserveCapacity(rows.count)
        for row in rows {
            guard let id = try row.decode(1, as: Int64?.self) else { continue }  // the lease row alone: nothing pending
            claimed.append(ClaimedRow(id: id, message: KafkaOutgoingMessage(
                topic: try row.decode(2), key: try row.decode(3, as: String.self),
                value: Array(try row.decode(5, as: String.self).utf8),
                headers: try OutboxHeaders.decode(try row.decode(4, as: String.self)))))
        }
        return claimed
    }

    /// Renews the lease every third of its length while a batch is out, until cancelled. A
    /// delivery may take as long as the producer's message timeout (a broker that stopped
    /// answering), longer than the lease: without renewal a standby replica would take the lease
    /// meanwhile and publish beside this relay, and the two would keep taking it from each other,
    /// neither failing often enough in a row to replace its producer.
    private func keepLease() async {
        let leaseSeconds = Double(settings.leaseDuration.components.seconds)
        while true {
            do { try await Task.sleep(for: settings.leaseDuration / 3) } catch { return }
            do {
                let renewed = try await pool.execute("""
                    UPDATE \(unescaped: outbox.schema).outbox_relay_lease SET expires_at = now() + make_interval(secs => \(leaseSeconds))
                    WHERE holder = \(holder)
                    """)
                if renewed == 0 { return }  // released, or taken over after it lapsed: nothing to keep
            } catch {
                // The database is unavailable: the lease may lapse; the next claim settles who holds it.
            }
        }
    }

    /// Deletes delivered rows (or marks them published, ``Settings/keepsPublishedRows``) and
    /// counts an attempt against each row that failed on its own, parking those that reached
    /// ``Settings/maxAttempts``; one statement.
    private func mark(delivered: [Int64], failed: [(id: Int64, error: KafkaError)]) async throws {
        guard !delivered.isEmpty || !failed.isEmpty else { return }
        let schema = outbox.schema
        let settle = settings.keepsPublishedRows ? "UPDATE \(schema).outbox SET published_at = now()" : "DELETE FROM \(schema).outbox"
        let parked = try await pool.query("""
            WITH delivered AS (
                \(unescaped: settle) WHERE id = ANY(\(delivered)::bigint[]) RETURNING id
            )
            UPDATE \(unescaped: schema).outbox o
            SET attempts = o.attempts + 1, last_error = f.error,
                parked_at = CASE WHEN o.attempts + 1 >= \(settings.maxAttempts) THEN now() END
            FROM unnest(\(failed.map(\.id))::bigint[], \(failed.map { String("\($0.error)".prefix(2_000)) })::text[]) AS f(id, error)
            WHERE o.id = f.id AND o.published_at IS NULL
            RETURNING o.id, o.event_type, o.topic, o.parked_at IS NOT NULL AS parked, f.error
            """)
        for row in parked where try row.decode("parked", as: Bool.self) {
            parkedCounter.increment()
            let (id, type, topic, error) = (
                try row.decode("id", as: Int64.self), try row.decode("event_type", as: String.self),
                try row.decode("topic", as: String.self), try row.decode("error", as: String.self))
            logger.error("outbox row parked: it could not be delivered; re-queue it with `stride outbox requeue` after a fix", metadata: [
                "outbox.id": "\(id)", "event.type": "\(type)", "kafka.topic": "\(topic)", "error": "\(error)"])
        }
    }

    private func brokerAnswers() async -> Bool {
        do {
            try await producer.ping(timeout: .seconds(2))
            return true
        } catch {
            return false
        }
    }

    /// Gives the lease up so a standby replica takes over at once. ``run()`` does it when it stops;
    /// a caller that uses ``drain()`` on its own calls it when done.
    public func releaseLease() async {
        do {
            try await pool.execute("""
                DELETE FROM \(unescaped: outbox.schema).outbox_relay_lease WHERE holder = \(holder)
                """)
        } catch {
            logger.warning("could not release the outbox relay lease; it expires by itself", metadata: ["error": "\(error)"])
        }
        leaderGauge.record(0)
    }

    /// Refreshes the pending, lag and parked gauges from the table (every replica, leader or not).
    func refreshGauges() async {
        do {
            let rows = try await pool.query("""
                SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending,
                       count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
                       coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0)::float8 AS lag
                FROM \(unescaped: outbox.schema).outbox WHERE published_at IS NULL
                """)
            if let row = rows.first {
                pendingGauge.record(try row.decode("pending", as: Int64.self))
                parkedGauge.record(try row.decode("parked", as: Int64.self))
                oldestPendingGauge.record(try row.decode("lag", as: Double.self))
            }
        } catch {
            logger.warning("outbox gauges could not be refreshed", metadata: ["error": "\(error)"])
        }
    }
}
