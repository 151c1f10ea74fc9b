import Foundation
import StrideGoals
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// `Audit.skippedDuringBulk`: the audit trigger carries a condition, so set-based work that
/// suspended row audit writes no trail (and calls no trigger), while every other write still does.
@Suite("Audit during bulk work")
struct AuditDuringBulkTests {
    @Test("a suspended transaction writes no audit entries, the next ordinary write is audited again")
    func bulkSkipsTheTrigger() async throws {
        try await GoalsHarness.run { h in
            let schema = h.schema
            let period = try await h.openYear()
            let goal = try await h.createGoal(as: "e1", period: period, #""title": "Audited", "weight": "100", "kind": "milestone""#)
            func count(_ sql: PostgresQuery) async throws -> Int {
                try await h.core.pool.query(sql)[0].decode(0, as: Int.self)
            }
            let conditional = try await count("""
                SELECT count(*)::int FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
                WHERE c.relnamespace = \(schema)::regnamespace AND c.relname = 'goals' AND tg.tgname = 'goals_audit_row'
                  AND tg.tgqual IS NOT NULL
                """)
            #expect(conditional == 1, "the goals table's audit trigger has its WHEN condition")
            let entries: PostgresQuery = """
                SELECT count(*)::int FROM \(unescaped: schema).audit_trail WHERE table_name = 'goals' AND record_id = \(goal)
                """
            let created = try await count(entries)
            #expect(created >= 1, "creating the goal was audited")

            try await h.core.pool.transaction { connection in
                try await Audit.suspendRowAudit(on: connection)
                try await connection.execute("UPDATE \(unescaped: schema).goals SET title = 'Bulk' WHERE goal_id = \(goal)")
            }
            #expect(try await count(entries) == created, "the suspended update left no entry")

            try await h.core.pool.transaction { connection in
                try await Audit.identify(actor: "auditor", action: "retitle", on: connection)
                try await connection.execute("UPDATE \(unescaped: schema).goals SET title = 'Again' WHERE goal_id = \(goal)")
            }
            #expect(try await count(entries) == created + 1, "an ordinary update after it is audited")
        }
    }
}
