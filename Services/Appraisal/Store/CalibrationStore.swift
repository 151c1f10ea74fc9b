import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for calibration sessions. A session's population is the cycle's active appraisals in its
/// departments and job levels (empty lists: all), which the `(cycle_id, department, job_level)`
/// index answers; the distribution is one grouped count over it.
struct CalibrationStore: Sendable {
    let schema: String

    func insert(
        _ sessionID: String, cycleID: String, _ body: NewCalibrationSession, by actor: String, on connection: PostgresConnection
    ) async throws -> CalibrationSessionRecord {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).calibration_sessions
                (session_id, cycle_id, name, departments, job_levels, guideline, participants, status, created_by)
            VALUES (\(sessionID), \(cycleID), \(body.name), \(body.departments)::text[], \(body.jobLevels)::text[],
                    \(PostgresJSON(body.guideline)), \(body.participants)::text[], 'open', \(actor))
            RETURNING *
            """)
        guard let row = rows.first else { throw Problem.internal() }
        return try CalibrationSessionRecord(row: row)
    }

    func session(_ sessionID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> CalibrationSessionRecord? {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).calibration_sessions WHERE session_id = \(sessionID)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(CalibrationSessionRecord.init(row:))
    }

    func sessions(of cycleID: String, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [CalibrationSessionRecord] {
        let rows = try await connection.query("""
            SELECT * FROM \(unescaped: schema).calibration_sessions
            WHERE cycle_id = \(cycleID) AND (\(cursor)::text IS NULL OR session_id > \(cursor))
            ORDER BY session_id LIMIT \(limit)
            """)
        return try rows.map(CalibrationSessionRecord.init(row:))
    }

    /// How many of the population hold each rating level, and how many have none yet.
    func levelCounts(of session: CalibrationSessionRecord, on connection: PostgresConnection) async throws -> (counts: [Int: Int], unrated: Int) {
        let query: PostgresQuery = """
            SELECT a.rating_level, count(*)::integer AS n FROM \(unescaped: schema).appraisals a
            WHERE a.cycle_id = \(session.cycleID) AND a.status = 'active'
              AND (cardinality(\(session.departments)::text[]) = 0 OR a.department = ANY(\(session.departments)::text[]))
              AND (cardinality(\(session.jobLevels)::text[]) = 0 OR a.job_level = ANY(\(session.jobLevels)::text[]))
            GROUP BY a.rating_level
            """
        var counts: [Int: Int] = [:]
        var unrated = 0
        for row in try await connection.query(query) {
            let n: Int = try row.decode("n")
            if let level = try row.decode("rating_level", as: Int?.self) { counts[level] = n } else { unrated = n }
        }
        return (counts, unrated)
    }

    /// Every rated appraisal of the population: employee, rating level and potential.
    func placements(of session: CalibrationSessionRecord, on connection: PostgresConnection) async throws -> [(employeeID: String, level: Int?, potential: TalentLevel?)] {
        let query: PostgresQuery = """
            SELECT a.employee_id, a.rating_level, a.potential FROM \(unescaped: schema).appraisals a
            WHERE a.cycle_id = \(session.cycleID) AND a.status = 'active'
              AND (cardinality(\(session.departments)::text[]) = 0 OR a.department = ANY(\(session.departments)::text[]))
              AND (cardinality(\(session.jobLevels)::text[]) = 0 OR a.job_level = ANY(\(session.jobLevels)::text[]))
            """
        return try await connection.query(query).map {
            (try $0.decode("employee_id"), try $0.decode("rating_level"), (try $0.decode("potential", as: String?.self)).flatMap(TalentLevel.init(rawValue:)))
        }
    }

    /// Records an adjustment and applies it to the appraisal (calibrated from now on).
    func adjust(
        _ adjustmentID: String, session: CalibrationSessionRecord, appraisal: AppraisalView, level: Int, potential: TalentLevel,
        reason: String, by actor: String, on connection: PostgresConnection
    ) async throws {
        try await connection.executeDeferred("""
            INSERT INTO \(unescaped: schema).calibration_adjustments
                (adjustment_id, session_id, appraisal_id, previous_level, level, previous_potential, potential, reason, adjusted_by)
            VALUES (\(adjustmentID), \(session.sessionID), \(appraisal.appraisalID), \(appraisal.ratingLevel ?? level), \(level),
                    \(appraisal.potential?.rawValue), \(potential.rawValue), \(reason), \(actor))
            """)
        try await connection.execute("""
            UPDATE \(unescaped: schema).appraisals
            SET rating_level = \(level), potential = \(potential.rawValue), calibrated = true, updated_at = now()
            WHERE appraisal_id = \(appraisal.appraisalID)
            """)
    }

    func adjustments(of sessionID: String, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [AdjustmentRecord] {
        let rows = try await connection.query("""
            SELECT j.*, a.employee_id FROM \(unescaped: schema).calibration_adjustments j
            JOIN \(unescaped: schema).appraisals a ON a.appraisal_id = j.appraisal_id
            WHERE j.session_id = \(sessionID) AND (\(cursor)::text IS NULL OR j.adjustment_id > \(cursor))
            ORDER BY j.adjustment_id LIMIT \(limit)
            """)
        return try rows.map(AdjustmentRecord.init(row:))
    }

    func lock(_ sessionID: String, by actor: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).calibration_sessions SET status = 'locked', locked_by = \(actor), locked_at = now()
            WHERE session_id = \(sessionID)
            """)
    }
}
