import StrideContracts
import StridePostgres

extension OrgDirectory {
    /// The inbox handlers that keep this directory in step with `hr.employees.v1`.
    ///
    /// Records arrive in order per employee (the topic is keyed by employee id), so the last
    /// event applied is the truth; a replay of the compacted topic rebuilds the same table.
    public var projection: InboxRouter {
        var router = InboxRouter()
        router.on(EmployeeUpserted.self) { employee, _, connection in
            try await apply(employee, on: connection)
        }
        router.on(EmployeeTerminated.self) { termination, _, connection in
            try await apply(termination, on: connection)
        }
        return router
    }

    /// Inserts or replaces one employee.
    public func apply(_ employee: EmployeeUpserted, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).org_employees AS e
                (employee_id, name, email, manager_id, department, job_title, job_level, hire_date, status,
                 base_salary, currency, band_min, band_mid, band_max, terminated_on, updated_at)
            VALUES (\(employee.employeeID), \(employee.name), \(employee.email), \(employee.managerID), \(employee.department),
                    \(employee.jobTitle), \(employee.jobLevel), \(employee.hireDate.description)::date, \(employee.status.rawValue),
                    \(employee.baseSalary.amount), \(employee.baseSalary.currency), \(employee.salaryBand.minimum.amount),
                    \(employee.salaryBand.midpoint.amount), \(employee.salaryBand.maximum.amount), NULL, now())
            ON CONFLICT (employee_id) DO UPDATE SET
                name = excluded.name, email = excluded.email, manager_id = excluded.manager_id,
                department = excluded.department, job_title = excluded.job_title, job_level = excluded.job_level,
                hire_date = excluded.hire_date, status = excluded.status, base_salary = excluded.base_salary,
                currency = excluded.currency, band_min = excluded.band_min, band_mid = excluded.band_mid,
                band_max = excluded.band_max,
                terminated_on = CASE WHEN excluded.status = 'terminated' THEN e.terminated_on END,
                updated_at = now()
            """)
    }

    /// Marks an employee terminated; their reports keep them as manager until HR moves them.
    public func apply(_ termination: EmployeeTerminated, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).org_employees
            SET status = 'terminated', terminated_on = \(termination.terminationDate.description)::date, updated_at = now()
            WHERE employee_id = \(termination.employeeID)
            """)
    }
}
