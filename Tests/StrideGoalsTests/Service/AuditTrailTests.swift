import Foundation
import HTTPTypes
import Logging
import StrideContracts
import StrideGoals
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// Goals' audit through the runtime's trail: a database from before the move keeps its entries
/// (same ids, same answers), and a write that names no actor is still refused.
@Suite("Goals audit on the runtime's trail", .serialized)
struct AuditTrailTests {
    static func withPool(_ body: (PostgresPool, Logger) async throws -> Void) async throws {
        var logger = Logger(label: "stride.goals.tests.audit")
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

    @Test("a schema audited by goals' own trigger migrates: old entries keep their ids and read the same; new ones follow")
    func migratesTheOldTrail() async throws {
        try await Self.withPool { pool, logger in
            let schema = TestEnvironment.uniqueName("goals_audit")
            // The database as it was before the move: runtime 1–8, goals 100–106.
            let before = RuntimeMigrations.all.filter { $0.version <= 8 } + GoalsMigrations.all.filter { $0.version <= 106 }
            try await PostgresMigrator(schema: schema, migrations: before, logger: logger).migrate(pool)
            try await pool.transaction { connection in
                _ = try await connection.query("SELECT set_config('stride.actor', 'hr', true), set_config('stride.action', 'create', true)")
                try await connection.execute("""
                    INSERT INTO \(unescaped: schema).periods (period_id, org_unit_id, name, kind, starts_on, ends_on, created_by)
                    VALUES ('p1', 'acme', 'FY', 'year', '2026-01-01', '2026-12-31', 'hr')
                    """)
                try await connection.execute("""
                    INSERT INTO \(unescaped: schema).goals (goal_id, period_id, owner_id, level, kind, title, weight, status, created_by)
                    VALUES ('g1', 'p1', 'acme', 'company', 'milestone', 'Win', 100, 'active', 'hr')
                    """)
                _ = try await connection.query("SELECT set_config('stride.actor', 'vp1', true), set_config('stride.action', 'update', true)")
                try await connection.execute("UPDATE \(unescaped: schema).goals SET title = 'Win EMEA', version = 2 WHERE goal_id = 'g1'")
                try await connection.execute("""
                    INSERT INTO \(unescaped: schema).audit_log (entity_type, entity_id, actor_id, action, before, after)
                    VALUES ('period', 'p1', 'hr', 'close', '{"status": "open"}', '{"status": "closed"}')
                    """)
            }
            let oldIDs = try await pool.query("SELECT audit_id FROM \(unescaped: schema).audit_log WHERE entity_id = 'g1' ORDER BY audit_id")
                .map { try $0.decode(0, as: Int64.self) }

            // Today's migrations: the runtime's trail (9) and goals' move onto it (107), and what came after.
            let applied = try await PostgresMigrator(schema: schema, migrations: RuntimeMigrations.all + GoalsMigrations.all, logger: logger)
                .migrate(pool)
            #expect(applied == RuntimeMigrations.all.map(\.version).filter { $0 >= 9 } + [107, 108, 109, 110, 111, 112])
            let trail = AuditTrail(schema: schema)
            try await pool.transaction { connection in
                let goal = try await trail.history(of: "goals", recordID: "g1", afterID: nil, limit: 10, on: connection)
                #expect(goal.map(\.auditID) == oldIDs)
                #expect(goal.map(\.actorID) == ["hr", "vp1"])
                #expect(goal.map(\.action) == ["create", "update"])
                let title = try #require(goal.last?.changes.first { $0.field == "title" })
                #expect(title.before == #""Win""#)
                #expect(title.after == #""Win EMEA""#)
                let period = try await trail.history(of: "periods", recordID: "p1", afterID: nil, limit: 10, on: connection)
                #expect(period.map(\.action) == ["close"])

                // New writes are audited by the runtime's trigger, after the old entries.
                try await Audit.identify(actor: "hr2", action: "update", on: connection)
                try await connection.execute("UPDATE \(unescaped: schema).goals SET weight = 50 WHERE goal_id = 'g1'")
                let after = try await trail.history(of: "goals", recordID: "g1", afterID: oldIDs.last, limit: 10, on: connection)
                #expect(after.count == 1)
                #expect(after.first.map { $0.auditID > oldIDs.last! } == true)
                #expect(after.first?.actorID == "hr2")
                #expect(after.first?.changes.map(\.field) == ["weight"])
            }
            #expect(try await pool.query("SELECT to_regclass(\(schema + ".audit_log"))::text").first!.decode(0, as: String?.self) == nil)
            try await pool.execute("DROP SCHEMA \(unescaped: schema) CASCADE")
        }
    }

    @Test("a write to an audited table without an actor is refused and changes nothing")
    func writeWithoutActorIsRefused() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let goal = try await h.createGoal(as: "hr", period: period, #""owner_id": "acme", "level": "company", "title": "Win", "kind": "milestone""#)
            await #expect(throws: PostgresError.self) {
                _ = try await h.core.pool.transaction { connection in
                    try await connection.execute("UPDATE \(unescaped: h.schema).goals SET title = 'Sneaky' WHERE goal_id = \(goal)")
                }
            }
            let unchanged = try await h.call(.get, "/v1/goals/\(goal)", as: "hr")
            #expect(try (unchanged.json["definition"] as? [String: Any])?["title"] as? String == "Win")
            let audit = try await h.call(.get, "/v1/goals/\(goal)/audit", as: "hr")
            #expect(try audit.items.map { $0["action"] as? String } == ["create"])
        }
    }
}
