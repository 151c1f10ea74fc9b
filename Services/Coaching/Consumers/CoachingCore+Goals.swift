import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    /// What coaching does with `stride.goals.v1`: keeps its goal projection, and turns a goal
    /// going at risk into a nudge on the owner's manager's next 1:1 (once per at-risk episode,
    /// which `GoalBackOnTrack` or the goal's completion or cancellation ends).
    func goalEvents() -> InboxRouter {
        var router = InboxRouter()
        router.on(GoalCreated.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, title: event.definition.title,
                      status: event.status, eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalUpdated.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, title: event.definition.title,
                      eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalSubmitted.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, status: .submitted,
                      eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalApproved.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, status: .approved,
                      eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalRejected.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, status: .returned,
                      eventTime: message.metadata.time), on: connection)
        }
        router.on(GoalStatusChanged.self) { event, message, connection in
            let ended = GoalRiskSignal.afterStatusChange(to: event.toStatus) == .backOnTrack
            let applied = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID, status: event.toStatus,
                      atRisk: ended ? false : nil, eventTime: message.metadata.time), on: connection)
            if applied, ended { try await endAtRiskEpisode(of: event.goalID, at: message.metadata.time, on: connection) }
        }
        router.on(GoalProgressRecorded.self) { event, message, connection in
            _ = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID,
                      progressPercent: event.progressPercent, eventTime: message.metadata.time), on: connection)
        }
        router.onBatch(GoalAtRisk.self) { arrivals, connection in
            try await goalsWentAtRisk(
                arrivals.map {
                    AtRiskArrival(event: $0.event, eventID: $0.message.metadata.id.uuidString.lowercased(), time: $0.message.metadata.time)
                },
                on: connection)
        }
        router.on(GoalBackOnTrack.self) { event, message, connection in
            let applied = try await projection.apply(
                .init(goalID: event.goalID, ownerID: event.ownerID, periodID: event.periodID,
                      progressPercent: event.actualProgressPercent, atRisk: false, eventTime: message.metadata.time),
                on: connection)
            if applied { try await endAtRiskEpisode(of: event.goalID, at: message.metadata.time, on: connection) }
        }
        router.on(GoalPeriodClosed.self) { event, message, connection in
            try await closePeriod(event.periodID, at: message.metadata.time, on: connection)
        }
        return router
    }

    /// A closed period's goals are frozen: none of them is at risk any more, and their open
    /// nudges end, so team boards show only what can still be acted on. The period is noted as
    /// closed, so a `GoalAtRisk` about it that arrives later starts nothing.
    func closePeriod(_ periodID: String, at time: Date, on connection: PostgresConnection) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).closed_periods (period_id, closed_at) VALUES (\(periodID), \(time))
            ON CONFLICT (period_id) DO NOTHING
            """)
        try await connection.execute("""
            UPDATE \(unescaped: schema).nudges n SET cleared_at = \(time)
            FROM \(unescaped: schema).goals g
            WHERE g.goal_id = n.goal_id AND g.period_id = \(periodID) AND n.cleared_at IS NULL
            """)
        try await connection.execute("""
            UPDATE \(unescaped: schema).goals SET at_risk = false, updated_at = now()
            WHERE period_id = \(periodID) AND at_risk
            """)
    }

    var projection: GoalProjectionStore { GoalProjectionStore(schema: schema) }
    var nudges: NudgeStore { NudgeStore(schema: schema) }
    var meetings: OneOnOneStore { OneOnOneStore(schema: schema) }
    var cadences: CadenceStore { CadenceStore(schema: schema) }

    /// Closes the goal's at-risk episode (back on track, completed or cancelled), so the next
    /// time it falls behind raises a new nudge.
    func endAtRiskEpisode(of goalID: String, at time: Date, on connection: PostgresConnection) async throws {
        _ = try await nudges.clear(goalID: goalID, at: time, on: connection)
    }
}
