import Foundation
import StridePostgres
import Testing

/// A transaction's `BEGIN` travels with its first statement (pipeline mode); it must behave
/// exactly like a `BEGIN` of its own.
@Suite("BEGIN with the first statement")
struct DeferredBeginTests {
    @Test func theFirstStatementRunsInsideTheTransactionAtItsIsolationLevel() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, _ in
            let (first, second, isolation) = try await pool.transaction(isolation: .serializable) { connection in
                let first = try await connection.query("SELECT txid_current()::text AS id, current_setting('transaction_isolation') AS level")
                let second = try await connection.query("SELECT txid_current()::text AS id")
                return (try first[0].decode("id", as: String.self), try second[0].decode("id", as: String.self),
                        try first[0].decode("level", as: String.self))
            }
            #expect(first == second)
            #expect(isolation == "serializable")
        }
    }

    @Test func aPreparedFirstStatementAndAFailingOneRollBackCleanly() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int PRIMARY KEY)")
            let insert: (Int) -> PostgresQuery = { n in ("INSERT INTO \(identifier: schema).t VALUES (\(n))" as PostgresQuery).prepared() }
            try await pool.transaction { connection in
                try await connection.execute(insert(1))
                try await connection.execute(insert(2))
            }
            await #expect(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    try await connection.execute(insert(1))  // the first statement fails: duplicate key
                }
            }
            struct Abandon: Error {}
            await #expect(throws: Abandon.self) {
                try await pool.transaction { connection in
                    try await connection.execute(insert(3))
                    throw Abandon()
                }
            }
            let emptyResult = try await pool.transaction { _ in 42 }  // no statement, no BEGIN sent
            #expect(emptyResult == 42)
            let rows = try await pool.query("SELECT n FROM \(identifier: schema).t ORDER BY n")
            #expect(try rows.map { try $0.decode("n", as: Int.self) } == [1, 2])
        }
    }

    @Test func aCopyAsTheFirstStatementIsInsideTheTransaction() async throws {
        try await TestDatabase.withSchema(maxConnections: 1) { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (n int)")
            struct Abandon: Error {}
            await #expect(throws: Abandon.self) {
                try await pool.transaction { connection in
                    _ = try await connection.copyIn("COPY \(PostgresQuery.quoteIdentifier(schema)).t (n) FROM STDIN", rows: 0..<10) { n, row in
                        try row.encode(n)
                    }
                    throw Abandon()
                }
            }
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").isEmpty)
        }
    }
}
