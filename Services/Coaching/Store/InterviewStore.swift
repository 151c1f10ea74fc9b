import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for `feedback_interviews`: one row per appraisal (its unique `appraisal_id`), the
/// record as `jsonb`, the two sign-offs and the completion.
struct InterviewStore: Sendable {
    let schema: String

    /// An interview as stored: the domain's interview and what only the row keeps.
    struct StoredInterview: Sendable {
        var interview: FeedbackInterview
        var document: FeedbackInterviewDocument?
        var appraisalVersion: Int
        var dueOn: CalendarDate
        var managerSignedAt: Date?
        var employeeSignedAt: Date?
        var completedAt: Date?
        var createdAt: Date
        var updatedAt: Date
        var version: Int
    }

    /// What a finalized appraisal schedules.
    struct Scheduling: Sendable {
        var interviewID: String
        var appraisalID: String
        var appraisalVersion: Int
        var cycleID: String
        var employeeID: String
        var managerID: String
        var finalizedOn: CalendarDate
        var dueOn: CalendarDate
        var scheduledOn: CalendarDate
    }

    static let columns = """
        interview_id, appraisal_id, appraisal_version, cycle_id, employee_id, manager_id, finalized_on, due_on, scheduled_on,
        record::text AS record, manager_signed_at, employee_signed_at, completed_at, created_at, updated_at, version
        """

    /// Schedules the appraisal's interview, or — for a later version of an appraisal whose
    /// interview is not completed — notes the new version. The same or an older version changes nothing.
    /// - Returns: whether a row was written.
    func schedule(_ scheduling: Scheduling, on connection: PostgresConnection) async throws -> Bool {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).feedback_interviews AS f
                (interview_id, appraisal_id, appraisal_version, cycle_id, employee_id, manager_id, finalized_on, due_on,
                 scheduled_on)
            VALUES (\(scheduling.interviewID), \(scheduling.appraisalID), \(scheduling.appraisalVersion), \(scheduling.cycleID),
                    \(scheduling.employeeID), \(scheduling.managerID), \(scheduling.finalizedOn), \(scheduling.dueOn),
                    \(scheduling.scheduledOn))
            ON CONFLICT (appraisal_id) DO UPDATE SET
                appraisal_version = EXCLUDED.appraisal_version, cycle_id = EXCLUDED.cycle_id,
                updated_at = now(), version = f.version + 1
            WHERE f.completed_at IS NULL AND f.appraisal_version < EXCLUDED.appraisal_version
            RETURNING interview_id
            """)
        return !rows.isEmpty
    }

    /// One interview, or nil; `forUpdate` locks it against concurrent changes.
    func interview(_ interviewID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> StoredInterview? {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).feedback_interviews WHERE interview_id = \(interviewID)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(Self.interview(from:))
    }

    /// An employee's interviews, newest first, after the keyset position `after` (an interview id).
    func interviews(
        of employeeID: String, after: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [StoredInterview] {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).feedback_interviews
            WHERE employee_id = \(employeeID) AND (\(after)::text IS NULL OR interview_id < \(after))
            ORDER BY interview_id DESC LIMIT \(limit)
            """)
        return try rows.map(Self.interview(from:))
    }

    /// Writes the record (clearing both sign-offs, which agreed to the earlier text).
    func saveRecord(_ document: FeedbackInterviewDocument, of interviewID: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).feedback_interviews SET
                record = \(try ImprovementPlanStore.json(document))::jsonb, manager_signed_at = NULL, employee_signed_at = NULL,
                updated_at = now(), version = version + 1
            WHERE interview_id = \(interviewID)
            """)
    }

    /// Moves an interview (locked, with nothing recorded) to another day.
    func reschedule(_ interviewID: String, to day: CalendarDate, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).feedback_interviews SET scheduled_on = \(day), updated_at = now(), version = version + 1
            WHERE interview_id = \(interviewID)
            """)
    }

    /// Records one side's sign-off; `completedAt` when it is the second.
    func sign(
        _ interviewID: String, manager: Bool, at time: Date, completedAt: Date?, on connection: PostgresConnection
    ) async throws {
        let column = manager ? "manager_signed_at" : "employee_signed_at"
        try await connection.execute("""
            UPDATE \(unescaped: schema).feedback_interviews SET
                \(unescaped: column) = \(time), completed_at = \(completedAt), updated_at = now(), version = version + 1
            WHERE interview_id = \(interviewID)
            """)
    }

    static func interview(from row: PostgresRow) throws -> StoredInterview {
        let document = try row.decode("record", as: String?.self).map {
            try JSONBody.decoder.decode(FeedbackInterviewDocument.self, from: Data($0.utf8))
        }
        let managerSignedAt = try row.decode("manager_signed_at", as: Date?.self)
        let employeeSignedAt = try row.decode("employee_signed_at", as: Date?.self)
        let interview = FeedbackInterview(
            interviewID: try row.decode("interview_id"), employeeID: try row.decode("employee_id"),
            managerID: try row.decode("manager_id"), appraisalID: try row.decode("appraisal_id"),
            cycleID: try row.decode("cycle_id"), finalizedOn: try row.decode("finalized_on"),
            scheduledOn: try row.decode("scheduled_on"), record: document?.record,
            managerSignedOn: managerSignedAt.map { CalendarDate(utc: $0) },
            employeeSignedOn: employeeSignedAt.map { CalendarDate(utc: $0) })
        return StoredInterview(
            interview: interview, document: document, appraisalVersion: try row.decode("appraisal_version"),
            dueOn: try row.decode("due_on"), managerSignedAt: managerSignedAt, employeeSignedAt: employeeSignedAt,
            completedAt: try row.decode("completed_at"), createdAt: try row.decode("created_at"),
            updatedAt: try row.decode("updated_at"), version: try row.decode("version"))
    }
}
