import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for disputes and for an appraisal's next version. At most one dispute per appraisal is
/// open (a partial unique index), so two concurrent disputes cannot both be raised.
struct DisputeStore: Sendable {
    let schema: String

    private var joined: String {
        "SELECT d.*, a.employee_id, a.cycle_id FROM \(schema).disputes d JOIN \(schema).appraisals a ON a.appraisal_id = d.appraisal_id"
    }

    /// Raises a dispute; `nil` when one is already open.
    func insert(
        _ disputeID: String, appraisal: AppraisalView, _ body: NewDispute, by actor: String, on connection: PostgresConnection
    ) async throws -> DisputeRecord? {
        let rows = try await connection.query("""
            WITH raised AS (
                INSERT INTO \(unescaped: schema).disputes (dispute_id, appraisal_id, version, disputed_fields, reason, status, raised_by)
                VALUES (\(disputeID), \(appraisal.appraisalID), \(appraisal.version), \(body.disputedFields)::text[], \(body.reason), 'open', \(actor))
                ON CONFLICT DO NOTHING
                RETURNING *)
            SELECT d.*, \(appraisal.employeeID)::text AS employee_id, \(appraisal.cycleID)::text AS cycle_id FROM raised d
            """)
        return try rows.first.map(DisputeRecord.init(row:))
    }

    func dispute(_ disputeID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> DisputeRecord? {
        let rows = try await connection.query("""
            \(unescaped: joined) WHERE d.dispute_id = \(disputeID) \(unescaped: forUpdate ? "FOR UPDATE OF d" : "")
            """)
        return try rows.first.map(DisputeRecord.init(row:))
    }

    func disputes(of appraisalID: String, on connection: PostgresConnection) async throws -> [DisputeRecord] {
        let rows = try await connection.query("\(unescaped: joined) WHERE d.appraisal_id = \(appraisalID) ORDER BY d.dispute_id")
        return try rows.map(DisputeRecord.init(row:))
    }

    func resolve(_ disputeID: String, as resolution: DisputeResolution, comment: String, by actor: String, on connection: PostgresConnection) async throws {
        try await connection.executeDeferred("""
            UPDATE \(unescaped: schema).disputes
            SET status = \(resolution.rawValue), resolved_by = \(actor), resolved_at = now(), resolution_comment = \(comment)
            WHERE dispute_id = \(disputeID)
            """)
    }

    /// Makes the appraisal's next version with a new rating level and potential, records it, and
    /// returns what its ``AppraisalFinalized`` says.
    func amend(
        _ appraisalID: String, level: Int, potential: TalentLevel, by actor: String, on connection: PostgresConnection
    ) async throws -> FinalizedAppraisal {
        let rows = try await connection.query("""
            WITH amended AS (
                UPDATE \(unescaped: schema).appraisals
                SET version = version + 1, rating_level = \(level), potential = \(potential.rawValue), updated_at = now()
                WHERE appraisal_id = \(appraisalID)
                RETURNING *),
            recorded AS (
                INSERT INTO \(unescaped: schema).appraisal_versions
                    (appraisal_id, version, goal_score, competency_score, final_score, rating_level, potential, calibrated, explanation, finalized_by)
                SELECT appraisal_id, version, goal_score, competency_score, final_score, rating_level, potential, calibrated, explanation, \(actor)
                FROM amended)
            SELECT r.appraisal_id, r.employee_id, r.manager_id, r.version, r.goal_score, r.competency_score, r.final_score,
                   r.rating_level, r.potential, r.calibrated, c.period_id
            FROM amended r JOIN \(unescaped: schema).cycles c ON c.cycle_id = r.cycle_id
            """)
        guard let row = rows.first else { throw Problem.notFound("No appraisal \(appraisalID).") }
        return try FinalizedAppraisal(row: row)
    }
}
