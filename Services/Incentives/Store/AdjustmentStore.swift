import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for adjustments. At most one per recommendation is pending (a partial unique index).
struct AdjustmentStore: Sendable {
    let schema: String

    private var joined: String {
        "SELECT a.*, r.currency, r.employee_id, r.comp_cycle_id FROM \(schema).adjustments a JOIN \(schema).recommendations r ON r.recommendation_id = a.recommendation_id"
    }

    /// Records an adjustment; `nil` when one is already pending for the recommendation.
    func insert(
        _ id: String, of r: Recommendation, percent: Decimal?, increase: (amount: Decimal, lumpSum: Decimal, newSalary: Decimal?),
        within: Bool, status: String, body: AdjustmentBody, by actor: String, on connection: PostgresConnection
    ) async throws -> AdjustmentRecord? {
        let rows = try await connection.query("""
            WITH made AS (
                INSERT INTO \(unescaped: schema).adjustments
                    (adjustment_id, recommendation_id, actor_id, previous_percent, percent, previous_amount, amount, lump_sum, new_salary,
                     within_guidelines, reason, justification, status)
                VALUES (\(id), \(r.recommendationID), \(actor), \(r.percent), \(percent), \(r.cost), \(increase.amount), \(increase.lumpSum),
                        \(increase.newSalary), \(within), \(body.reason), \(body.justification), \(status))
                ON CONFLICT DO NOTHING
                RETURNING *)
            SELECT m.*, \(r.currentSalary.currency)::text AS currency FROM made m
            """)
        return try rows.first.map(AdjustmentRecord.init(row:))
    }

    func adjustment(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> (AdjustmentRecord, employeeID: String)? {
        let rows = try await connection.query("""
            \(unescaped: joined) WHERE a.adjustment_id = \(id) \(unescaped: forUpdate ? "FOR UPDATE OF a" : "")
            """)
        guard let row = rows.first else { return nil }
        return (try AdjustmentRecord(row: row), try row.decode("employee_id", as: String.self))
    }

    func adjustments(of recommendationID: String, on connection: PostgresConnection) async throws -> [AdjustmentRecord] {
        let rows = try await connection.query("\(unescaped: joined) WHERE a.recommendation_id = \(recommendationID) ORDER BY a.adjustment_id")
        return try rows.map(AdjustmentRecord.init(row:))
    }

    func pending(in cycleID: String, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [AdjustmentRecord] {
        let rows = try await connection.query("""
            \(unescaped: joined) WHERE r.comp_cycle_id = \(cycleID) AND a.status = 'pending'
              AND (\(cursor)::text IS NULL OR a.adjustment_id > \(cursor))
            ORDER BY a.adjustment_id LIMIT \(limit)
            """)
        return try rows.map(AdjustmentRecord.init(row:))
    }

    func decide(_ id: String, status: String, comment: String?, by actor: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).adjustments
            SET status = \(status), decided_by = \(actor), decided_at = now(), decision_comment = \(comment)
            WHERE adjustment_id = \(id)
            """)
    }

    /// Pending adjustments of one recommendation (0 or 1).
    func pendingCount(of recommendationID: String, on connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM \(unescaped: schema).adjustments WHERE recommendation_id = \(recommendationID) AND status = 'pending'
            """)
        return try rows.first?.decode(0, as: Int.self) ?? 0
    }

    /// Pending adjustments in a department (approval waits for HR's decisions).
    func pendingCount(in cycleID: String, department: String, on connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM \(unescaped: schema).adjustments a
            JOIN \(unescaped: schema).recommendations r ON r.recommendation_id = a.recommendation_id
            WHERE a.status = 'pending' AND r.comp_cycle_id = \(cycleID) AND r.department = \(department)
            """)
        return try rows.first?.decode(0, as: Int.self) ?? 0
    }
}
