import Foundation
import StridePostgres

/// SQL for `nudges`: at most one open nudge per goal, the at-risk episode it belongs to.
struct NudgeStore: Sendable {
    let schema: String

    /// A nudge raised for an at-risk goal, on the agenda of a 1:1.
    struct Nudge: Sendable {
        var nudgeID: String
        var goalID: String
        var employeeID: String
        var managerID: String
        var meetingID: String
        var agendaItemID: String
        var eventID: String
        var atRiskAt: Date
    }

    /// A row, locked, when the goal has an open nudge (its at-risk episode was nudged already).
    func openNudge(for goalID: String) -> PostgresQuery {
        "SELECT 1 FROM \(unescaped: schema).nudges WHERE goal_id = \(goalID) AND cleared_at IS NULL FOR UPDATE"
    }

    /// Adds a nudge. A second open nudge for the goal violates `nudges_open_episode`, which
    /// fails the transaction (the inbox retries it and then finds the open one). Deferred: it
    /// travels with the transaction's next statement or its commit.
    func insert(_ nudge: Nudge, on connection: PostgresConnection) async throws {
        try await connection.executeDeferred("""
            INSERT INTO \(unescaped: schema).nudges
                (nudge_id, goal_id, employee_id, manager_id, meeting_id, agenda_item_id, event_id, at_risk_at)
            VALUES (\(nudge.nudgeID), \(nudge.goalID), \(nudge.employeeID), \(nudge.managerID), \(nudge.meetingID),
                    \(nudge.agendaItemID), \(nudge.eventID), \(nudge.atRiskAt))
            """)
    }

    /// Ends the goal's at-risk episode. - Returns: how many nudges it closed (0 or 1).
    func clear(goalID: String, at time: Date, on connection: PostgresConnection) async throws -> Int {
        try await connection.execute("""
            UPDATE \(unescaped: schema).nudges SET cleared_at = \(time) WHERE goal_id = \(goalID) AND cleared_at IS NULL
            """)
    }
}
