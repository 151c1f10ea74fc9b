import Foundation
import Logging
import ServiceLifecycle
import StridePostgres

/// A job that runs every `interval` on **one** replica of a service at a time, e.g. a sweep that
/// flags goals behind pace or the purge of old inbox rows.
///
/// Every replica wakes every `interval`; the first to claim the job's row in `<schema>.job_runs`
/// (one statement: "started more than 90 % of an interval ago? then it is mine") runs it, the
/// others see the fresh start time and wait for the next round. Nothing is held while the job
/// runs, so a replica that dies mid-run only delays the next run by one interval. The job should
/// be idempotent and made of its own short transactions.
public struct PeriodicJob: Service {
    /// What to run and how often.
    public struct Definition: Sendable {
        /// The job's name, unique within the service (its row in `job_runs`).
        public var name: String
        /// How often it runs across all replicas.
        public var interval: Duration
        /// Whether it runs right at start (if no replica ran it within the interval).
        public var runsAtStart: Bool
        /// The work; returns a short summary for the log.
        public var work: @Sendable () async throws -> String

        public init(name: String, interval: Duration, runsAtStart: Bool = true, work: @escaping @Sendable () async throws -> String) {
            self.name = name
            self.interval = interval
            self.runsAtStart = runsAtStart
            self.work = work
        }
    }

    private let definition: Definition
    private let schema: String
    private let pool: PostgresPool
    private let holder: String
    private let logger: Logger

    public init(_ definition: Definition, schema: String, pool: PostgresPool, logger: Logger) {
        self.definition = definition
        self.schema = schema
        self.pool = pool
        holder = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)"
        var logger = logger
        logger[metadataKey: "job"] = .string(definition.name)
        self.logger = logger
    }

    public func run() async throws {
        var first = true
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if !first || definition.runsAtStart { await runIfDue() }
            first = false
            // The sleep ends early (throwing) on graceful shutdown or cancellation.
            do {
                try await cancelWhenGracefulShutdown { [interval = definition.interval] in try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }

    /// Runs the job if no replica started it within 90 % of its interval.
    /// - Returns: whether this replica ran it.
    @discardableResult
    public func runIfDue() async -> Bool {
        do {
            guard try await claim() else { return false }
            let summary = try await definition.work()
            try await pool.execute("""
                UPDATE \(unescaped: schema).job_runs SET last_finished_at = now() WHERE name = \(definition.name)
                """)
            logger.info("periodic job ran", metadata: ["job.summary": "\(summary)"])
            return true
        } catch {
            logger.warning("periodic job failed; it runs again next round", metadata: ["error": "\(error)"])
            return false
        }
    }

    private func claim() async throws -> Bool {
        let seconds = Double(definition.interval.components.seconds) * 0.9
        let rows = try await pool.query("""
            INSERT INTO \(unescaped: schema).job_runs AS j (name, last_started_at, holder)
            VALUES (\(definition.name), now(), \(holder))
            ON CONFLICT (name) DO UPDATE SET last_started_at = excluded.last_started_at, holder = excluded.holder
            WHERE j.last_started_at <= now() - make_interval(secs => \(seconds))
            RETURNING name
            """)
        return !rows.isEmpty
    }
}
