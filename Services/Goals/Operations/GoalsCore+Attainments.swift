import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension GoalsCore {
    /// A page of a closed period's finalized attainments that `principal` may see (HR: everyone;
    /// others: themselves and their reporting line), in employee id order.
    public func attainments(
        in periodID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<AttainmentRecord> {
        _ = try await period(periodID, on: connection)
        let viewer: String? = principal.isHR || principal.isService ? nil : principal.subject
        let after = try page.cursorKey(as: String.self)
        let schema = goals.schema
        let rows = try await connection.query("""
            SELECT a.period_id, a.employee_id, a.weighted_percent, a.goals::text AS goals, a.version, a.finalized_at
            FROM \(unescaped: schema).attainments a
            WHERE a.period_id = \(periodID) AND (\(after)::text IS NULL OR a.employee_id > \(after))
              AND (\(viewer)::text IS NULL OR a.employee_id = \(viewer)
                   OR a.employee_id IN (SELECT \(unescaped: schema).reporting_line(\(viewer))))
            ORDER BY a.employee_id LIMIT \(page.fetchLimit)
            """)
        let records = try rows.map { row in
            AttainmentRecord(
                periodID: try row.decode("period_id"), employeeID: try row.decode("employee_id"),
                weightedAttainmentPercent: try row.decode("weighted_percent"),
                goals: try JSONDecoder().decode([GoalAttainment].self, from: Data(try row.decode("goals", as: String.self).utf8)),
                version: try row.decode("version"), finalizedAt: try row.decode("finalized_at"))
        }
        return try Page(rows: records, request: page, key: \.employeeID)
    }
}
