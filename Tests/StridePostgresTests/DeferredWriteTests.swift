import Foundation
import StridePostgres
import Testing

/// Deferred writes travel with the transaction's next statement or its `COMMIT`, and several
/// independent statements can share one round trip; both must behave exactly as the statements
/// run one by one would, failures included.
@Suite("Deferred writes and pipelined statements")
struct DeferredWriteTests {
    @Test func aDeferredWriteIsSeenByTheNextStatementAndCommitted() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            let seen = try await pool.transaction { connection in
                try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(1))")
                try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(2))")
                let rows = try await connection.query("SELECT count(*)::int AS n FROM \(identifier: schema).t")
                try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(3))")  // goes with COMMIT
                return try rows[0].decode("n", as: Int.self)
            }
            #expect(seen == 2)
            let rows = try await pool.query("SELECT n FROM \(identifier: schema).t ORDER BY n")
            #expect(try rows.map { try $0.decode("n", as: Int.self) } == [1, 2, 3])
        }
    }

    @Test func aFailingDeferredWriteFailsTheCommitAndNothingIsKept() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            try await pool.execute("INSERT INTO \(identifier: schema).t VALUES (1)")
            let error = await #expect(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(2))")
                    try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(1))")  // duplicate
                    try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(3))")
                }
            }
            #expect(error?.sqlState == "23505")
            // The connection went back clean: the next transaction on it works.
            let rows = try await pool.transaction { connection in
                try await connection.query("SELECT n FROM \(identifier: schema).t ORDER BY n")
            }
            #expect(try rows.map { try $0.decode("n", as: Int.self) } == [1])
        }
    }

    @Test func aFailingDeferredWriteIsThrownByTheNextStatement() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            try await pool.execute("INSERT INTO \(identifier: schema).t VALUES (1)")
            var reachedAfter = false
            await #expect(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(1))")
                    _ = try await connection.query("SELECT 1")
                    reachedAfter = true
                }
            }
            #expect(!reachedAfter)
        }
    }

    @Test func aRollbackDropsDeferredWritesUnsent() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int)")
            struct Abandon: Error {}
            await #expect(throws: Abandon.self) {
                try await pool.transaction { connection in
                    _ = try await connection.query("SELECT 1")
                    try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(1))")
                    throw Abandon()
                }
            }
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").isEmpty)
        }
    }

    @Test func outsideATransactionADeferredWriteRunsNow() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            try await pool.withConnection { connection in
                try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(1))")
                await #expect(throws: PostgresError.self) {
                    try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(1))")
                }
            }
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").count == 1)
        }
    }

    @Test func textPostgreSQLCannotStoreIsRefusedAtOnceAndTheTransactionCarriesOn() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (s text)")
            try await pool.transaction { connection in
                try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\("kept"))")
                await #expect(throws: PostgresError.self) {
                    try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\("a\u{0}b"))")
                }
                await #expect(throws: PostgresError.self) {
                    _ = try await connection.query("SELECT \("a\u{0}b")::text")
                }
            }
            let rows = try await pool.query("SELECT s FROM \(identifier: schema).t")
            #expect(try rows.map { try $0.decode("s", as: String.self) } == ["kept"])
        }
    }

    @Test func pipelinedStatementsAnswerInOrderAndTheFirstFailureStopsTheRest() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            let answers = try await pool.transaction { connection in
                try await connection.executeDeferred("INSERT INTO \(identifier: schema).t VALUES (\(7))")
                return try await connection.query([
                    "SELECT n FROM \(identifier: schema).t", ("SELECT \(2)::int AS n" as PostgresQuery).prepared(), "SELECT 3 AS n",
                ])
            }
            #expect(try answers.map { try $0[0].decode("n", as: Int.self) } == [7, 2, 3])

            await #expect(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    _ = try await connection.query([
                        "INSERT INTO \(identifier: schema).t VALUES (\(8))", "SELECT 1/0", "INSERT INTO \(identifier: schema).t VALUES (\(9))",
                    ])
                }
            }
            let rows = try await pool.query("SELECT n FROM \(identifier: schema).t ORDER BY n")
            #expect(try rows.map { try $0.decode("n", as: Int.self) } == [7])
        }
    }

    @Test func preparedStatementsInAPipelineArePreparedOnceAndReused() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int)")
            for round in 0..<5 {
                try await pool.transaction { connection in
                    try await connection.executeDeferred(("INSERT INTO \(identifier: schema).t VALUES (\(round))" as PostgresQuery).prepared())
                }
            }
            let prepared = try await pool.withConnection { connection in
                try await connection.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO%'")
            }
            #expect(try prepared[0].decode("n", as: Int.self) == 1)
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").count == 5)
        }
    }
}
