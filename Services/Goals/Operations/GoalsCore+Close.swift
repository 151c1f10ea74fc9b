import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// What closing a period did.
public struct PeriodCloseResult: Sendable, Codable, Equatable {
    public var period: GoalPeriod
    /// Goals frozen.
    public var goalCount: Int
    /// Employees whose attainment was finalized (one `AttainmentFinalized` each).
    public var ownerCount: Int

    enum CodingKeys: String, CodingKey {
        case period
        case goalCount = "goal_count"
        case ownerCount = "owner_count"
    }
}

extension GoalsCore {
    /// How many employees' goals are read, scored and written per round trip at close.
    static let closeChunkSize = 5_000

    /// Closes a period in one transaction: freezes every goal with one statement, scores every
    /// employee's goals, writes their attainment and one `AttainmentFinalized` each through the
    /// outbox in chunks of set-based statements, then `GoalPeriodClosed`. Concurrent goal writes
    /// wait on the period's row lock; a crash part-way leaves the period open and nothing emitted.
    public func closePeriod(_ periodID: String, by principal: Principal) async throws -> PeriodCloseResult {
        try principal.require(anyOf: [.hr, .admin])
        return try await pool.transaction { connection in
            guard let period = try await periods.period(periodID, forUpdate: true, on: connection) else {
                throw Problem.notFound("No goal period \(periodID).")
            }
            guard period.status == .open else { throw Problem.conflict("Goal period \(period.name) is already closed.") }
            let schema = goals.schema
            // One audit row for the period instead of one per frozen goal.
            _ = try await connection.query("SELECT set_config('stride.bulk', 'on', true)")
            try await connection.execute("""
                INSERT INTO \(unescaped: schema).audit_log (entity_type, entity_id, actor_id, action, before, after)
                VALUES ('period', \(periodID), \(principal.subject), 'close', jsonb_build_object('status', 'open'),
                        jsonb_build_object('status', 'closed'))
                """)
            let goalCount = try await connection.execute("""
                UPDATE \(unescaped: schema).goals SET frozen = true, updated_at = now() WHERE period_id = \(periodID)
                """)
            var ownerCount = 0
            var afterOwner = ""
            while true {
                let rows = try await connection.query("""
                    SELECT \(unescaped: GoalStore.columns) FROM \(unescaped: schema).goals g
                    WHERE g.period_id = \(periodID) AND g.level = 'employee' AND g.owner_id IN (
                        SELECT DISTINCT owner_id FROM \(unescaped: schema).goals
                        WHERE period_id = \(periodID) AND level = 'employee' AND owner_id > \(afterOwner)
                        ORDER BY owner_id LIMIT \(Self.closeChunkSize))
                    ORDER BY g.owner_id, g.goal_id
                    """)
                guard !rows.isEmpty else { break }
                let finalized = try finalize(try rows.map(Goal.init(row:)), period: period, actor: principal.subject)
                try await record(finalized, period: period, actor: principal.subject, on: connection)
                ownerCount += finalized.count
                afterOwner = finalized.last?.employeeID ?? afterOwner
            }
            let closedAt = Date()
            try await periods.markClosed(
                periodID, by: principal.subject, at: closedAt, goalCount: goalCount, ownerCount: ownerCount, on: connection)
            try await outbox.enqueue(
                GoalPeriodClosed(
                    periodID: periodID, orgUnitID: period.orgUnitID, name: period.name, kind: period.kind,
                    startsOn: period.startsOn, endsOn: period.endsOn, actorID: principal.subject, goalCount: goalCount,
                    ownerCount: ownerCount),
                on: connection)
            guard let closed = try await periods.period(periodID, on: connection) else { throw Problem.notFound("No goal period \(periodID).") }
            return PeriodCloseResult(period: closed, goalCount: goalCount, ownerCount: ownerCount)
        }
    }

    /// Scores each owner's goals (sorted by owner) under the current policy.
    func finalize(_ goals: [Goal], period: GoalPeriod, actor: String) throws -> [AttainmentFinalized] {
        var result: [AttainmentFinalized] = []
        var start = goals.startIndex
        while start < goals.endIndex {
            let owner = goals[start].ownerID
            var end = start
            while end < goals.endIndex, goals[end].ownerID == owner { end += 1 }
            let lines = goals[start..<end].map { goal in
                let attainment = Attainment.percent(of: goal.measurement, policy: settings.policy)
                return GoalAttainment(
                    goalID: goal.goalID, title: goal.definition.title, kind: goal.definition.kind, status: goal.status,
                    weight: goal.definition.weight, attainmentPercent: attainment,
                    weightedPoints: Attainment.weightedPoints(weight: goal.definition.weight, attainment: attainment, status: goal.status))
            }
            let total = Attainment.weightedTotal(lines.map {
                WeightedAttainment(weight: $0.weight, attainmentPercent: $0.attainmentPercent, status: $0.status)
            })
            result.append(AttainmentFinalized(
                employeeID: owner, periodID: period.periodID, periodStartsOn: period.startsOn, periodEndsOn: period.endsOn,
                actorID: actor, version: 1, goals: lines, weightedAttainmentPercent: total))
            start = end
        }
        return result
    }

    /// Writes a chunk's attainment rows and events with two set-based statements.
    func record(_ finalized: [AttainmentFinalized], period: GoalPeriod, actor: String, on connection: PostgresConnection) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let lines = try finalized.map { String(decoding: try encoder.encode($0.goals), as: UTF8.self) }
        try await connection.execute("""
            INSERT INTO \(unescaped: goals.schema).attainments (period_id, employee_id, weighted_percent, goals, finalized_by)
            SELECT \(period.periodID), e, w, g::jsonb, \(actor)
            FROM unnest(\(finalized.map(\.employeeID))::text[], \(finalized.map(\.weightedAttainmentPercent))::numeric[],
                        \(lines)::text[]) AS t(e, w, g)
            """)
        try await outbox.enqueue(try finalized.map { try outbox.encode($0) }, on: connection)
    }
}
