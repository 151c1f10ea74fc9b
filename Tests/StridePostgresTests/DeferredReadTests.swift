import Foundation
import StridePostgres
import Synchronization
import Testing

/// A deferred read travels with the transaction's next round trip as a deferred write does, and
/// its rows are there once that round trip is back: not before, and never after a rollback.
@Suite("Deferred reads")
struct DeferredReadTests {
    @Test func theRowsArriveWithTheNextStatementAndTheStatementRanFirst() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            let (pending, afterwards, seen) = try await pool.transaction { connection in
                let claim = try await connection.queryDeferred(
                    "INSERT INTO \(identifier: schema).t VALUES (\(1)) ON CONFLICT DO NOTHING RETURNING n")
                let pending = claim.rows == nil
                let seen = try await connection.query("SELECT count(*)::int AS n FROM \(identifier: schema).t")
                return (pending, claim.rows, try seen[0].decode("n", as: Int.self))
            }
            #expect(pending, "nothing was sent before the next statement")
            #expect(try afterwards.map { try $0.map { try $0.decode("n", as: Int.self) } } == [1])
            #expect(seen == 1, "the deferred statement ran before the one that carried it")
        }
    }

    @Test func aTakenRowReadsEmptyAndFlushSendsItAlone() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            try await pool.execute("INSERT INTO \(identifier: schema).t VALUES (1)")
            let rows = try await pool.transaction { connection in
                let claim = try await connection.queryDeferred(
                    "INSERT INTO \(identifier: schema).t VALUES (\(1)) ON CONFLICT DO NOTHING RETURNING n")
                try await connection.flushDeferred()
                return claim.rows
            }
            #expect(rows?.isEmpty == true)
        }
    }

    @Test func aRollbackLeavesTheReadUnsentAndItsRowsNil() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int)")
            struct Abandon: Error {}
            let holder = Holder()
            await #expect(throws: Abandon.self) {
                try await pool.transaction { connection in
                    _ = try await connection.query("SELECT 1")
                    holder.claim = try await connection.queryDeferred("INSERT INTO \(identifier: schema).t VALUES (\(1)) RETURNING n")
                    throw Abandon()
                }
            }
            #expect(holder.claim != nil && holder.claim?.rows == nil)
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").isEmpty)
        }
    }

    @Test func aFailedRoundTripDeliversNothing() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            let holder = Holder()
            await #expect(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    holder.claim = try await connection.queryDeferred("INSERT INTO \(identifier: schema).t VALUES (\(1)) RETURNING n")
                    _ = try await connection.query("SELECT 1 / 0")
                }
            }
            #expect(holder.claim?.rows == nil)
        }
    }

    @Test func outsideATransactionADeferredReadRunsNow() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            let rows = try await pool.withConnection { connection in
                try await connection.queryDeferred("SELECT \(41) + 1 AS n").rows
            }
            #expect(try rows?.first?.decode("n", as: Int.self) == 42)
        }
    }

    /// Carries a reader out of a transaction closure that throws.
    final class Holder: Sendable {
        private let storage = Mutex<PostgresDeferredRows?>(nil)
        var claim: PostgresDeferredRows? {
            get { storage.withLock { $0 } }
            set { storage.withLock { $0 = newValue } }
        }
    }
}
