import Foundation
import HTTPTypes
import Logging
import StrideContracts
import StrideGoals
import StridePostgres
import StrideRuntime
import Testing

/// The goal tree under a company goal with 20,000 goals below it: every answer stays within its
/// bounds (nodes per page, goals read per request) and says when it was cut. No timing.
@Suite("Goals service: the goal tree at scale", .serialized)
struct GoalTreeScaleTests {
    /// Teams under the company goal, and employee goals under each team: 100 + 100 × 199 = 20,000.
    static let teams = 100
    static let goalsPerTeam = 199

    /// Seeds the subtree set-based, straight into the service's schema: team goals (owned by m1),
    /// then employee goals owned in turn by e1, e2 and e3 with progress 0…100 %. Row audit is
    /// suspended, as for any bulk load.
    static func seed(under company: String, period: String, in h: GoalsHarness) async throws {
        try await h.core.pool.transaction { connection in
            try await Audit.suspendRowAudit(on: connection)
            try await connection.execute("""
                INSERT INTO \(unescaped: h.schema).goals
                    (goal_id, period_id, owner_id, level, kind, title, parent_goal_id, weight, status, created_by)
                SELECT 'team-' || lpad(n::text, 4, '0'), \(period), 'm1', 'team', 'milestone', 'Team goal ' || n, \(company),
                       1, 'active', 'seed'
                FROM generate_series(1, \(teams)) AS n
                """)
            try await connection.execute("""
                INSERT INTO \(unescaped: h.schema).goals
                    (goal_id, period_id, owner_id, level, kind, title, parent_goal_id, weight, status, progress_percent, created_by)
                SELECT 'goal-' || lpad(t::text, 4, '0') || '-' || lpad(n::text, 4, '0'), \(period), 'e' || (1 + (t * 1000 + n) % 3),
                       'employee', 'milestone', 'Goal ' || n, 'team-' || lpad(t::text, 4, '0'), 1 + n % 5, 'active',
                       (t * 7 + n * 13) % 101, 'seed'
                FROM generate_series(1, \(teams)) AS t, generate_series(1, \(goalsPerTeam)) AS n
                """)
        }
    }

    /// The company goal's rolled-up progress as the roll-up rule defines it, computed in SQL over
    /// the seeded rows (each team: weighted mean of its goals, rounded; the company: mean of teams).
    static func expectedCompanyRollUp(in h: GoalsHarness) async throws -> Decimal {
        try await h.core.pool.withConnection { connection in
            let rows = try await connection.query("""
                SELECT round(avg(team_progress), 2) FROM (
                    SELECT round(sum(weight * progress_percent) / sum(weight), 2) AS team_progress
                    FROM \(unescaped: h.schema).goals WHERE level = 'employee' AND parent_goal_id LIKE 'team-%'
                    GROUP BY parent_goal_id) teams
                """)
            return try rows.first!.decode(0, as: Decimal.self)
        }
    }

    @Test("20,000 goals under one company goal: pages of at most the limit, truncated with a cursor, the roll-up over all of them")
    func treeAtScale() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let company = try await h.createGoal(as: "hr", period: period, """
                "owner_id": "acme", "level": "company", "title": "Win EMEA", "kind": "milestone"
                """)
            try await Self.seed(under: company, period: period, in: h)
            let expected = try await Self.expectedCompanyRollUp(in: h)

            // Default page: 200 nodes, breadth first, cut with a cursor; the roll-up covers all 20,000.
            let first = try await h.call(.get, "/v1/goals/\(company)/tree", as: "hr")
            #expect(first.status == 200, "\(first.text.prefix(300))")
            let items = try first.items
            #expect(items.count == GoalTreeRequest.defaultLimit)
            #expect(try first.json["truncated"] as? Bool == true)
            #expect(try first.json["rolled_up_complete"] as? Bool == true)
            #expect(try first.json["next_cursor"] is String)
            #expect(items.first?["goal_id"] as? String == company)
            #expect(items.first?["depth"] as? Int == 0)
            #expect(items.first?["rolled_up_progress_percent"] as? String == "\(expected)")
            let depths = items.compactMap { $0["depth"] as? Int }
            #expect(depths == depths.sorted(), "breadth first")

            // The largest page allowed, and one past it.
            let largest = try await h.call(.get, "/v1/goals/\(company)/tree?limit=\(GoalTreeRequest.maxLimit)", as: "hr")
            #expect(try largest.items.count == GoalTreeRequest.maxLimit)
            let tooMany = try await h.call(.get, "/v1/goals/\(company)/tree?limit=\(GoalTreeRequest.maxLimit + 1)", as: "hr")
            #expect(tooMany.status == 400 && tooMany.text.contains("\"field\":\"limit\""), "\(tooMany.text)")
            let forged = try await h.call(.get, "/v1/goals/\(company)/tree?cursor=bm90LWEtY3Vyc29y", as: "hr")
            #expect(forged.status == 400 && forged.text.contains("\"field\":\"cursor\""), "\(forged.text)")

            // Paging through the top two levels with the cursor: every node once, then the end.
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let path = "/v1/goals/\(company)/tree?max_depth=1&limit=40" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await h.call(.get, path, as: "hr")
                #expect(page.status == 200, "\(page.text.prefix(300))")
                seen += try page.items.compactMap { $0["goal_id"] as? String }
                cursor = try page.json["next_cursor"] as? String
                #expect(try page.json["truncated"] as? Bool == (cursor != nil))
                pages += 1
            } while cursor != nil && pages < 10
            #expect(seen.count == 1 + Self.teams)
            #expect(Set(seen).count == seen.count, "no node twice")
            #expect(pages == 3)

            // An employee sees the org goals and only their own goals, still a bounded page; the
            // CEO's page is full without their whole reporting line being loaded.
            let mine = try await h.call(.get, "/v1/goals/\(company)/tree?limit=1000", as: "e3")
            #expect(mine.status == 200)
            let mineItems = try mine.items
            #expect(mineItems.count == 1000)
            #expect(mineItems.filter { $0["level"] as? String == "employee" }.allSatisfy { $0["owner_id"] as? String == "e3" })
            #expect(mineItems.contains { $0["owner_id"] as? String == "e3" })
            #expect(try mine.json["truncated"] as? Bool == true)
            let ceo = try await h.call(.get, "/v1/goals/\(company)/tree", as: "ceo")
            #expect(try ceo.items.count == GoalTreeRequest.defaultLimit)
            #expect(try ceo.items.first?["rolled_up_progress_percent"] as? String == "\(expected)")

            // A subtree larger than the goals one request reads: the nearest levels, said so.
            var settings = h.core.settings
            settings.treeScanLimit = 5_000
            let capped = GoalsCore(
                schema: h.schema, pool: h.core.pool, outbox: h.core.outbox, directory: h.core.directory, settings: settings,
                logger: h.core.logger)
            let hr = Principal(subject: "hr", roles: [.employee, .hr])
            let page = try await capped.pool.withConnection {
                try await capped.tree(of: company, GoalTreeRequest(depth: 1, limit: 500), for: hr, on: $0)
            }
            #expect(page.rolledUpComplete == false)
            #expect(page.truncated == true)
            #expect(page.items.count == 1 + Self.teams, "the top two levels are within the goals read")
        }
    }
}
