import StridePostgres
import Testing

/// Hostile input bound as parameters stays data.
@Suite("SQL injection")
struct InjectionTests {
    @Test func hostileStringsAreStoredVerbatimAndChangeNothing() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).x (id serial PRIMARY KEY, name text)")
            let attacks = [
                "'); DROP TABLE \(schema).x; --",
                "' OR '1'='1",
                "\\'; DELETE FROM \(schema).x; --",
                "Robert\"); DROP TABLE x;--",
                "$1 $2 \\\\ \\x00",
                "'; SELECT pg_sleep(10); --",
            ]
            for attack in attacks {
                try await pool.execute("INSERT INTO \(identifier: schema).x (name) VALUES (\(attack))")
            }
            let rows = try await pool.query("SELECT name FROM \(identifier: schema).x ORDER BY id")
            #expect(try rows.map { try $0.decode("name", as: String.self) } == attacks)
            // A classic tautology matches nothing because it is a value, not SQL.
            let tautology = try await pool.query("SELECT count(*) AS n FROM \(identifier: schema).x WHERE name = \("x' OR '1'='1")")
            #expect(try tautology[0].decode("n", as: Int.self) == 0)
            let exact = try await pool.query("SELECT count(*) AS n FROM \(identifier: schema).x WHERE name = \(attacks[0])")
            #expect(try exact[0].decode("n", as: Int.self) == 1)
        }
    }

    @Test func nulCharactersAreRejectedInsteadOfTruncated() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let error = try await #require(throws: PostgresError.self) { try await pool.query("SELECT \("before\u{0}after")::text") }
            #expect(error.message.contains("NUL"))
        }
    }
}
