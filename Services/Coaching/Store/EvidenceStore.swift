import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// SQL for `evidence`, the evidence journal. Lists are newest first, keyset-paginated on
/// `(created_at, evidence_id)` (the cursor is the last id shown); the goal filter is a
/// containment test on `goal_ids`, which the GIN index `evidence_goals` answers.
struct EvidenceStore: Sendable {
    let schema: String

    static let columns = """
        e.evidence_id, e.employee_id, e.author_id, e.kind, e.occurred_on, e.what_happened, e.impact, e.link_url,
        e.goal_ids, e.competency_id, e.created_at
        """

    /// Adds an entry. - Returns: it, as stored.
    func insert(
        _ evidenceID: String, about employeeID: String, by authorID: String, _ entry: EvidenceEntry,
        on connection: PostgresConnection
    ) async throws -> EvidenceRecord {
        let rows = try await connection.query("""
            INSERT INTO \(unescaped: schema).evidence AS e
                (evidence_id, employee_id, author_id, kind, occurred_on, what_happened, impact, link_url, goal_ids, competency_id)
            VALUES (\(evidenceID), \(employeeID), \(authorID), \(entry.kind.rawValue), \(entry.occurredOn), \(entry.whatHappened),
                    \(entry.impact), \(entry.linkURL), \(entry.goalIDs)::text[], \(entry.competencyID))
            RETURNING \(unescaped: Self.columns)
            """)
        guard let row = rows.first else { throw Problem.internal() }
        return try EvidenceRecord(row: row)
    }

    /// One entry, or nil.
    func entry(_ evidenceID: String, on connection: PostgresConnection) async throws -> EvidenceRecord? {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).evidence e WHERE e.evidence_id = \(evidenceID)
            """)
        return try rows.first.map(EvidenceRecord.init(row:))
    }

    /// The employee's entries, newest first; only those concerning `goalID` when given.
    func journal(
        of employeeID: String, goalID: String?, after cursor: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [EvidenceRecord] {
        let rows = try await connection.query("""
            WITH page AS (SELECT created_at, evidence_id AS id FROM \(unescaped: schema).evidence WHERE evidence_id = \(cursor)),
                 wanted AS (SELECT ARRAY[\(goalID ?? "")::text] AS goal_ids)
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).evidence e
            WHERE e.employee_id = \(employeeID)
              AND \(unescaped: goalID == nil ? "true" : "e.goal_ids @> (SELECT goal_ids FROM wanted)")
              AND \(unescaped: cursor == nil ? "true" : "(e.created_at, e.evidence_id) < (SELECT created_at, id FROM page)")
            ORDER BY e.created_at DESC, e.evidence_id DESC LIMIT \(limit)
            """)
        return try rows.map(EvidenceRecord.init(row:))
    }

    /// Which of `goalIDs` coaching knows as goals owned by `employeeID`.
    func goals(_ goalIDs: [String], ownedBy employeeID: String, on connection: PostgresConnection) async throws -> Set<String> {
        guard !goalIDs.isEmpty else { return [] }
        let rows = try await connection.query("""
            SELECT goal_id FROM \(unescaped: schema).goals WHERE goal_id = ANY(\(goalIDs)::text[]) AND owner_id = \(employeeID)
            """)
        return Set(try rows.map { try $0.decode("goal_id", as: String.self) })
    }
}
