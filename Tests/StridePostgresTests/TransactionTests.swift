import StridePostgres
import Synchronization
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Boom: Error {}

    @Test func bodyErrorRollsBackAndRethrows() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).goals (title text)")
            await #expect(throws: Boom.self) {
                try await pool.transaction { connection in
                    try await connection.execute("INSERT INTO \(identifier: schema).goals VALUES (\("ship it"))")
                    throw Boom()
                }
            }
            let count = try await pool.query("SELECT count(*) AS n FROM \(identifier: schema).goals")[0].decode("n", as: Int.self)
            #expect(count == 0)
            // Commit path, for contrast.
            let value = try await pool.transaction { connection in
                try await connection.execute("INSERT INTO \(identifier: schema).goals VALUES (\("kept"))")
            }
            #expect(value == 1)
            #expect(try await pool.query("SELECT title FROM \(identifier: schema).goals")[0].decode("title", as: String.self) == "kept")
        }
    }

    @Test func commitAfterAFailedStatementIsAnError() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).t (id int PRIMARY KEY)")
            let error = try await #require(throws: PostgresError.self) {
                try await pool.transaction { connection in
                    try await connection.execute("INSERT INTO \(identifier: schema).t VALUES (1)")
                    _ = try? await connection.execute("INSERT INTO \(identifier: schema).t VALUES (1)")  // swallowed failure
                }
            }
            #expect(error.sqlState == "25P02")
            #expect(try await pool.query("SELECT * FROM \(identifier: schema).t").isEmpty)
        }
    }

    @Test func serializationFailuresAreRetried() async throws {
        try await TestDatabase.withSchema { pool, schema in
            try await pool.execute("CREATE TABLE \(identifier: schema).ledger (v int)")
            try await pool.execute("INSERT INTO \(identifier: schema).ledger VALUES (1)")
            let runs = Shared(0)
            let barrier = Barrier(parties: 2)
            // Each transaction reads the sum and appends sum + 1. Run concurrently under SERIALIZABLE,
            // the second to commit must fail with 40001 and be retried, seeing the first one's row.
            let body: @Sendable (PostgresConnection) async throws -> Void = { connection in
                let attempt = runs.withLock { $0 += 1; return $0 }
                let sum = try await connection.query("SELECT sum(v)::int AS s FROM \(identifier: schema).ledger")[0].decode("s", as: Int.self)
                if attempt <= 2 { await barrier.arrive() }  // both first attempts read before either writes
                try await connection.execute("INSERT INTO \(identifier: schema).ledger VALUES (\(sum + 1))")
            }
            try await withTimeout(.seconds(30)) {
                async let first: Void = pool.transaction(isolation: .serializable, body)
                async let second: Void = pool.transaction(isolation: .serializable, body)
                _ = try await (first, second)
            }
            #expect(runs.withLock { $0 } >= 3, "the body should have run again after a serialization failure")
            let values = try await pool.query("SELECT v FROM \(identifier: schema).ledger ORDER BY v").map { try $0.decode("v", as: Int.self) }
            #expect(values == [1, 2, 4])
        }
    }

    @Test func retriesStopAfterMaxAttempts() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let runs = Shared(0)
            let error = try await #require(throws: PostgresError.self) {
                try await pool.transaction(maxAttempts: 3) { connection in
                    runs.withLock { $0 += 1 }
                    try await connection.execute("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001', MESSAGE = 'forced'; END $$")
                }
            }
            #expect(error.isRetryableTransactionFailure)
            #expect(runs.withLock { $0 } == 3)
        }
    }
}

/// Lets `parties` tasks wait until all of them have arrived.
actor Barrier {
    private let parties: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    init(parties: Int) { self.parties = parties }

    func arrive() async {
        if waiting.count + 1 == parties {
            waiting.forEach { $0.resume() }
            waiting = []
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}
