import StrideContracts
import StridePostgres

extension GoalStore {
    /// One page of goals matching `filter` that `visibility` allows, in id (creation) order after
    /// `afterID`; fetches `limit` rows.
    public func list(
        _ filter: GoalFilter, visibility: GoalVisibility, afterID: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [Goal] {
        let viewer: String? = if case .viewer(let id) = visibility { id } else { nil }
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).goals g
            WHERE (\(afterID)::text IS NULL OR g.goal_id > \(afterID))
              AND (\(filter.periodID)::text IS NULL OR g.period_id = \(filter.periodID))
              AND (\(filter.ownerID)::text IS NULL OR g.owner_id = \(filter.ownerID))
              AND (\(filter.status?.rawValue)::text IS NULL OR g.status = \(filter.status?.rawValue))
              AND (\(filter.level?.rawValue)::text IS NULL OR g.level = \(filter.level?.rawValue))
              AND (\(filter.atRisk)::boolean IS NULL OR g.at_risk = \(filter.atRisk))
              AND (\(filter.needsReassignment)::boolean IS NULL OR g.needs_reassignment = \(filter.needsReassignment))
              AND (\(filter.parentGoalID)::text IS NULL OR g.parent_goal_id = \(filter.parentGoalID))
              AND (\(viewer)::text IS NULL OR g.level <> 'employee' OR g.owner_id = \(viewer)
                   OR g.owner_id IN (SELECT \(unescaped: schema).reporting_line(\(viewer))))
            ORDER BY g.goal_id
            LIMIT \(limit)
            """)
        return try rows.map(Goal.init(row:))
    }
}
