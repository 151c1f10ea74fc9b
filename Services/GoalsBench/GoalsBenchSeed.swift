import StrideBenchKit
import StrideGoals
import StridePostgres

/// Set-based seeding of a goals schema for the benchmarks, straight into its tables: employees
/// `emp-0000001…` under one manager, one open year around today, and active KPI goals with
/// readings. One statement per table, so 500,000 goals take seconds, not a loop over HTTP.
enum GoalsBenchSeed {
    /// The id of employee `index` (1-based); zero-padded so text order is number order.
    static func employeeID(_ index: Int) -> String {
        "emp-" + String(repeating: "0", count: max(0, 7 - String(index).count)) + String(index)
    }

    /// Adds `count` active employees reporting to `bench-manager`, and the manager.
    static func employees(_ count: Int, schema: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).org_employees
                (employee_id, name, email, manager_id, department, job_title, job_level, hire_date, status,
                 base_salary, currency, band_min, band_mid, band_max)
            SELECT id, 'Employee ' || i, id || '@example.com', CASE WHEN i = 0 THEN NULL ELSE 'bench-manager' END,
                   'Sales', 'Account Executive', 'L3', DATE '2020-01-01', 'active', 60000, 'EUR', 50000, 62000, 75000
            FROM generate_series(0, \(count)) AS i,
                 LATERAL (SELECT CASE WHEN i = 0 THEN 'bench-manager' ELSE 'emp-' || lpad(i::text, 7, '0') END AS id) AS e
            """)
    }

    /// Opens this calendar year as a period.
    /// - Returns: its id.
    static func openYear(schema: String, on connection: PostgresConnection) async throws -> String {
        let periodID = GoalsIdentifier.make()
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).periods (period_id, org_unit_id, name, kind, starts_on, ends_on, created_by)
            VALUES (\(periodID), 'acme', 'Bench year', 'year', date_trunc('year', current_date)::date,
                    (date_trunc('year', current_date) + interval '1 year - 1 day')::date, 'bench')
            """)
        return periodID
    }

    /// Gives each of employees 1…`employees` `perEmployee` active KPI goals (0 → 1,000 EUR, equal
    /// weights, a reading between 0 and 1,199) in `periodID`. The audit trigger is told this is
    /// a bulk load, as period close does.
    /// - Returns: how many goals were added.
    @discardableResult
    static func goals(
        perEmployee: Int, employees: Int, periodID: String, schema: String, on connection: PostgresConnection
    ) async throws -> Int {
        _ = try await connection.query("SELECT set_config('stride.bulk', 'on', true)")
        let weight = 100 / perEmployee
        return try await connection.execute("""
            INSERT INTO \(unescaped: schema).goals
                (goal_id, period_id, owner_id, level, kind, title, weight, status, version, measure, current_value,
                 progress_percent, created_by)
            SELECT \(unescaped: schema).uuid_v7()::text, \(periodID)::text, 'emp-' || lpad(e::text, 7, '0'), 'employee', 'kpi',
                   'Grow ARR, part ' || g, \(weight)::numeric, 'active', 4,
                   '{"unit": "EUR", "direction": "increase", "start_value": "0", "target_value": "1000"}'::jsonb,
                   r, round(r / 10, 2), 'bench'
            FROM generate_series(1, \(employees)) AS e, generate_series(1, \(perEmployee)) AS g,
                 LATERAL (SELECT ((e * 7 + g * 131) % 1200)::numeric AS r) AS reading
            ORDER BY e, g
            """)
    }
}
