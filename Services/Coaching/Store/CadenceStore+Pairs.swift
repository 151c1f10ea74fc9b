import StrideContracts
import StridePostgres

extension CadenceStore {
    /// The pair of `employeeID`, locked for the transaction when `lock` is set.
    func pair(of employeeID: String, lock: Bool = false, on connection: PostgresConnection) async throws -> CheckInPair? {
        try Self.pair(from: try await connection.query(pairQuery(of: employeeID, lock: lock)))
    }

    /// The statement of ``pair(of:lock:on:)``; read its answer with ``pair(from:)``.
    func pairQuery(of employeeID: String, lock: Bool = false) -> PostgresQuery {
        """
        SELECT employee_id, manager_id, cadence, started_on, last_check_in_on, next_due_on
        FROM \(unescaped: schema).check_in_cadences WHERE employee_id = \(employeeID)
        \(unescaped: lock ? "FOR UPDATE" : "")
        """
    }

    /// The pair ``pairQuery(of:lock:)`` found, if any.
    static func pair(from rows: PostgresRows) throws -> CheckInPair? {
        try rows.first.map(CheckInPair.init(row:))
    }

    /// Adds `pair` unless its employee already has one. - Returns: whether it was added.
    func insert(_ pair: CheckInPair, by actor: String, on connection: PostgresConnection) async throws -> Bool {
        !(try await connection.query("""
            INSERT INTO \(unescaped: schema).check_in_cadences
                (employee_id, manager_id, cadence, started_on, last_check_in_on, next_due_on, updated_by)
            VALUES (\(pair.employeeID), \(pair.managerID), \(pair.cadence.rawValue), \(pair.startedOn), \(pair.lastCheckInOn),
                    \(pair.nextDueOn), \(actor))
            ON CONFLICT (employee_id) DO NOTHING
            RETURNING 1
            """)).isEmpty
    }

    /// Writes every field of an existing (locked) pair.
    func update(_ pair: CheckInPair, by actor: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).check_in_cadences
            SET manager_id = \(pair.managerID), cadence = \(pair.cadence.rawValue), started_on = \(pair.startedOn),
                last_check_in_on = \(pair.lastCheckInOn), next_due_on = \(pair.nextDueOn), updated_by = \(actor), updated_at = now()
            WHERE employee_id = \(pair.employeeID)
            """)
    }

    /// One page of the pairs of `managerID` whose next check-in is due on or before `dueBy`
    /// (and, when `overdueBefore` is given, strictly before it), oldest due date first: one range
    /// scan of `check_in_cadences_manager_due`, whatever the size of the team.
    /// - Parameter after: the keyset position (`next_due_on`, `employee_id`) of the previous page's last row.
    func due(
        managedBy managerID: String, dueBy: CalendarDate, overdueBefore: CalendarDate?, after: DueKey?, limit: Int,
        on connection: PostgresConnection
    ) async throws -> [CheckInPair] {
        let rows = try await connection.query("""
            SELECT employee_id, manager_id, cadence, started_on, last_check_in_on, next_due_on
            FROM \(unescaped: schema).check_in_cadences
            WHERE manager_id = \(managerID) AND next_due_on <= \(dueBy)
              AND (\(overdueBefore)::date IS NULL OR next_due_on < \(overdueBefore)::date)
              AND (\(after?.nextDueOn)::date IS NULL OR (next_due_on, employee_id) > (\(after?.nextDueOn)::date, \(after?.employeeID)::text))
            ORDER BY next_due_on, employee_id
            LIMIT \(limit)
            """)
        return try rows.map(CheckInPair.init(row:))
    }

    /// Where a page of due check-ins continues.
    struct DueKey: Codable, Sendable {
        var nextDueOn: CalendarDate
        var employeeID: String

        enum CodingKeys: String, CodingKey {
            case nextDueOn = "d"
            case employeeID = "e"
        }
    }
}
