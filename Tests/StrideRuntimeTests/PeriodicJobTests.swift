import Foundation
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Synchronization
import Testing

/// Periodic jobs run on one replica per interval; the retention job purges what is old and only that.
@Suite("Periodic jobs and retention")
struct PeriodicJobTests {
    let fixture: RuntimeFixture

    init() async throws {
        fixture = try await RuntimeFixture()
    }

    @Test("of several replicas due at once, exactly one runs the job; the next round is not due yet")
    func oneReplicaRunsTheJob() async throws {
        let schema = try await fixture.migratedSchema("job")
        let runs = Mutex(0)
        let definition = PeriodicJob.Definition(name: "sweep", interval: .seconds(3_600)) {
            runs.withLock { $0 += 1 }
            return "swept"
        }
        let replicas = (0..<4).map { _ in PeriodicJob(definition, schema: schema, pool: fixture.pool, logger: fixture.logger) }
        let ran = await withTaskGroup(of: Bool.self) { group in
            for replica in replicas { group.addTask { await replica.runIfDue() } }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(ran == 1)
        #expect(runs.withLock { $0 } == 1)
        #expect(await replicas[0].runIfDue() == false, "it ran within the interval")
        #expect(try await fixture.count("\(schema).job_runs WHERE name = 'sweep' AND last_finished_at IS NOT NULL") == 1)

        // Once the interval has passed, it is due again.
        try await fixture.pool.execute("UPDATE \(unescaped: schema).job_runs SET last_started_at = now() - interval '2 hours'")
        #expect(await replicas[1].runIfDue())
        #expect(runs.withLock { $0 } == 2)
    }

    @Test("a failing job is retried next round, not marked finished")
    func failingJob() async throws {
        let schema = try await fixture.migratedSchema("job")
        struct Broken: Error {}
        let job = PeriodicJob(
            PeriodicJob.Definition(name: "broken", interval: .seconds(3_600)) { throw Broken() },
            schema: schema, pool: fixture.pool, logger: fixture.logger)
        #expect(await job.runIfDue() == false)
        #expect(try await fixture.count("\(schema).job_runs WHERE last_finished_at IS NOT NULL") == 0)
    }

    @Test("retention purges published outbox rows, inbox rows and idempotency keys older than their ages, and nothing else")
    func retention() async throws {
        let schema = try await fixture.migratedSchema("ret")
        let s = schema
        try await fixture.pool.execute("""
            INSERT INTO \(unescaped: s).outbox (event_id, topic, partition_key, event_type, headers, payload, created_at, published_at)
            SELECT gen_random_uuid(), 't', 'k', 'e', '[]', '{}', now() - interval '3 days', p
            FROM unnest(ARRAY[now() - interval '2 days', now() - interval '1 minute', NULL]::timestamptz[]) AS p
            """)
        try await fixture.pool.execute("""
            INSERT INTO \(unescaped: s).inbox (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, processed_at)
            VALUES ('c', 'old', 'e', 't', 0, 0, now() - interval '20 days'), ('c', 'new', 'e', 't', 0, 1, now() - interval '1 day'),
                   ('', 'legacy', 'e', 't', 0, 2, now() - interval '30 days')
            """)
        try await fixture.pool.execute("""
            INSERT INTO \(unescaped: s).idempotency_keys (principal, key, request_hash, status, response_body, created_at)
            VALUES ('p', 'old', 'h', 200, '{}', now() - interval '2 days'), ('p', 'new', 'h', 200, '{}', now())
            """)
        let policy = RetentionPolicy(publishedOutboxRows: .seconds(86_400))
        let job = PeriodicJob(policy.job(schema: schema, pool: fixture.pool), schema: schema, pool: fixture.pool, logger: fixture.logger)
        #expect(await job.runIfDue())
        #expect(try await fixture.count("\(s).outbox") == 2, "the recently published and the pending row stay")
        #expect(try await fixture.count("\(s).outbox WHERE published_at IS NULL") == 1, "a pending row is never purged")
        #expect(try await fixture.count("\(s).inbox") == 1)
        #expect(try await fixture.count("\(s).inbox WHERE event_id = 'new'") == 1)
        #expect(try await fixture.count("\(s).idempotency_keys") == 1)
        #expect(try await fixture.count("\(s).idempotency_keys WHERE key = 'new'") == 1)
        // By default delivered rows are deleted by the relay; rows marked published before (or
        // while the retention was positive) go with the next purge.
        #expect(try await RetentionPolicy().purge(fixture.pool, schema: s, table: "outbox", column: "published_at", olderThan: .zero) == 1)
        #expect(try await fixture.count("\(s).outbox") == 1)
        #expect(try await fixture.count("\(s).outbox WHERE published_at IS NULL") == 1, "a pending row is never purged")
    }
}
