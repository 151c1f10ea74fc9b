import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for what payroll receives: the changes of approved recommendations (merit, the lump sum
/// above the band maximum, bonus, promotion), written once under deterministic ids, and their
/// reversals.
struct CompensationChangeStore: Sendable {
    let schema: String

    /// Makes the changes of the approved recommendations `ids`, as change `sequence` of each
    /// employee and kind (1 for a first approval). A change that exists already is left alone.
    /// - Returns: the changes made, in id order.
    func makeChanges(
        for ids: [String], cycle: CompCycle, by actor: String,
        on connection: PostgresConnection
    ) async throws -> [CompensationChange] {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).compensation_changes
                (change_id, recommendation_id, comp_cycle_id, employee_id, kind, sequence, amount, currency, previous_salary,
                 new_salary, effective_date, approved_by)
            SELECT \(unescaped: schema).change_id(a.comp_cycle_id, a.employee_id, k.kind, n.sequence), a.recommendation_id,
                   a.comp_cycle_id, a.employee_id, k.kind, n.sequence, k.amount, a.currency, k.previous_salary, k.new_salary, k.day, \(actor)
            FROM \(unescaped: schema).recommendations a
            CROSS JOIN LATERAL (VALUES
                ('merit', a.amount, a.salary, a.new_salary, \(cycle.effectiveDate.description)::date),
                ('lump_sum', a.lump_sum, NULL::numeric, NULL::numeric, \(cycle.effectiveDate.description)::date),
                ('bonus', a.amount, NULL::numeric, NULL::numeric, \(cycle.payoutDate.description)::date)
            ) AS k(kind, amount, previous_salary, new_salary, day)
            CROSS JOIN LATERAL (
                SELECT coalesce(max(c.sequence), 0) + 1 AS sequence FROM \(unescaped: schema).compensation_changes c
                WHERE c.comp_cycle_id = a.comp_cycle_id AND c.employee_id = a.employee_id AND c.kind = k.kind) n
            WHERE a.recommendation_id = ANY(\(ids)::text[]) AND a.status = 'approved' AND k.amount > 0
              AND ((a.kind = 'merit' AND k.kind IN ('merit', 'lump_sum')) OR (a.kind = 'bonus' AND k.kind = 'bonus'))
            ON CONFLICT DO NOTHING
            RETURNING *
            """)
        return try rows.map(CompensationChange.init(row:)).sorted { $0.changeID < $1.changeID }
    }

    /// Makes the promotion change of an accepted promotion.
    func makePromotionChange(
        _ promotion: PromotionRecord, previousSalary: Decimal, newSalary: Decimal, effectiveDate: CalendarDate, by actor: String,
        on connection: PostgresConnection
    ) async throws -> CompensationChange? {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).compensation_changes
                (change_id, recommendation_id, comp_cycle_id, employee_id, kind, sequence, amount, currency, previous_salary,
                 new_salary, new_job_level, effective_date, approved_by)
            SELECT \(unescaped: schema).change_id(\(promotion.compCycleID), \(promotion.employeeID), 'promotion', n.sequence),
                   \(promotion.promotionID), \(promotion.compCycleID), \(promotion.employeeID), 'promotion', n.sequence,
                   \(newSalary - previousSalary), \(promotion.currentSalary.currency), \(previousSalary), \(newSalary),
                   \(promotion.proposedLevel), \(effectiveDate.description)::date, \(actor)
            FROM (SELECT coalesce(max(sequence), 0) + 1 AS sequence FROM \(unescaped: schema).compensation_changes
                  WHERE comp_cycle_id = \(promotion.compCycleID) AND employee_id = \(promotion.employeeID) AND kind = 'promotion') n
            ON CONFLICT DO NOTHING
            RETURNING *
            """)
        return try rows.first.map(CompensationChange.init(row:))
    }

    /// The changes of a recommendation not yet reversed, locked.
    func standing(of recommendationID: String, on connection: PostgresConnection) async throws -> [CompensationChange] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).compensation_changes
            WHERE recommendation_id = \(recommendationID) AND reversal_id IS NULL ORDER BY change_id FOR UPDATE
            """)
        return try rows.map(CompensationChange.init(row:))
    }

    /// Reverses a change once: its reversal id is made from the change id, so a retried
    /// correction meets the same id. - Returns: the reversed change, `nil` when already reversed.
    func reverse(_ change: CompensationChange, reason: String, by actor: String, on connection: PostgresConnection) async throws -> CompensationChange? {
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).compensation_changes
            SET reversal_id = \(unescaped: schema).change_id(comp_cycle_id, employee_id, 'reversal/' || kind, sequence),
                reversed_by = \(actor), reversed_at = now(), reversal_reason = \(reason)
            WHERE change_id = \(change.changeID) AND reversal_id IS NULL
            RETURNING *
            """)
        return try rows.first.map(CompensationChange.init(row:))
    }

    /// An employee's changes in a cycle, oldest first.
    func changes(of employeeID: String, in cycleID: String, on connection: PostgresConnection) async throws -> [CompensationChange] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).compensation_changes
            WHERE comp_cycle_id = \(cycleID) AND employee_id = \(employeeID) ORDER BY approved_at, kind, sequence
            """)
        return try rows.map(CompensationChange.init(row:))
    }

    /// A page of a cycle's changes, by id (HR's payroll view).
    func page(of cycleID: String, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [CompensationChange] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).compensation_changes
            WHERE comp_cycle_id = \(cycleID) AND (\(cursor)::text IS NULL OR change_id > \(cursor))
            ORDER BY change_id LIMIT \(limit)
            """)
        return try rows.map(CompensationChange.init(row:))
    }
}
