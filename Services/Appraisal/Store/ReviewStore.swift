import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for reviews. A review is read together with its cycle's phase and template terms, which
/// decide whether and how it may be written; the reviewer's list is keyset-paginated on the id.
struct ReviewStore: Sendable {
    let schema: String

    private var joined: String {
        """
        SELECT r.review_id, r.cycle_id, r.appraisal_id, r.employee_id, r.reviewer_id, r.rater_group, r.status, r.due_on,
               r.content, r.decline_reason, r.submitted_at, c.template_id, c.template_version, c.phase, t.terms
        FROM \(schema).reviews r
        JOIN \(schema).cycles c ON c.cycle_id = r.cycle_id
        JOIN \(schema).templates t ON t.template_id = c.template_id AND t.version = c.template_version
        """
    }

    /// One review, locked for a write when `forUpdate`.
    func review(_ reviewID: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> ReviewRecord? {
        let rows = try await connection.query("""
            \(unescaped: joined) WHERE r.review_id = \(reviewID) \(unescaped: forUpdate ? "FOR UPDATE OF r" : "")
            """)
        return try rows.first.map(ReviewRecord.init(row:))
    }

    /// The reviews assigned to `reviewerID` (never nominations awaiting approval), optionally of one
    /// cycle and status.
    func assignments(
        of reviewerID: String, cycleID: String?, status: ReviewStatus?, after cursor: String?, limit: Int,
        on connection: PostgresConnection
    ) async throws -> [ReviewRecord] {
        let rows = try await connection.query("""
            \(unescaped: joined)
            WHERE r.reviewer_id = \(reviewerID) AND r.status <> 'nominated'
              AND (\(cycleID)::text IS NULL OR r.cycle_id = \(cycleID))
              AND (\(status?.rawValue)::text IS NULL OR r.status = \(status?.rawValue))
              AND (\(cursor)::text IS NULL OR r.review_id > \(cursor))
            ORDER BY r.review_id LIMIT \(limit)
            """)
        return try rows.map(ReviewRecord.init(row:))
    }

    /// Saves what is written so far, or submits it.
    func write(_ reviewID: String, content: ReviewContent, submit: Bool, on connection: PostgresConnection) async throws {
        try await connection.executeDeferred("""
            UPDATE \(unescaped: schema).reviews
            SET content = \(PostgresJSON(content)), status = \(submit ? "submitted" : "draft"),
                submitted_at = CASE WHEN \(submit) THEN now() END, updated_at = now()
            WHERE review_id = \(reviewID)
            """)
    }

    func decline(_ reviewID: String, reason: String, on connection: PostgresConnection) async throws {
        try await connection.executeDeferred("""
            UPDATE \(unescaped: schema).reviews
            SET status = 'declined', decline_reason = \(reason), updated_at = now()
            WHERE review_id = \(reviewID)
            """)
    }
}
