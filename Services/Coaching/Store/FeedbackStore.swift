import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for `feedback`, `feedback_requests` and `feedback_request_respondents`.
///
/// Lists are newest first, keyset-paginated on `(created_at, id)`: the cursor is the id of the
/// last row shown, and a `page` CTE looks its position up (no row: the first page). Who may see
/// which feedback is decided by the caller, who passes the audiences to keep: the filter runs in
/// SQL, on the `(recipient_id | giver_id, created_at DESC, feedback_id DESC)` indexes.
struct FeedbackStore: Sendable {
    let schema: String

    static let columns = """
        f.feedback_id, f.giver_id, f.recipient_id, f.kind, f.audience, f.message, f.goal_id, f.competency_id,
        f.request_id, f.created_at
        """

    /// The condition that continues a newest-first page after the row of the `page` CTE.
    private static func after(_ cursor: String?, alias: String, id: String) -> String {
        cursor == nil ? "true" : "(\(alias).created_at, \(alias).\(id)) < (SELECT created_at, id FROM page)"
    }

    /// Adds feedback. - Returns: it, as stored.
    func insert(
        _ feedbackID: String, _ submission: FeedbackSubmission, requestID: String?, on connection: PostgresConnection
    ) async throws -> Feedback {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).feedback AS f
                (feedback_id, giver_id, recipient_id, kind, audience, message, goal_id, competency_id, request_id)
            VALUES (\(feedbackID), \(submission.giverID), \(submission.recipientID), \(submission.kind.rawValue),
                    \(submission.audience.rawValue), \(submission.message), \(submission.goalID), \(submission.competencyID),
                    \(requestID))
            RETURNING \(unescaped: Self.columns)
            """)
        guard let row = rows.first else { throw Problem.internal() }
        return try Feedback(row: row)
    }

    /// Feedback about `recipientID` in one of `audiences`, or given by `viewerID` (in one of
    /// `giverAudiences`), newest first.
    func about(
        _ recipientID: String, audiences: [FeedbackAudience], viewerID: String, giverAudiences: [FeedbackAudience],
        after cursor: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [Feedback] {
        let rows = try await connection.query("""
            WITH page AS (SELECT created_at, feedback_id AS id FROM \(unescaped: schema).feedback WHERE feedback_id = \(cursor))
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).feedback f
            WHERE f.recipient_id = \(recipientID)
              AND (f.audience = ANY(\(audiences.map(\.rawValue))::text[])
                   OR (f.giver_id = \(viewerID) AND f.audience = ANY(\(giverAudiences.map(\.rawValue))::text[])))
              AND \(unescaped: Self.after(cursor, alias: "f", id: "feedback_id"))
            ORDER BY f.created_at DESC, f.feedback_id DESC LIMIT \(limit)
            """)
        return try rows.map(Feedback.init(row:))
    }

    /// What `giverID` gave, newest first.
    func given(by giverID: String, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [Feedback] {
        let rows = try await connection.query("""
            WITH page AS (SELECT created_at, feedback_id AS id FROM \(unescaped: schema).feedback WHERE feedback_id = \(cursor))
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).feedback f
            WHERE f.giver_id = \(giverID) AND \(unescaped: Self.after(cursor, alias: "f", id: "feedback_id"))
            ORDER BY f.created_at DESC, f.feedback_id DESC LIMIT \(limit)
            """)
        return try rows.map(Feedback.init(row:))
    }

    /// Public feedback (the kudos wall), newest first.
    func wall(after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [Feedback] {
        let rows = try await connection.query("""
            WITH page AS (SELECT created_at, feedback_id AS id FROM \(unescaped: schema).feedback WHERE feedback_id = \(cursor))
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).feedback f
            WHERE f.audience = 'public' AND \(unescaped: Self.after(cursor, alias: "f", id: "feedback_id"))
            ORDER BY f.created_at DESC, f.feedback_id DESC LIMIT \(limit)
            """)
        return try rows.map(Feedback.init(row:))
    }

    // MARK: Requests

    /// Adds a request and a row per colleague asked. - Returns: it, as stored, with its respondents.
    func insert(_ requestID: String, _ request: FeedbackRequest, on connection: PostgresConnection) async throws -> FeedbackRequestRecord {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).feedback_requests (request_id, requester_id, prompt, due_on)
            VALUES (\(requestID), \(request.requesterID), \(request.prompt), \(request.dueOn))
            RETURNING request_id, requester_id, prompt, due_on, created_at
            """)
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).feedback_request_respondents (request_id, respondent_id)
            SELECT \(requestID), unnest(\(request.respondentIDs)::text[])
            """)
        guard let row = rows.first else { throw Problem.internal() }
        var record = try FeedbackRequestRecord(row: row)
        record.respondents = request.respondentIDs.map { .init(respondentID: $0, feedbackID: nil) }
        return record
    }

    /// The request `requestID` as it asks `respondentID`, locked for the answer: its requester and
    /// the feedback already given in answer, if any. Nil when no such request asks them.
    func ask(
        _ requestID: String, of respondentID: String, on connection: PostgresConnection
    ) async throws -> (requesterID: String, feedbackID: String?)? {
        let rows = try await connection.query("""
            SELECT q.requester_id, r.feedback_id
            FROM \(unescaped: schema).feedback_request_respondents r
            JOIN \(unescaped: schema).feedback_requests q USING (request_id)
            WHERE r.request_id = \(requestID) AND r.respondent_id = \(respondentID)
            FOR UPDATE OF r
            """)
        return try rows.first.map { (try $0.decode("requester_id"), try $0.decode("feedback_id")) }
    }

    /// Records `feedbackID` as `respondentID`'s answer to `requestID`.
    func answer(_ requestID: String, by respondentID: String, with feedbackID: String, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            UPDATE \(unescaped: schema).feedback_request_respondents SET feedback_id = \(feedbackID)
            WHERE request_id = \(requestID) AND respondent_id = \(respondentID) AND feedback_id IS NULL
            """)
    }

    /// Requests asking `respondentID` that they have not answered, newest first.
    func inbox(of respondentID: String, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [FeedbackRequestRecord] {
        let rows = try await connection.query("""
            WITH page AS (SELECT created_at, request_id AS id FROM \(unescaped: schema).feedback_requests WHERE request_id = \(cursor))
            SELECT q.request_id, q.requester_id, q.prompt, q.due_on, q.created_at
            FROM \(unescaped: schema).feedback_request_respondents r
            JOIN \(unescaped: schema).feedback_requests q USING (request_id)
            WHERE r.respondent_id = \(respondentID) AND r.feedback_id IS NULL
              AND \(unescaped: Self.after(cursor, alias: "q", id: "request_id"))
            ORDER BY q.created_at DESC, q.request_id DESC LIMIT \(limit)
            """)
        return try rows.map(FeedbackRequestRecord.init(row:))
    }

    /// Requests `requesterID` made, newest first, each with its respondents.
    func requests(by requesterID: String, after cursor: String?, limit: Int, on connection: PostgresConnection) async throws -> [FeedbackRequestRecord] {
        let rows = try await connection.query("""
            WITH page AS (SELECT created_at, request_id AS id FROM \(unescaped: schema).feedback_requests WHERE request_id = \(cursor))
            SELECT q.request_id, q.requester_id, q.prompt, q.due_on, q.created_at
            FROM \(unescaped: schema).feedback_requests q
            WHERE q.requester_id = \(requesterID) AND \(unescaped: Self.after(cursor, alias: "q", id: "request_id"))
            ORDER BY q.created_at DESC, q.request_id DESC LIMIT \(limit)
            """)
        var records = try rows.map(FeedbackRequestRecord.init(row:))
        guard !records.isEmpty else { return [] }
        let answers = try await connection.query("""
            SELECT request_id, respondent_id, feedback_id FROM \(unescaped: schema).feedback_request_respondents
            WHERE request_id = ANY(\(records.map(\.requestID))::text[])
            ORDER BY request_id, respondent_id
            """)
        var byRequest: [String: [FeedbackRequestRecord.Respondent]] = [:]
        for row in answers {
            byRequest[try row.decode("request_id"), default: []].append(
                .init(respondentID: try row.decode("respondent_id"), feedbackID: try row.decode("feedback_id")))
        }
        for index in records.indices { records[index].respondents = byRequest[records[index].requestID] ?? [] }
        return records
    }
}
