import Foundation
import StrideContracts
import StridePostgres

/// SQL for the `goals` table of one schema. Every method runs on the caller's connection, so
/// callers compose them inside one transaction with the outbox write.
public struct GoalStore: Sendable {
    /// The service's schema.
    public let schema: String

    public init(schema: String) {
        self.schema = schema
    }

    /// The columns ``Goal/init(row:)`` reads, in a form every query selects.
    static let columns = """
        g.goal_id, g.period_id, g.owner_id, g.level, g.kind, g.title, g.description, g.parent_goal_id, g.weight,
        g.due_date::text AS due_date, g.status, g.version, g.measure, g.key_results, g.current_value, g.milestone_done,
        g.key_result_values, g.progress_percent, g.at_risk, g.needs_reassignment, g.frozen, g.template_id, g.created_by,
        g.created_at, g.updated_at
        """

    /// One goal, or nil. `forUpdate` locks its row until the transaction ends.
    public func goal(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> Goal? {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).goals g WHERE g.goal_id = \(id)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.first.map(Goal.init(row:))
    }

    /// Goal `id` locked for update and its period locked for share, in that period-first order
    /// every writer uses, both in one round trip; nil when there is no such goal.
    public func lockedWithPeriod(
        _ id: String, periods: PeriodStore, on connection: PostgresConnection
    ) async throws -> (goal: Goal, period: GoalPeriod)? {
        let rows = try await connection.query([
            """
            SELECT \(unescaped: PeriodStore.columns) FROM \(unescaped: periods.schema).periods
            WHERE period_id = (SELECT period_id FROM \(unescaped: schema).goals WHERE goal_id = \(id)) FOR SHARE
            """,
            "SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).goals g WHERE g.goal_id = \(id) FOR UPDATE",
        ])
        guard let periodRow = rows[0].first, let goalRow = rows[1].first else { return nil }
        return (try Goal(row: goalRow), try GoalPeriod(row: periodRow))
    }

