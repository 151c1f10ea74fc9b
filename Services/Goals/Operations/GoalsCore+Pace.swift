import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// What one pace assessment of a period found.
public struct PaceSweepResult: Sendable, Codable, Equatable {
    /// Goals assessed (approved or active, not frozen).
    public var assessed: Int
    /// Goals that fell behind pace now (each emitted one `GoalAtRisk`).
    public var flagged: Int
    /// Goals back within the margin now (each emitted one `GoalBackOnTrack`).
    public var cleared: Int

    enum CodingKeys: String, CodingKey {
        case assessed, flagged, cleared
    }
}

extension GoalsCore {
    /// How many goals one sweep transaction assesses.
    static let paceChunkSize = 5_000

    /// Re-assesses the pace of every agreed goal in an open period as of today, so goals that get
    /// no updates still fall at risk as time passes. Works in chunks of one transaction each,
    /// writes only the goals whose flag changes and emits `GoalAtRisk` for each newly at-risk goal
    /// and `GoalBackOnTrack` for each goal whose flag it clears.
    public func assessPace(of periodID: String) async throws -> PaceSweepResult {
        var result = PaceSweepResult(assessed: 0, flagged: 0, cleared: 0)
        var after = ""
        while true {
            let chunk: (count: Int, last: String?, flagged: Int, cleared: Int) = try await pool.transaction { connection in
                guard let period = try await periods.period(periodID, on: connection), period.status == .open else {
                    return (0, nil, 0, 0)
                }
                let schema = goals.schema
                let rows = try await connection.query("""
                    SELECT g.goal_id, g.owner_id, g.title, g.progress_percent, g.at_risk, g.due_date::text AS due_date,
                           e.manager_id
                    FROM \(unescaped: schema).goals g
                    LEFT JOIN \(unescaped: schema).org_employees e ON e.employee_id = g.owner_id
                    WHERE g.period_id = \(periodID) AND g.goal_id > \(after) AND g.status IN ('approved', 'active') AND NOT g.frozen
                    ORDER BY g.goal_id LIMIT \(Self.paceChunkSize)
                    FOR UPDATE OF g
                    """)
                guard !rows.isEmpty else { return (0, nil, 0, 0) }
                var changedIDs: [String] = []
                var changedFlags: [Bool] = []
                var events: [EncodedEvent] = []
                var flagged = 0
                for row in rows {
                    let wasAtRisk: Bool = try row.decode("at_risk")
                    let dueDate = try row.decode("due_date", as: String?.self).flatMap(CalendarDate.init)
                    let pace = Pace.assess(
                        actualPercent: try row.decode("progress_percent"), startsOn: period.startsOn,
                        endsOn: dueDate ?? period.endsOn, on: today, marginPoints: settings.atRiskMarginPoints)
                    guard pace.isAtRisk != wasAtRisk else { continue }
                    let goalID: String = try row.decode("goal_id")
                    changedIDs.append(goalID)
                    changedFlags.append(pace.isAtRisk)
                    if pace.isAtRisk {
                        flagged += 1
                        events.append(try outbox.encode(GoalAtRisk(
                            goalID: goalID, ownerID: try row.decode("owner_id"), managerID: try row.decode("manager_id"),
                            periodID: periodID, title: try row.decode("title"), assessedOn: today,
                            expectedProgressPercent: pace.expectedPercent, actualProgressPercent: pace.actualPercent,
                            deviationPoints: pace.deviationPoints)))
                    } else {
                        events.append(try outbox.encode(GoalBackOnTrack(
                            goalID: goalID, ownerID: try row.decode("owner_id"), managerID: try row.decode("manager_id"),
                            periodID: periodID, assessedOn: today, expectedProgressPercent: pace.expectedPercent,
                            actualProgressPercent: pace.actualPercent)))
                    }
                }
                if !changedIDs.isEmpty {
                    try await Audit.identify(actor: "goals:pace", action: "pace-assessment", on: connection)
                    try await connection.execute("""
                        UPDATE \(unescaped: schema).goals g SET at_risk = c.at_risk, version = g.version + 1, updated_at = now()
                        FROM unnest(\(changedIDs)::text[], \(changedFlags)::boolean[]) AS c(goal_id, at_risk)
                        WHERE g.goal_id = c.goal_id
                        """)
                    try await outbox.enqueue(events, on: connection)
                }
                return (rows.count, try rows.last?.decode("goal_id", as: String.self), flagged, changedIDs.count - flagged)
            }
            result.assessed += chunk.count
            result.flagged += chunk.flagged
            GoalsMetrics.flaggedAtRisk(count: chunk.flagged)
            result.cleared += chunk.cleared
            guard let last = chunk.last, chunk.count == Self.paceChunkSize else { break }
            after = last
        }
        return result
    }

    /// Assesses every open period (the periodic sweep).
    public func assessPaceOfOpenPeriods() async throws -> PaceSweepResult {
        var total = PaceSweepResult(assessed: 0, flagged: 0, cleared: 0)
        let open = try await pool.withConnection { try await periods.list(status: .open, afterID: nil, limit: 1_000, on: $0) }
        for period in open {
            let result = try await assessPace(of: period.periodID)
            total.assessed += result.assessed
            total.flagged += result.flagged
            total.cleared += result.cleared
        }
        return total
    }
}
