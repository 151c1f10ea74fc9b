import Foundation
import StrideContracts
import StridePostgres

/// SQL for `goals`, coaching's projection of `stride.goals.v1`.
struct GoalProjectionStore: Sendable {
    let schema: String

    /// What one goals event says about a goal; nil fields are what the event does not say.
    struct Change: Sendable {
        var goalID: String
        var ownerID: String?
        var periodID: String?
        var title: String?
        var status: GoalStatus?
        var progressPercent: Decimal?
        /// true: the goal went at risk; false: it is back on track; nil: unchanged.
        var atRisk: Bool?
        /// When the event happened (its `ce_time`): an older event than the last one applied changes nothing.
        var eventTime: Date
    }

    /// Applies `change`, unless a newer event about the goal was already applied.
    /// - Returns: whether it was applied.
    func apply(_ change: Change, on connection: PostgresConnection) async throws -> Bool {
        !(try await connection.query(applying(change))).isEmpty
    }

    /// The statement of ``apply(_:on:)``: it returns a row when the change was applied.
    func applying(_ change: Change) -> PostgresQuery {
        let atRiskSince: Date? = change.atRisk == true ? change.eventTime : nil
        return """
            INSERT INTO \(unescaped: schema).goals AS g
                (goal_id, owner_id, period_id, title, status, progress_percent, at_risk, at_risk_since, last_event_at)
            VALUES (\(change.goalID), \(change.ownerID), \(change.periodID), \(change.title), \(change.status?.rawValue),
                    \(change.progressPercent), coalesce(\(change.atRisk), false), \(atRiskSince), \(change.eventTime))
            ON CONFLICT (goal_id) DO UPDATE SET
                owner_id = coalesce(EXCLUDED.owner_id, g.owner_id),
                period_id = coalesce(EXCLUDED.period_id, g.period_id),
                title = coalesce(EXCLUDED.title, g.title),
                status = coalesce(EXCLUDED.status, g.status),
                progress_percent = coalesce(EXCLUDED.progress_percent, g.progress_percent),
                at_risk = CASE WHEN \(change.atRisk)::boolean IS NULL THEN g.at_risk ELSE EXCLUDED.at_risk END,
                at_risk_since = CASE WHEN \(change.atRisk)::boolean IS NULL THEN g.at_risk_since
                                     WHEN \(change.atRisk)::boolean AND g.at_risk THEN g.at_risk_since
                                     ELSE EXCLUDED.at_risk_since END,
                last_event_at = EXCLUDED.last_event_at,
                updated_at = now()
            WHERE g.last_event_at <= EXCLUDED.last_event_at
            RETURNING goal_id
            """
    }

    /// What a `GoalAtRisk` says about its goal.
    struct AtRisk: Sendable {
        var goalID: String
        var ownerID: String
        var periodID: String
        var title: String
        var progressPercent: Decimal
        /// When the event happened: an older event than the last one applied changes nothing.
        var eventTime: Date
    }

    /// Marks goals at risk in one statement (each goal at most once), as ``applying(_:)`` would
    /// one by one; the episode's start stays when a goal already was at risk, and a goal of a
    /// closed period is projected but not at risk (its close ended every episode). It returns
    /// each goal it changed (those whose last applied event is not newer) with whether it is now
    /// at risk, and locks the goals' rows in goal order.
    func markingAtRisk(_ goals: [AtRisk]) -> PostgresQuery {
        """
        INSERT INTO \(unescaped: schema).goals AS g
            (goal_id, owner_id, period_id, title, progress_percent, at_risk, at_risk_since, last_event_at)
        SELECT t.goal_id, t.owner_id, t.period_id, t.title, t.progress_percent, c.period_id IS NULL,
               CASE WHEN c.period_id IS NULL THEN t.event_time END, t.event_time
        FROM unnest(\(goals.map(\.goalID))::text[], \(goals.map(\.ownerID))::text[], \(goals.map(\.periodID))::text[],
                    \(goals.map(\.title))::text[], \(goals.map(\.progressPercent))::numeric[], \(goals.map(\.eventTime))::timestamptz[])
             AS t(goal_id, owner_id, period_id, title, progress_percent, event_time)
        LEFT JOIN \(unescaped: schema).closed_periods c ON c.period_id = t.period_id
        ORDER BY t.goal_id
        ON CONFLICT (goal_id) DO UPDATE SET
            owner_id = EXCLUDED.owner_id, period_id = EXCLUDED.period_id, title = EXCLUDED.title,
            progress_percent = EXCLUDED.progress_percent, at_risk = EXCLUDED.at_risk,
            at_risk_since = CASE WHEN g.at_risk OR NOT EXCLUDED.at_risk THEN g.at_risk_since ELSE EXCLUDED.at_risk_since END,
            last_event_at = EXCLUDED.last_event_at, updated_at = now()
        WHERE g.last_event_at <= EXCLUDED.last_event_at
        RETURNING goal_id, at_risk
        """
    }

    /// Which of `goalIDs` coaching knows, for validating links to goals.
    func known(_ goalIDs: [String], on connection: PostgresConnection) async throws -> Set<String> {
        guard !goalIDs.isEmpty else { return [] }
        let rows = try await connection.query("""
            SELECT goal_id FROM \(unescaped: schema).goals WHERE goal_id = ANY(\(goalIDs)::text[])
            """)
        return Set(try rows.map { try $0.decode("goal_id", as: String.self) })
    }

    /// An employee's goals as coaching knows them, at risk first, then by title.
    func goals(ownedBy employeeID: String, limit: Int, on connection: PostgresConnection) async throws -> [ProjectedGoal] {
        let rows = try await connection.query("""
            SELECT goal_id, owner_id, period_id, title, status, progress_percent, at_risk, at_risk_since
            FROM \(unescaped: schema).goals WHERE owner_id = \(employeeID)
            ORDER BY at_risk DESC, title, goal_id LIMIT \(limit)
            """)
        return try rows.map(ProjectedGoal.init(row:))
    }
}
