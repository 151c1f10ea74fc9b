import Foundation
import StrideTestSupport
import Logging
import Synchronization
import Testing

@testable import StridePostgres

@Suite("Pool")
struct PoolTests {
    @Test func exhaustedPoolTimesOutWithAClearError() async throws {
        try await TestDatabase.withSchema(maxConnections: 1, acquireTimeout: .milliseconds(300)) { pool, _ in
            let (held, release) = AsyncStream<Void>.makeStream()
            let (acquired, signalAcquired) = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await pool.withConnection { _ in
                    signalAcquired.yield()
                    for await _ in held { break }
                }
            }
            for await _ in acquired { break }
            let started = ContinuousClock.now
            let error = try await #require(throws: PostgresError.self) { try await pool.query("SELECT 1") }
            let waited = ContinuousClock.now - started
            #expect(error.code == .poolTimeout)
            #expect(error.message.contains("1 of 1 connections are busy"), "\(error.message)")
            // It waited for its timeout (a lower bound, which a busy machine cannot break) before giving up.
            #expect(waited >= .milliseconds(250), "\(waited)")
            release.yield()
            release.finish()
            try await holder.value
            try await pool.ping()  // the held connection came back and works
        }
    }

    @Test func waitersAreServedFirstComeFirstServed() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, _ in
            let order = Shared<[Int]>([])
            let (held, release) = AsyncStream<Void>.makeStream()
            let (acquired, signalAcquired) = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await pool.withConnection { _ in
                    signalAcquired.yield()
                    for await _ in held { break }
                }
            }
            for await _ in acquired { break }
            var waiters: [Task<Void, any Error>] = []
            for number in 1...3 {
                waiters.append(Task { try await pool.withConnection { _ in order.withLock { $0.append(number) } } })
                // Queue them in a known order: the next starts once this one is waiting.
                try await waitUntil("waiter \(number) to queue") { pool.state.withLock { $0.waiters.count } == number }
            }
            release.yield()
            try await holder.value
            for waiter in waiters { try await waiter.value }
            #expect(order.withLock { $0 } == [1, 2, 3])
        }
    }

    @Test func unreachableDatabaseFailsFastWithAConnectionError() async throws {
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: "postgres://postgres@127.0.0.1:1/postgres?connect_timeout=2"),
            maxConnections: 2, logger: TestDatabase.logger)
        // A connection error, not the generous hang guard's timeout.
        let error = try await #require(throws: PostgresError.self) {
            try await withTimeout(.seconds(60)) { try await pool.ping() }
        }
        #expect(error.code == .connection)
        #expect(error.message.contains("127.0.0.1") && error.message.contains("1"), "\(error.message)")
        // The failed attempt gave its slot back: the next attempt fails the same way, it does not time out.
        let again = try await #require(throws: PostgresError.self) { try await pool.ping() }
        #expect(again.code == .connection)
        await pool.close()
    }

    @Test func brokenConnectionsAreDiscardedAndReplaced() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, _ in
            let first = try await pool.query("SELECT pg_backend_pid() AS pid")[0].decode("pid", as: Int32.self)
            let other = PostgresPool(configuration: try TestDatabase.configuration(), maxConnections: 1, logger: TestDatabase.logger)
            try await other.execute("SELECT pg_terminate_backend(\(first))")
            try await waitUntil("backend \(first) to exit") {
                try await other.query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = \(first)")[0].decode("n", as: Int64.self) == 0
            }
            await other.close()
            let second = try await pool.query("SELECT pg_backend_pid() AS pid")[0].decode("pid", as: Int32.self)
            #expect(second != first)
        }
    }

    @Test func queryErrorsCarrySQLStateAndLeaveTheConnectionUsable() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).people (email text UNIQUE)")
            try await pool.execute("INSERT INTO \(identifier: schema).people VALUES (\("a@example.com"))")
            let duplicate = try await #require(throws: PostgresError.self) {
                try await pool.execute("INSERT INTO \(identifier: schema).people VALUES (\("a@example.com"))")
            }
            #expect(duplicate.code == .query)
            #expect(duplicate.isUniqueViolation)
            #expect(duplicate.detail?.contains("a@example.com") == true)
            let syntax = try await #require(throws: PostgresError.self) { try await pool.query("SELEC 1") }
            #expect(syntax.sqlState == "42601")
            #expect(try await pool.execute("UPDATE \(identifier: schema).people SET email = email") == 1)
        }
    }

    @Test func closedPoolRefusesWork() async throws {
        let pool = PostgresPool(configuration: try TestDatabase.configuration(), maxConnections: 1, logger: TestDatabase.logger)
        try await pool.ping()
        await pool.close()
        let error = try await #require(throws: PostgresError.self) { try await pool.ping() }
        #expect(error.code == .closed)
        await pool.close()  // idempotent
    }
}
