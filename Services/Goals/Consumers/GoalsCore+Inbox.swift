import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension GoalsCore {
    /// Applies a metric reading to every open KPI goal bound to the metric (source + id), as a
    /// progress update from the source. A reading older than one already applied is ignored, so
    /// late or replayed readings never move progress backwards.
    /// - Returns: how many goals moved.
    @discardableResult
    public func apply(_ reading: MetricReading, on connection: PostgresConnection) async throws -> Int {
        // Periods first (shared), then goals: the lock order of every writer and of period close.
        _ = try await connection.query("""
            SELECT 1 FROM \(unescaped: goals.schema).periods WHERE status = 'open' AND period_id IN (
                SELECT period_id FROM \(unescaped: goals.schema).goals
                WHERE metric_source = \(reading.source) AND metric_id = \(reading.metricID))
            ORDER BY period_id FOR SHARE
            """)
        let rows = try await connection.query("""
            SELECT \(unescaped: GoalStore.columns), p.period_id AS p_id
            FROM \(unescaped: goals.schema).goals g JOIN \(unescaped: goals.schema).periods p USING (period_id)
            WHERE g.metric_source = \(reading.source) AND g.metric_id = \(reading.metricID) AND g.kind = 'kpi'
              AND g.status IN ('approved', 'active') AND NOT g.frozen AND p.status = 'open'
              AND (g.last_reading_at IS NULL OR g.last_reading_at <= \(reading.observedAt))
            ORDER BY g.goal_id FOR UPDATE OF g
            """)
        guard !rows.isEmpty else { return 0 }
        try await goals.identify(actor: "metric:\(reading.source)", action: "metric-reading", on: connection)
        var periodCache: [String: GoalPeriod] = [:]
        for row in rows {
            var goal = try Goal(row: row)
            let period: GoalPeriod
            if let cached = periodCache[goal.periodID] {
                period = cached
            } else {
                period = try await openPeriod(goal.periodID, on: connection)
                periodCache[goal.periodID] = period
            }
            _ = try await apply(
                ProgressUpdate(value: reading.value, comment: "reading from \(reading.source)"), to: &goal,
                actor: "metric:\(reading.source)", origin: .metric, period: period, on: connection)
        }
        let ids = try rows.map { try $0.decode("goal_id", as: String.self) }
        try await connection.execute("""
            UPDATE \(unescaped: goals.schema).goals SET last_reading_at = \(reading.observedAt) WHERE goal_id = ANY(\(ids))
            """)
        return rows.count
    }

    /// A leaver's open goals are flagged for reassignment (or cancellation) by their manager or HR.
    /// - Returns: how many goals were flagged.
    @discardableResult
    public func flagForReassignment(ownerID: String, on connection: PostgresConnection) async throws -> Int {
        try await goals.identify(actor: "hr.employees", action: "flag-leaver", on: connection)
        return try await connection.execute("""
            UPDATE \(unescaped: goals.schema).goals SET needs_reassignment = true, updated_at = now()
            WHERE owner_id = \(ownerID) AND level = 'employee' AND NOT frozen AND NOT needs_reassignment
              AND status IN ('draft', 'submitted', 'returned', 'approved', 'active')
            """)
    }
}
