import Foundation
import StrideContracts
import StridePostgres

/// What the tree view reads of one goal below a root: where it hangs, what it weighs and how far it got.
struct GoalOutline: Sendable {
    var goalID: String
    var parentGoalID: String?
    var depth: Int
    var ownerID: String
    var level: GoalLevel
    var title: String
    var status: GoalStatus
    var weight: Decimal
    var progressPercent: Decimal
    var atRisk: Bool
}

extension GoalStore {
    /// `rootID` and the goals aligned below it, breadth first (nearest levels first), at most
    /// `limit` of them: the walk stops once it has them, so a huge subtree costs no more than `limit`.
    func outline(below rootID: String, limit: Int, on connection: PostgresConnection) async throws -> [GoalOutline] {
        // The recursion produces one level after the other, so without an ORDER BY the LIMIT keeps the nearest levels.
        let rows = try await connection.query("""
            WITH RECURSIVE tree (goal_id, parent_goal_id, depth, owner_id, level, title, status, weight, progress_percent, at_risk) AS (
                SELECT goal_id, NULL::text, 0, owner_id, level, title, status, weight, progress_percent, at_risk
                FROM \(unescaped: schema).goals WHERE goal_id = \(rootID)
                UNION ALL
                SELECT c.goal_id, c.parent_goal_id, t.depth + 1, c.owner_id, c.level, c.title, c.status, c.weight,
                       c.progress_percent, c.at_risk
                FROM tree t JOIN \(unescaped: schema).goals c ON c.parent_goal_id = t.goal_id
                WHERE t.depth < 64
            )
            SELECT goal_id, parent_goal_id, depth, owner_id, level, title, status, weight, progress_percent, at_risk
            FROM tree LIMIT \(limit)
            """)
        return try rows.map { row in
            guard let level = GoalLevel(rawValue: try row.decode("level")),
                let status = GoalStatus(rawValue: try row.decode("status"))
            else {
                throw PostgresError(code: .decoding, message: "goals row has an unknown level or status")
            }
            return GoalOutline(
                goalID: try row.decode("goal_id"), parentGoalID: try row.decode("parent_goal_id"), depth: try row.decode("depth"),
                ownerID: try row.decode("owner_id"), level: level, title: try row.decode("title"), status: status,
                weight: try row.decode("weight"), progressPercent: try row.decode("progress_percent"),
                atRisk: try row.decode("at_risk"))
        }
    }
}
