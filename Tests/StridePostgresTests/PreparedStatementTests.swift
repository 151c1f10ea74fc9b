import Foundation
import StridePostgres
import Testing

/// Statements marked ``PostgresQuery/isPrepared`` are prepared once per connection and survive
/// the server forgetting them.
@Suite("Prepared statements")
struct PreparedStatementTests {
    @Test func aMarkedStatementIsPreparedOncePerConnectionAndReused() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int, name text)")
            try await pool.withConnection { connection in
                for n in 0..<5 {
                    let insert: PostgresQuery = "INSERT INTO \(identifier: schema).t VALUES (\(n), \("row \(n)"))"
                    #expect(try await connection.execute(insert.prepared()) == 1)
                }
                let select: PostgresQuery = "SELECT count(*) AS n, max(name) AS last FROM \(identifier: schema).t WHERE n >= \(1)"
                let rows = try await connection.query(select.prepared())
                #expect(try rows[0].decode("n", as: Int.self) == 4)
                #expect(try rows[0].decode("last", as: String.self) == "row 4")
                let prepared = try await connection.query("""
                    SELECT count(*) FILTER (WHERE statement LIKE 'INSERT%') AS inserts, count(*) AS total FROM pg_prepared_statements
                    """)
                #expect(try prepared[0].decode("inserts", as: Int.self) == 1)
                #expect(try prepared[0].decode("total", as: Int.self) == 2)
            }
        }
    }

    @Test func anUnmarkedStatementIsPreparedOnceItRepeats() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int)")
            try await pool.withConnection { connection in
                func preparedInserts() async throws -> Int {
                    let rows = try await connection.query("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE 'INSERT%'")
                    return try rows[0].decode("n", as: Int.self)
                }
                try await connection.execute("INSERT INTO \(identifier: schema).t VALUES (\(1))")
                #expect(try await preparedInserts() == 0)
                for n in 2...6 { try await connection.execute("INSERT INTO \(identifier: schema).t VALUES (\(n))") }
                #expect(try await preparedInserts() == 1)
                #expect(try await connection.query("SELECT sum(n) AS s FROM \(identifier: schema).t")[0].decode("s", as: Int.self) == 21)
            }
        }
    }

    @Test func aStatementTheServerForgotIsPreparedAgain() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int)")
            let insert: PostgresQuery = "INSERT INTO \(identifier: schema).t VALUES (\(1))"
            try await pool.execute(insert.prepared())
            try await pool.execute("DEALLOCATE ALL")
            // Outside a transaction it is prepared again at once.
            try await pool.execute(insert.prepared())
            // Inside one, the transaction fails and runs again.
            try await pool.execute("DEALLOCATE ALL")
            let attempts = Shared(0)
            try await pool.transaction { connection in
                attempts.withLock { $0 += 1 }
                try await connection.execute(insert.prepared())
            }
            #expect(attempts.withLock { $0 } == 2)
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").count == 3)
        }
    }

    @Test func aPreparedStatementsParametersKeepTheirChecks() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, _ in
            let nul: PostgresQuery = "SELECT \("a\u{0}b")::text AS t"
            let error = try await #require(throws: PostgresError.self) { try await pool.query(nul.prepared()) }
            #expect(error.message.contains("NUL"))
            let null: PostgresQuery = "SELECT \(Int?.none)::int IS NULL AS empty"
            #expect(try await pool.query(null.prepared())[0].decode("empty", as: Bool.self))
        }
    }

    @Test("behind a transaction-mode pooler nothing is prepared; with `marked` only marked statements are", arguments: [
        (PreparedStatementPolicy.never, 0), (.marked, 1), (.automatic, 2),
    ])
    func policy(_ policy: PreparedStatementPolicy, expected: Int) async throws {
        var configuration = try TestDatabase.configuration()
        configuration.preparedStatements = policy
        let pool = PostgresPool(configuration: configuration, maxConnections: 1, logger: TestDatabase.logger)
        try await pool.withConnection { connection in
            let marked: PostgresQuery = "SELECT \(1)::int AS marked"
            let repeated: PostgresQuery = "SELECT \(2)::int AS repeated"
            for _ in 0..<5 {
                #expect(try await connection.query(marked.prepared())[0].decode(0, as: Int.self) == 1)
                #expect(try await connection.query(repeated)[0].decode(0, as: Int.self) == 2)
            }
            let count = try await connection.query("SELECT count(*) FROM pg_prepared_statements")[0].decode(0, as: Int.self)
            #expect(count == expected)
        }
        await pool.close()
    }
}