    /// Adds a goal.
    public func insert(_ goal: Goal, on connection: PostgresConnection) async throws {
        let d = goal.definition
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).goals
                (goal_id, period_id, owner_id, level, kind, title, description, parent_goal_id, weight, due_date, status,
                 version, measure, key_results, metric_source, metric_id, current_value, milestone_done, key_result_values,
                 progress_percent, at_risk, template_id, created_by, created_at, updated_at)
            VALUES (\(goal.goalID), \(goal.periodID), \(goal.ownerID), \(d.level.rawValue), \(d.kind.rawValue), \(d.title),
                    \(d.description), \(d.parentGoalID), \(d.weight), \(d.dueDate?.description)::date, \(goal.status.rawValue),
                    \(goal.version), \(d.measure.map(PostgresJSON.init)), \(PostgresJSON(d.keyResults)),
                    \(d.measure?.metricSource), \(d.measure?.metricID), \(goal.currentValue), \(goal.milestoneDone),
                    \(PostgresJSON(goal.keyResultValues)), \(goal.progressPercent), \(goal.atRisk), \(goal.templateID),
                    \(goal.createdBy), \(goal.createdAt), \(goal.updatedAt))
            """)
    }

    /// Writes every mutable field of `goal` back (deferred: it travels with the transaction's next
    /// statement or its commit).
    public func update(_ goal: Goal, on connection: PostgresConnection) async throws {
        let d = goal.definition
        try await connection.executeDeferred("""
            UPDATE \(unescaped: schema).goals SET
                title = \(d.title), description = \(d.description), parent_goal_id = \(d.parentGoalID), weight = \(d.weight),
                due_date = \(d.dueDate?.description)::date, kind = \(d.kind.rawValue), status = \(goal.status.rawValue),
                version = \(goal.version), measure = \(d.measure.map(PostgresJSON.init)),
                key_results = \(PostgresJSON(d.keyResults)), metric_source = \(d.measure?.metricSource),
                metric_id = \(d.measure?.metricID), current_value = \(goal.currentValue),
                milestone_done = \(goal.milestoneDone), key_result_values = \(PostgresJSON(goal.keyResultValues)),
                progress_percent = \(goal.progressPercent), at_risk = \(goal.atRisk),
                needs_reassignment = \(goal.needsReassignment), updated_at = \(goal.updatedAt)
            WHERE goal_id = \(goal.goalID)
            """)
    }

    /// Writes back what progress changes — the measurement, pace, status and version — and
    /// nothing else (deferred, as ``update(_:on:)``). Leaving the definition's columns alone
    /// spares PostgreSQL parsing its JSON again and keeps the update heap-only when no indexed
    /// column changes.
    public func updateMeasurement(_ goal: Goal, on connection: PostgresConnection) async throws {
        try await connection.executeDeferred("""
            UPDATE \(unescaped: schema).goals SET
                status = \(goal.status.rawValue), version = \(goal.version), current_value = \(goal.currentValue),
                milestone_done = \(goal.milestoneDone), key_result_values = \(PostgresJSON(goal.keyResultValues)),
                progress_percent = \(goal.progressPercent), at_risk = \(goal.atRisk), updated_at = \(goal.updatedAt)
            WHERE goal_id = \(goal.goalID)
            """)
    }

    /// The goals of one owner in a period, oldest first; `forUpdate` locks them.
    public func goals(
        ownedBy ownerID: String, in periodID: String, forUpdate: Bool = false, on connection: PostgresConnection
    ) async throws -> [Goal] {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM \(unescaped: schema).goals g
            WHERE g.owner_id = \(ownerID) AND g.period_id = \(periodID) AND g.level = 'employee'
            ORDER BY g.goal_id \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """)
        return try rows.map(Goal.init(row:))
    }

    /// `goalID` and every goal aligned below it, at any depth.
    public func subtree(of goalID: String, on connection: PostgresConnection) async throws -> [Goal] {
        let rows = try await connection.query("""
            WITH RECURSIVE tree (goal_id, depth) AS (
                SELECT goal_id, 0 FROM \(unescaped: schema).goals WHERE goal_id = \(goalID)
                UNION ALL
                SELECT c.goal_id, t.depth + 1 FROM tree t JOIN \(unescaped: schema).goals c ON c.parent_goal_id = t.goal_id
                WHERE t.depth < 64
            )
            SELECT \(unescaped: Self.columns) FROM tree JOIN \(unescaped: schema).goals g USING (goal_id)
            ORDER BY tree.depth, g.goal_id
            """)
        return try rows.map(Goal.init(row:))
    }

    /// The goals `goalID` serves: its parent, the parent's parent, … up to the top, nearest first.
    public func alignmentChain(of goalID: String, on connection: PostgresConnection) async throws -> [Goal] {
        let rows = try await connection.query("""
            WITH RECURSIVE chain (goal_id, depth) AS (
                SELECT parent_goal_id, 1 FROM \(unescaped: schema).goals WHERE goal_id = \(goalID)
                UNION ALL
                SELECT p.parent_goal_id, c.depth + 1 FROM chain c JOIN \(unescaped: schema).goals p ON p.goal_id = c.goal_id
                WHERE c.depth < 64
            )
            SELECT \(unescaped: Self.columns) FROM chain JOIN \(unescaped: schema).goals g USING (goal_id)
            ORDER BY chain.depth
            """)
        return try rows.map(Goal.init(row:))
    }

    /// The parent and period of `goalID` and of every goal above it, for ``Alignment``.
    public func ancestry(
        from goalID: String, on connection: PostgresConnection
    ) async throws -> [String: (parentID: String?, periodID: String)] {
        let rows = try await connection.query("""
            WITH RECURSIVE up (goal_id, parent_goal_id, period_id, depth) AS (
                SELECT goal_id, parent_goal_id, period_id, 1 FROM \(unescaped: schema).goals WHERE goal_id = \(goalID)
                UNION ALL
                SELECT g.goal_id, g.parent_goal_id, g.period_id, u.depth + 1
                FROM up u JOIN \(unescaped: schema).goals g ON g.goal_id = u.parent_goal_id
                WHERE u.depth < 64
            )
            SELECT goal_id, parent_goal_id, period_id FROM up
            """)
        var lookup: [String: (parentID: String?, periodID: String)] = [:]
        for row in rows {
            lookup[try row.decode(0, as: String.self)] = (try row.decode(1, as: String?.self), try row.decode(2, as: String.self))
        }
        return lookup
    }
}

extension Goal {
    /// Reads a row selected with ``GoalStore/columns``. Goals without key results (most) hold
    /// `[]` and `{}` in those columns, read without a JSON decoder.
    init(row: PostgresRow) throws {
        let measure = try row.decode("measure", as: PostgresJSON<GoalMeasure>?.self)?.value
        let dueDate = try row.decode("due_date", as: String?.self).flatMap(CalendarDate.init)
        guard let level = GoalLevel(rawValue: try row.decode("level")),
            let kind = GoalKind(rawValue: try row.decode("kind")),
            let status = GoalStatus(rawValue: try row.decode("status"))
        else {
            throw PostgresError(code: .decoding, message: "goals row has an unknown level, kind or status")
        }
        self.init(
            goalID: try row.decode("goal_id"), periodID: try row.decode("period_id"), ownerID: try row.decode("owner_id"),
            status: status, version: try row.decode("version"),
            definition: GoalDefinition(
                title: try row.decode("title"), description: try row.decode("description"), level: level, kind: kind,
                parentGoalID: try row.decode("parent_goal_id"), weight: try row.decode("weight"), dueDate: dueDate,
                measure: measure, keyResults: try row.decode("key_results", as: String.self) == "[]"
                    ? [] : try row.decode("key_results", as: PostgresJSON<[KeyResult]>.self).value),
            currentValue: try row.decode("current_value"), milestoneDone: try row.decode("milestone_done"),
            keyResultValues: try row.decode("key_result_values", as: String.self) == "{}"
                ? [:] : try row.decode("key_result_values", as: PostgresJSON<[String: DecimalString]>.self).value,
            progressPercent: try row.decode("progress_percent"), atRisk: try row.decode("at_risk"),
            needsReassignment: try row.decode("needs_reassignment"), frozen: try row.decode("frozen"),
            templateID: try row.decode("template_id"), createdBy: try row.decode("created_by"),
            createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"))
    }
}
