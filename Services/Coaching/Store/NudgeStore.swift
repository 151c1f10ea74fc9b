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

    /// The goals among `goalIDs` with an open nudge (their at-risk episode was nudged already),
    /// those nudges locked, in goal order.
    func openNudges(for goalIDs: [String]) -> PostgresQuery {
        """
        SELECT goal_id FROM \(unescaped: schema).nudges WHERE goal_id = ANY(\(goalIDs)::text[]) AND cleared_at IS NULL
        ORDER BY goal_id FOR UPDATE
        """
    }

    /// Adds nudges, stamped with the moment the statement runs (their `created_at`, which the
    /// timeline's latency counts to). A second open nudge for a goal violates
    /// `nudges_open_episode`, which fails the transaction (the inbox retries it and then finds the
    /// open one). Deferred: it travels with the transaction's next statement or its commit.
    func insert(_ nudges: [Nudge], on connection: PostgresConnection) async throws {
        guard !nudges.isEmpty else { return }
        try await connection.executeDeferred("""
            INSERT INTO \(unescaped: schema).nudges
                (nudge_id, goal_id, employee_id, manager_id, meeting_id, agenda_item_id, event_id, at_risk_at, created_at)
            SELECT t.*, clock_timestamp()
            FROM unnest(\(nudges.map(\.nudgeID))::text[], \(nudges.map(\.goalID))::text[], \(nudges.map(\.employeeID))::text[],
                        \(nudges.map(\.managerID))::text[], \(nudges.map(\.meetingID))::text[], \(nudges.map(\.agendaItemID))::text[],
                        \(nudges.map(\.eventID))::text[], \(nudges.map(\.atRiskAt))::timestamptz[])
                 AS t(nudge_id, goal_id, employee_id, manager_id, meeting_id, agenda_item_id, event_id, at_risk_at)
            """)
    }

    /// Ends the goal's at-risk episode. - Returns: how many nudges it closed (0 or 1).
    func clear(goalID: String, at time: Date, on connection: PostgresConnection) async throws -> Int {
        try await connection.execute("""
            UPDATE \(unescaped: schema).nudges SET cleared_at = \(time) WHERE goal_id = \(goalID) AND cleared_at IS NULL
            """)
    }
}
