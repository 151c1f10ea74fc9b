import StrideContracts
import StridePostgres

/// SQL for `check_in_cadences`, the cadence of each manager–report pair.
struct CadenceStore: Sendable {
    let schema: String

    /// The cadence the employee's pair has chosen, or nil when nobody has set one.
    func cadence(of employeeID: String, on connection: PostgresConnection) async throws -> CheckInCadence? {
        try Self.cadence(from: try await connection.query(cadenceQuery(of: employeeID)))
    }

    /// The statement of ``cadence(of:on:)``.
    func cadenceQuery(of employeeID: String) -> PostgresQuery {
        "SELECT cadence FROM \(unescaped: schema).check_in_cadences WHERE employee_id = \(employeeID)"
    }

    /// The cadences set for any of `employeeIDs`; decode with ``cadences(from:)``. Those not
    /// listed have none set (the configured default applies).
    func cadencesQuery(of employeeIDs: [String]) -> PostgresQuery {
        """
        SELECT employee_id, cadence FROM \(unescaped: schema).check_in_cadences WHERE employee_id = ANY(\(employeeIDs)::text[])
        """
    }

    /// Each employee's cadence in the rows of ``cadencesQuery(of:)``.
    static func cadences(from rows: PostgresRows) throws -> [String: CheckInCadence] {
        var cadences: [String: CheckInCadence] = [:]
        for row in rows {
            if let cadence = CheckInCadence(rawValue: try row.decode("cadence")) { cadences[try row.decode("employee_id")] = cadence }
        }
        return cadences
    }

    /// The cadence ``cadenceQuery(of:)`` found, if any.
    static func cadence(from rows: PostgresRows) throws -> CheckInCadence? {
        try rows.first.flatMap { CheckInCadence(rawValue: try $0.decode("cadence")) }
    }
}
