import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension GoalsCore {
    /// Applies a metric reading to every open KPI goal bound to the metric (source + id), as a
    /// progress update from the source. A reading older than one already applied is ignored, so
    /// late or replayed readings never move progress backwards.
    ///
    /// Set-based whatever the number of bound goals: one statement locks and reads them, the
    /// domain rules (attainment, activation, pace) run in memory, then one `UPDATE … FROM unnest`
    /// moves them all, one `INSERT … SELECT` writes their history lines and their events
    /// (`GoalAtRisk` / `GoalBackOnTrack` when a goal's at-risk flag flips) go to the outbox as one
    /// batch. The audit trigger records each goal's change under the source.
    /// - Returns: how many goals moved.
    @discardableResult
    public func apply(_ reading: MetricReading, on connection: PostgresConnection) async throws -> Int {
        let schema = goals.schema
        // Periods first (shared), then goals: the lock order of every writer and of period close.
        _ = try await connection.query("""
            SELECT 1 FROM \(unescaped: schema).periods WHERE status = 'open' AND period_id IN (
                SELECT period_id FROM \(unescaped: schema).goals
                WHERE metric_source = \(reading.source) AND metric_id = \(reading.metricID))
            ORDER BY period_id FOR SHARE
            """)
        let rows = try await connection.query("""
            SELECT \(unescaped: GoalStore.columns), e.manager_id
            FROM \(unescaped: schema).goals g JOIN \(unescaped: schema).periods p USING (period_id)
            LEFT JOIN \(unescaped: schema).org_employees e ON e.employee_id = g.owner_id
            WHERE g.metric_source = \(reading.source) AND g.metric_id = \(reading.metricID) AND g.kind = 'kpi'
              AND g.status IN ('approved', 'active') AND NOT g.frozen AND p.status = 'open'
              AND (g.last_reading_at IS NULL OR g.last_reading_at <= \(reading.observedAt))
            ORDER BY g.goal_id FOR UPDATE OF g
            """)
        guard !rows.isEmpty else { return 0 }
        let actor = "metric:\(reading.source)"
        let comment = "reading from \(reading.source)"
        let recordedAt = Date()
        try await Audit.identify(actor: actor, action: "metric-reading", on: connection)

        var periodCache: [String: GoalPeriod] = [:]
        var moved: [Goal] = []
        var entries: [ProgressEntry] = []
        var events: [EncodedEvent] = []
        var flagged = 0
        moved.reserveCapacity(rows.count)
        entries.reserveCapacity(rows.count)
        for row in rows {
            let before = try Goal(row: row)
            let period: GoalPeriod
            if let cached = periodCache[before.periodID] {
                period = cached
            } else {
                period = try await openPeriod(before.periodID, on: connection)
                periodCache[before.periodID] = period
            }
            var goal = before
            goal.currentValue = reading.value
            goal.progressPercent = Attainment.percent(of: goal.measurement, policy: settings.policy)
            if goal.status == .approved {
                goal.status = try enforcing { try GoalWorkflow.next(from: .approved, on: .activate) }
            }
            let pace = Pace.assess(
                actualPercent: goal.progressPercent, startsOn: period.startsOn, endsOn: goal.definition.dueDate ?? period.endsOn,
                on: today, marginPoints: settings.atRiskMarginPoints)
            goal.atRisk = pace.isAtRisk
            goal.version += 1
            goal.updatedAt = recordedAt
            moved.append(goal)

            let entry = ProgressEntry(
                progressID: GoalsIdentifier.make(now: recordedAt), goalID: goal.goalID, actorID: actor, origin: .metric,
                keyResultID: nil, previousValue: before.currentValue, currentValue: reading.value, milestoneDone: nil,
                previousProgressPercent: before.progressPercent, progressPercent: goal.progressPercent,
                comment: comment, evidenceURL: nil, recordedAt: recordedAt)
            entries.append(entry)
            if before.status != goal.status {
                events.append(try outbox.encode(GoalStatusChanged(
                    goalID: goal.goalID, ownerID: goal.ownerID, periodID: goal.periodID, actorID: actor, version: goal.version,
                    fromStatus: before.status, toStatus: goal.status, reason: "first progress recorded")))
            }
            events.append(try outbox.encode(GoalProgressRecorded(
                goalID: goal.goalID, ownerID: goal.ownerID, periodID: goal.periodID, progressID: entry.progressID, actorID: actor,
                origin: .metric, kind: goal.definition.kind, keyResultID: nil, previousValue: before.currentValue,
                currentValue: reading.value, milestoneDone: nil, previousProgressPercent: before.progressPercent,
                progressPercent: goal.progressPercent, comment: comment, evidenceURL: nil)))
            if goal.atRisk && !before.atRisk {
                flagged += 1
                events.append(try outbox.encode(GoalAtRisk(
                    goalID: goal.goalID, ownerID: goal.ownerID, managerID: try row.decode("manager_id", as: String?.self),
                    periodID: goal.periodID, title: goal.definition.title, assessedOn: today,
                    expectedProgressPercent: pace.expectedPercent, actualProgressPercent: pace.actualPercent,
                    deviationPoints: pace.deviationPoints)))
            } else if before.atRisk && !goal.atRisk {
                events.append(try outbox.encode(GoalBackOnTrack(
                    goalID: goal.goalID, ownerID: goal.ownerID, managerID: try row.decode("manager_id", as: String?.self),
                    periodID: goal.periodID, assessedOn: today, expectedProgressPercent: pace.expectedPercent,
                    actualProgressPercent: pace.actualPercent)))
            }
        }

        try await connection.execute("""
            UPDATE \(unescaped: schema).goals g SET
                current_value = \(reading.value), progress_percent = m.progress_percent, status = m.status, at_risk = m.at_risk,
                version = g.version + 1, updated_at = \(recordedAt), last_reading_at = \(reading.observedAt)
            FROM unnest(\(moved.map(\.goalID))::text[], \(moved.map(\.progressPercent))::numeric[],
                        \(moved.map(\.status.rawValue))::text[], \(moved.map(\.atRisk))::boolean[])
                 AS m(goal_id, progress_percent, status, at_risk)
            WHERE g.goal_id = m.goal_id
            """)
        try await progress.insert(entries, on: connection)
        try await outbox.enqueue(events, on: connection)
        for _ in moved { GoalsMetrics.progressRecorded(.metric) }
        if flagged > 0 { GoalsMetrics.flaggedAtRisk(count: flagged) }
        return moved.count
    }
}
