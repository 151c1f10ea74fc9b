import Foundation
import StrideContracts
import StridePostgres

/// SQL for `check_ins`, the employees' check-ins and their managers' replies.
struct CheckInStore: Sendable {
    let schema: String

    /// A check-in to record, with the pair as it stands after it.
    struct Recording: Sendable {
        var checkInID: String
        var submission: CheckInSubmission
        var onCadence: Bool
        var pair: CheckInPair
        var actorID: String
    }

    /// Records a check-in and moves its pair on, in one statement: the pair row is created
    /// (default cadence) or updated (last check-in, next due date) and the check-in inserted with
    /// the pair's cadence. A pair row another transaction created meanwhile keeps its later last
    /// check-in and due date.
    /// - Returns: the check-in as stored, and the pair's next due date after it.
    func record(_ recording: Recording, on connection: PostgresConnection) async throws -> (CheckIn, nextDueOn: CalendarDate) {
        let pair = recording.pair
        let submission = recording.submission
        let rows = try await connection.query("""
            WITH pair AS (
                INSERT INTO \(unescaped: schema).check_in_cadences AS c
                    (employee_id, manager_id, cadence, started_on, last_check_in_on, next_due_on, updated_by)
                VALUES (\(pair.employeeID), \(pair.managerID), \(pair.cadence.rawValue), \(pair.startedOn),
                        \(pair.lastCheckInOn), \(pair.nextDueOn), \(recording.actorID))
                ON CONFLICT (employee_id) DO UPDATE SET
                    manager_id = EXCLUDED.manager_id,
                    started_on = EXCLUDED.started_on,
                    last_check_in_on = greatest(c.last_check_in_on, EXCLUDED.last_check_in_on),
                    next_due_on = CASE WHEN c.last_check_in_on > EXCLUDED.last_check_in_on THEN c.next_due_on
                                       ELSE EXCLUDED.next_due_on END,
                    updated_by = EXCLUDED.updated_by,
                    updated_at = now()
                RETURNING employee_id, manager_id, cadence, next_due_on
            ), stored AS (
                INSERT INTO \(unescaped: schema).check_ins
                    (check_in_id, employee_id, manager_id, held_on, cadence, on_cadence, what_moved, blockers, confidence,
                     goal_ids, created_by)
                SELECT \(recording.checkInID), pair.employee_id, pair.manager_id, \(submission.heldOn), pair.cadence,
                       \(recording.onCadence), \(submission.whatMoved), \(submission.blockers)::text[], \(submission.confidence),
                       \(submission.goalIDs)::text[], \(recording.actorID)
                FROM pair
                RETURNING \(unescaped: CheckIn.columns)
            )
            SELECT stored.*, pair.next_due_on AS pair_next_due_on FROM stored, pair
            """)
        guard let row = rows.first else { throw CheckInStoreError("the check-in of \(pair.employeeID) was not stored") }
        return (try CheckIn(row: row), try row.decode("pair_next_due_on"))
    }

    /// One check-in, locked for the transaction when `lock` is set.
    func checkIn(_ checkInID: String, lock: Bool = false, on connection: PostgresConnection) async throws -> CheckIn? {
        let rows = try await connection.query("""
            SELECT \(unescaped: CheckIn.columns) FROM \(unescaped: schema).check_ins WHERE check_in_id = \(checkInID)
            \(unescaped: lock ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(CheckIn.init(row:))
    }

    /// Sets the manager's reply on a check-in that has none.
    /// - Returns: the check-in with its reply, or nil when it already had one.
    func reply(to checkInID: String, _ text: String, by actor: String, on connection: PostgresConnection) async throws -> CheckIn? {
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).check_ins SET manager_reply = \(text), replied_by = \(actor), replied_at = now()
            WHERE check_in_id = \(checkInID) AND manager_reply IS NULL
            RETURNING \(unescaped: CheckIn.columns)
            """)
        return try rows.first.map(CheckIn.init(row:))
    }

    /// One page of an employee's check-ins, newest first (keyset on `created_at`, `check_in_id`).
    func checkIns(of employeeID: String, after: PageKey?, limit: Int, on connection: PostgresConnection) async throws -> [CheckIn] {
        let rows = try await connection.query("""
            SELECT \(unescaped: CheckIn.columns) FROM \(unescaped: schema).check_ins
            WHERE employee_id = \(employeeID)
              AND (\(after?.createdAtMicros)::bigint IS NULL
                   OR (created_at, check_in_id)
                      < ('epoch'::timestamptz + \(after?.createdAtMicros)::bigint * interval '1 microsecond', \(after?.checkInID)::text))
            ORDER BY created_at DESC, check_in_id DESC
            LIMIT \(limit)
            """)
        return try rows.map(CheckIn.init(row:))
    }

    /// Who owns each of `goalIDs` that coaching knows; read the answer with ``goalOwners(from:)``.
    func goalOwnersQuery(_ goalIDs: [String]) -> PostgresQuery {
        "SELECT goal_id, owner_id FROM \(unescaped: schema).goals WHERE goal_id = ANY(\(goalIDs)::text[])"
    }

    /// The owner of each goal ``goalOwnersQuery(_:)`` found (nil: coaching knows the goal, not its owner).
    static func goalOwners(from rows: PostgresRows) throws -> [String: String?] {
        var owners: [String: String?] = [:]
        for row in rows { owners[try row.decode("goal_id")] = try row.decode("owner_id", as: String?.self) }
        return owners
    }

    /// Where a page of check-ins continues.
    /// The time is whole microseconds since 1970 (PostgreSQL's resolution), exact in JSON.
    struct PageKey: Codable, Sendable {
        var createdAtMicros: Int64
        var checkInID: String

        init(_ checkIn: CheckIn) {
            createdAtMicros = Int64((checkIn.createdAt.timeIntervalSince1970 * 1_000_000).rounded())
            checkInID = checkIn.checkInID
        }

        enum CodingKeys: String, CodingKey {
            case createdAtMicros = "t"
            case checkInID = "id"
        }
    }
}

/// A check-in write that the database did not confirm (a bug, not a client error).
struct CheckInStoreError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
