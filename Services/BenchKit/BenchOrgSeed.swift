import StridePostgres

/// The org tree the services' benchmarks seed into the runtime's org projection, set-based in
/// one statement: employee 1 at the top, `span` reports per manager, 20 departments.
package enum BenchOrgSeed {
    /// The id of employee `index` (1-based); zero-padded so text order is number order.
    package static func employeeID(_ index: Int) -> String {
        "emp-" + String(repeating: "0", count: max(0, 7 - String(index).count)) + String(index)
    }

    /// Reports per manager.
    package static let span = 8

    /// Departments the employees are spread over (employee `i` is in `Department <i % 20>`).
    package static let departments = 20

    /// The department of employee `index`.
    package static func department(of index: Int) -> String {
        "Department " + (index % departments < 10 ? "0" : "") + String(index % departments)
    }

    /// The manager of employee `index` (nil for the head of the company, employee 1).
    package static func managerIndex(of index: Int) -> Int? {
        index < 2 ? nil : (index - 2) / span + 1
    }

    /// How many employees are managers in an org of `employees`.
    package static func managerCount(in employees: Int) -> Int {
        managerIndex(of: employees) ?? 1
    }

    /// `employees` active people in the tree, in the org projection of `schema`.
    package static func org(_ employees: Int, schema: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).org_employees
                (employee_id, name, email, manager_id, department, job_title, job_level, hire_date, status,
                 base_salary, currency, band_min, band_mid, band_max)
            SELECT 'emp-' || lpad(i::text, 7, '0'), 'Employee ' || i, 'emp' || i || '@example.com',
                   CASE WHEN i = 1 THEN NULL ELSE 'emp-' || lpad(((i - 2) / \(span) + 1)::text, 7, '0') END,
                   'Department ' || lpad((i % \(departments))::text, 2, '0'), 'Engineer', 'L3', DATE '2020-01-01', 'active',
                   60000, 'EUR', 50000, 62000, 75000
            FROM generate_series(1, \(employees)) AS i
            """)
    }
}
