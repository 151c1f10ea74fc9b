import StrideBenchKit
import StridePostgres

/// Set-based seeding of a coaching schema for the benchmarks, straight into its tables: an org
/// tree and a year of coaching records, one statement per table (`generate_series`), so ten
/// million rows take a minute or two, not a loop over HTTP. The audit trigger is told this is a
/// bulk load, as a migration of history would.
enum CoachingBenchSeed {
    /// The id of employee `index` (1-based): ``BenchOrgSeed/employeeID(_:)``.
    static func employeeID(_ index: Int) -> String { BenchOrgSeed.employeeID(index) }

    /// Reports per manager in the seeded org tree.
    static let span = BenchOrgSeed.span

    /// The manager of employee `index` (nil for the head of the company, employee 1).
    static func managerIndex(of index: Int) -> Int? { BenchOrgSeed.managerIndex(of: index) }

    /// How many employees are managers in an org of `employees`.
    static func managerCount(in employees: Int) -> Int { BenchOrgSeed.managerCount(in: employees) }

    /// `employees` active people in a tree `span` wide (employee 1 at the top), in 20 departments.
    static func org(_ employees: Int, schema: String, on connection: PostgresConnection) async throws {
        try await BenchOrgSeed.org(employees, schema: schema, on: connection)
    }

    /// What a year of coaching leaves behind for `employees` people, each with a manager: a
    /// cadence per pair; weekly check-ins (`checkInsPerEmployee`); monthly 1:1s with two agenda
    /// items and an action item each (the last two months' items still open); feedback received
    /// from colleagues in every audience; evidence; three projected goals, one in ten at risk.
    /// - Returns: the rows added.
    static func year(
        employees: Int, checkInsPerEmployee: Int, schema: String, on connection: PostgresConnection
    ) async throws -> Int {
        _ = try await connection.query("SELECT set_config('stride.bulk', 'on', true)")
        let s = schema
        let people = "generate_series(2, \(employees)) AS e"
        let id = "'emp-' || lpad(e::text, 7, '0')"
        let manager = "'emp-' || lpad(((e - 2) / \(span) + 1)::text, 7, '0')"
        var rows = 0
        rows += try await connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(s).check_in_cadences (employee_id, manager_id, cadence, started_on, last_check_in_on, next_due_on, updated_by)
            SELECT \(id), \(manager), 'weekly', current_date - 365, current_date - (e % 10),
                   current_date - (e % 10) + 7, 'bench'
            FROM \(people)
            """))
        rows += try await connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(s).check_ins (check_in_id, employee_id, manager_id, held_on, cadence, on_cadence, what_moved,
                                        blockers, confidence, goal_ids, manager_reply, replied_by, replied_at, created_by, created_at)
            SELECT 'ci-' || e || '-' || k, \(id), \(manager), (t AT TIME ZONE 'UTC')::date, 'weekly', k % 7 <> 0,
                   'Closed the items planned for week ' || k, CASE WHEN k % 5 = 0 THEN ARRAY['waiting on review'] ELSE '{}' END,
                   1 + (e + k) % 5, ARRAY['goal-' || e || '-1'], CASE WHEN k % 2 = 0 THEN 'Thanks, noted.' END,
                   CASE WHEN k % 2 = 0 THEN \(manager) END, CASE WHEN k % 2 = 0 THEN t + interval '1 day' END, \(id), t
            FROM \(people), generate_series(1, \(checkInsPerEmployee)) AS k,
                 LATERAL (SELECT now() - (k * 365 / \(checkInsPerEmployee)) * interval '1 day' - (e % 1000) * interval '1 second' AS t) AS at
            """))
        rows += try await connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(s).one_on_ones (meeting_id, employee_id, manager_id, scheduled_on, status, held_on, duration_minutes,
                                          shared_notes, completed_by, completed_at, created_by, created_at)
            SELECT 'mt-' || e || '-' || m, \(id), \(manager), (t AT TIME ZONE 'UTC')::date + 7, 'completed',
                   (t AT TIME ZONE 'UTC')::date + 7, 30, 'Went through the goals and the next steps.', \(manager),
                   t + interval '7 days', \(manager), t
            FROM \(people), generate_series(1, 12) AS m,
                 LATERAL (SELECT now() - (m * 30 + 7) * interval '1 day' - (e % 1000) * interval '1 second' AS t) AS at
            """))
        rows += try await connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(s).agenda_items (agenda_item_id, meeting_id, title, source, added_by, created_at)
            SELECT 'ag-' || e || '-' || m || '-' || a, 'mt-' || e || '-' || m, 'Topic ' || a || ' of month ' || m, 'manual',
                   CASE WHEN a = 1 THEN \(id) ELSE \(manager) END, now() - (m * 30 + 7) * interval '1 day' + a * interval '1 minute'
            FROM \(people), generate_series(1, 12) AS m, generate_series(1, 2) AS a
            """))
        rows += try await connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(s).action_items (action_item_id, meeting_id, origin_meeting_id, employee_id, owner_id, title, due_on,
                                           state, done_at, created_by, created_at)
            SELECT 'ai-' || e || '-' || m, 'mt-' || e || '-' || m, 'mt-' || e || '-' || m, \(id), \(id), 'Follow up on month ' || m,
                   current_date - m * 30 + 21, CASE WHEN m <= 2 THEN 'open' ELSE 'done' END,
                   CASE WHEN m > 2 THEN now() - (m * 30 - 14) * interval '1 day' END, \(manager),
                   now() - (m * 30) * interval '1 day'
            FROM \(people), generate_series(1, 12) AS m
            """))
        rows += try await connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(s).feedback (feedback_id, giver_id, recipient_id, kind, audience, message, created_at)
            SELECT 'fb-' || e || '-' || f, 'emp-' || lpad((1 + (e * 31 + f * 17) % \(employees))::text, 7, '0'), \(id),
                   CASE WHEN f % 3 = 0 THEN 'constructive' ELSE 'praise' END,
                   (ARRAY['recipient_only', 'recipient_and_manager', 'public'])[1 + f % 3],
                   'Thanks for the help with delivery ' || f, now() - (f * 45) * interval '1 day' - (e % 1000) * interval '1 second'
            FROM \(people), generate_series(1, 8) AS f
            """))
        rows += try await connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(s).evidence (evidence_id, employee_id, author_id, kind, occurred_on, what_happened, impact, goal_ids, created_at)
            SELECT 'ev-' || e || '-' || v, \(id), CASE WHEN v % 2 = 0 THEN \(manager) ELSE \(id) END, 'achievement',
                   current_date - v * 90, 'Shipped milestone ' || v, 'Customers onboard faster',
                   ARRAY['goal-' || e || '-' || (1 + v % 3)], now() - (v * 90) * interval '1 day'
            FROM \(people), generate_series(1, 4) AS v
            """))
        rows += try await connection.execute(PostgresQuery(unsafeSQL: """
            INSERT INTO \(s).goals (goal_id, owner_id, period_id, title, status, progress_percent, at_risk, at_risk_since, last_event_at)
            SELECT 'goal-' || e || '-' || g, \(id), 'bench-year', 'Goal ' || g, 'active', (e * 7 + g * 13) % 100,
                   (e + g) % 10 = 0, CASE WHEN (e + g) % 10 = 0 THEN now() - interval '5 days' END, now()
            FROM \(people), generate_series(1, 3) AS g
            """))
        return rows
    }
}
