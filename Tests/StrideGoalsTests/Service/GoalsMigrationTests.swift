import Foundation
import Logging
import StrideGoals
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// The goals schema migrates from scratch and from every earlier state, with the runtime's
/// migrations ordered before goals' own (1–99, then 100 on).
@Suite("Goals schema migrations", .serialized)
struct GoalsMigrationTests {
    static func withPool(_ body: (PostgresPool, Logger) async throws -> Void) async throws {
        var logger = Logger(label: "stride.goals.tests.migrations")
        logger.logLevel = .warning
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: try TestEnvironment.databaseURL()), maxConnections: 2, logger: logger)
        do {
            try await body(pool, logger)
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }

    /// The argument lists of the schema's `uuid_v7` functions, and ids made by calling it without arguments.
    static func uuidFunctions(in schema: String, pool: PostgresPool) async throws -> (signatures: [String], ids: [String]) {
        let signatures = try await pool.query("""
            SELECT pg_get_function_identity_arguments(p.oid) FROM pg_proc p
            WHERE p.proname = 'uuid_v7' AND p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = \(schema))
            """).map { try $0.decode(0, as: String.self) }
        let ids = try await pool.query("SELECT \(unescaped: schema).uuid_v7()::text FROM generate_series(1, 100)")
            .map { try $0.decode(0, as: String.self) }
        return (signatures, ids)
    }

    static func expectTimeOrdered(_ ids: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(ids.count == 100 && Set(ids).count == 100, sourceLocation: sourceLocation)
        for id in ids {
            let recorded = TimeOrderedID.timestamp(of: id)
            #expect(recorded.map { abs($0.timeIntervalSinceNow) < 60 } == true, "\(id) is not a recent version 7 id", sourceLocation: sourceLocation)
        }
    }

    @Test("a new schema migrates from scratch: every version once, and one uuid_v7() — the runtime's")
    func fromScratch() async throws {
        try await Self.withPool { pool, logger in
            let schema = TestEnvironment.uniqueName("goals_fresh")
            let all = RuntimeMigrations.all + GoalsMigrations.all
            let applied = try await PostgresMigrator(schema: schema, migrations: all, logger: logger).migrate(pool)
            #expect(applied == all.map(\.version).sorted())
            let (signatures, ids) = try await Self.uuidFunctions(in: schema, pool: pool)
            #expect(signatures == ["issued_at timestamp with time zone"])
            Self.expectTimeOrdered(ids)
            #expect(try await PostgresMigrator(schema: schema, migrations: all, logger: logger).migrate(pool) == [])
            try await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
        }
    }

    @Test("a schema with goals' own uuid_v7() (goals 104 and 106 applied) moves to the runtime's")
    func fromGoalsOwnFunction() async throws {
        try await Self.withPool { pool, logger in
            let schema = TestEnvironment.uniqueName("goals_existing")
            // The database as it was before the runtime had uuid_v7: runtime 1–9, goals 100–108.
            let before = RuntimeMigrations.all.filter { $0.version <= 9 } + GoalsMigrations.all.filter { $0.version <= 108 }
            try await PostgresMigrator(schema: schema, migrations: before, logger: logger).migrate(pool)
            let old = try await Self.uuidFunctions(in: schema, pool: pool)
            #expect(old.signatures == [""])
            Self.expectTimeOrdered(old.ids)

            let applied = try await PostgresMigrator(schema: schema, migrations: RuntimeMigrations.all + GoalsMigrations.all, logger: logger)
                .migrate(pool)
            #expect(applied == RuntimeMigrations.all.map(\.version).filter { $0 > 9 } + [109, 110, 111, 112])
            let (signatures, ids) = try await Self.uuidFunctions(in: schema, pool: pool)
            #expect(signatures == ["issued_at timestamp with time zone"])
            Self.expectTimeOrdered(ids)
            try await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
        }
    }
}
