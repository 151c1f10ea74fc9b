import StrideContracts
import StridePostgres

extension GoalStore {
    /// One page of goals matching `filter` that `visibility` allows, in id (creation) order after
    /// `afterID`; fetches `limit` rows.
    ///
    /// Only the filters given become conditions, so the planner sees plain equalities and reaches
    /// the rows through the index that matches them in id order (goals migration 108): a page
    /// reads about a page of rows, not every goal of the period.
    public func list(
        _ filter: GoalFilter, visibility: GoalVisibility, afterID: String?, limit: Int, on connection: PostgresConnection
    ) async throws -> [Goal] {
        var conditions: [String] = []
        var binds: [PostgresBind] = []
        func add(_ condition: (String) -> String, _ value: some PostgresEncodable) throws {
            binds.append(try PostgresBind(value))
            conditions.append(condition("$\(binds.count)"))
        }
        if let afterID { try add({ "g.goal_id > \($0)" }, afterID) }
        if let periodID = filter.periodID { try add({ "g.period_id = \($0)" }, periodID) }
        if let ownerID = filter.ownerID { try add({ "g.owner_id = \($0)" }, ownerID) }
        if let status = filter.status { try add({ "g.status = \($0)" }, status.rawValue) }
        if let level = filter.level { try add({ "g.level = \($0)" }, level.rawValue) }
        if let parentGoalID = filter.parentGoalID { try add({ "g.parent_goal_id = \($0)" }, parentGoalID) }
        // Flags as literals, so the partial indexes (`WHERE at_risk`, `WHERE needs_reassignment`) match.
        if let atRisk = filter.atRisk { conditions.append(atRisk ? "g.at_risk" : "NOT g.at_risk") }
        if let flagged = filter.needsReassignment { conditions.append(flagged ? "g.needs_reassignment" : "NOT g.needs_reassignment") }
        if case .viewer(let viewer) = visibility {
            binds.append(try PostgresBind(viewer))
            let me = "$\(binds.count)"
            conditions.append("""
                (g.level <> 'employee' OR g.owner_id = \(me) OR g.owner_id IN (SELECT \(schema).reporting_line(\(me))))
                """)
        }
        binds.append(try PostgresBind(limit))
        let sql = """
            SELECT \(Self.columns) FROM \(schema).goals g
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: "\n  AND "))
            ORDER BY g.goal_id
            LIMIT $\(binds.count)
            """
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds))
        return try rows.map(Goal.init(row:))
    }
}
