import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for nominations (reviews in `nominated` state until the manager decides) and external
/// raters' single-use links, of which only the SHA-256 hash is kept (computed by PostgreSQL).
struct NominationStore: Sendable {
    let schema: String

    func nominations(of appraisalID: String, on connection: PostgresConnection) async throws -> [NominationRecord] {
        let rows = try await connection.query("""
            SELECT review_id, rater_group, reviewer_id, external_name, status FROM \(unescaped: schema).reviews
            WHERE appraisal_id = \(appraisalID) AND rater_group IN ('peer', 'external')
            ORDER BY review_id
            """)
        return try rows.map(NominationRecord.init(row:))
    }

    /// Adds nominations; peers already nominated (or reviewing in another group) are skipped.
    /// - Returns: the ones added.
    func nominate(
        appraisal: AppraisalView, peers: [String], externals: [ExternalRater], dueOn: CalendarDate, by actor: String,
        on connection: PostgresConnection
    ) async throws -> [NominationRecord] {
        let rows = try await connection.query("""
            WITH wanted AS (
                SELECT peer AS reviewer_id, 'peer' AS rater_group, NULL::text AS external_name, NULL::text AS external_email
                FROM unnest(\(peers)::text[]) AS peer
                UNION ALL
                SELECT '', 'external', name, email FROM unnest(\(externals.map(\.name))::text[], \(externals.map(\.email))::text[]) AS x(name, email))
            INSERT INTO \(unescaped: schema).reviews
                (review_id, appraisal_id, cycle_id, employee_id, reviewer_id, rater_group, status, due_on, requested_by,
                 external_name, external_email)
            SELECT \(unescaped: schema).uuid_v7(), \(appraisal.appraisalID), \(appraisal.cycleID), \(appraisal.employeeID), w.reviewer_id, w.rater_group,
                   'nominated', \(dueOn.description)::date, \(actor), w.external_name, w.external_email
            FROM wanted w
            ON CONFLICT DO NOTHING
            RETURNING review_id, rater_group, reviewer_id, external_name, status
            """)
        return try rows.map(NominationRecord.init(row:))
    }

    /// Approves and rejects nominations of one appraisal; only `nominated` reviews change. External
    /// raters get the link tokens given, hashed. - Returns: the approved requests.
    func decide(
        appraisalID: String, approve: [String], reject: [String], tokens: [String: String], on connection: PostgresConnection
    ) async throws -> [RequestedReview] {
        try await connection.execute("""
            UPDATE \(unescaped: schema).reviews SET status = 'withdrawn', updated_at = now()
            WHERE appraisal_id = \(appraisalID) AND status = 'nominated' AND review_id = ANY(\(reject)::text[])
            """)
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).reviews r
            SET status = 'requested', updated_at = now(),
                link_token_hash = CASE WHEN t.token IS NULL THEN NULL ELSE sha256(convert_to(t.token, 'UTF8')) END
            FROM unnest(\(approve)::text[]) AS a(review_id)
            LEFT JOIN unnest(\(Array(tokens.keys))::text[], \(Array(tokens.values))::text[]) AS t(review_id, token) ON t.review_id = a.review_id
            WHERE r.review_id = a.review_id AND r.appraisal_id = \(appraisalID) AND r.status = 'nominated'
            RETURNING r.review_id, r.employee_id, r.reviewer_id, r.rater_group, r.due_on
            """)
        return try rows.map(RequestedReview.init(row:))
    }

    /// The open external review a link token opens, with its cycle's phase and terms; `nil` for
    /// an unknown, used or closed link.
    func externalReview(token: String, forUpdate: Bool, on connection: PostgresConnection) async throws -> (ReviewRecord, employeeName: String)? {
        let rows = try await connection.query("""
            SELECT r.review_id, r.cycle_id, r.appraisal_id, r.employee_id, r.reviewer_id, r.rater_group, r.status, r.due_on,
                   r.content, r.decline_reason, r.submitted_at, c.template_id, c.template_version, c.phase, t.terms,
                   coalesce(e.name, r.employee_id) AS employee_name
            FROM \(unescaped: schema).reviews r
            JOIN \(unescaped: schema).cycles c ON c.cycle_id = r.cycle_id
            JOIN \(unescaped: schema).templates t ON t.template_id = c.template_id AND t.version = c.template_version
            LEFT JOIN \(unescaped: schema).org_employees e ON e.employee_id = r.employee_id
            WHERE r.link_token_hash = sha256(convert_to(\(token), 'UTF8')) AND r.link_used_at IS NULL
              AND r.status IN ('requested', 'draft')
            \(unescaped: forUpdate ? "FOR UPDATE OF r" : "")
            """)
        guard let row = rows.first else { return nil }
        return (try ReviewRecord(row: row), try row.decode("employee_name"))
    }

    /// Submits an external review and spends its link.
    func submitExternal(_ reviewID: String, content: ReviewContent, on connection: PostgresConnection) async throws {
        try await connection.executeDeferred("""
            UPDATE \(unescaped: schema).reviews
            SET content = \(PostgresJSON(content)), status = 'submitted', submitted_at = now(), link_used_at = now(), updated_at = now()
            WHERE review_id = \(reviewID)
            """)
    }
}
