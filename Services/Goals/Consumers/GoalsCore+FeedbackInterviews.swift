import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension GoalsCore {
    /// Closes the performance cycle: the goals a feedback interview suggested for the next cycle
    /// become draft goals of the employee in the next open period, for the employee and their
    /// manager to edit, weigh and agree as usual (see ``SuggestedGoalRules`` for how a suggestion
    /// becomes a draft, ``draftPendingSuggestions(employeeID:interviewID:limit:on:)`` for the
    /// next open period).
    ///
    /// Runs in the inbox transaction. The suggestions are recorded first, once per interview: a
    /// redelivered event is already in the inbox, and a duplicated one (same interview id, another
    /// event id) finds the interview recorded and adds nothing. Then they are drafted at once if
    /// they can be. If they cannot, nothing is lost and nothing is dead-lettered: an employee the
    /// org projection does not know yet gets their drafts when their `EmployeeUpserted` arrives;
    /// when no period is open for the interview, the periodic job drafts them once one opens. A
    /// leaver's suggestions stay recorded, undrafted.
    /// - Parameter eventID: the CloudEvents id the interview came with, kept for tracing.
    /// - Returns: how many drafts were created now.
    @discardableResult
    public func recordSuggestions(
        of interview: FeedbackInterviewCompleted, eventID: String, on connection: PostgresConnection
    ) async throws -> Int {
        let suggestions = interview.nextCycleGoalSuggestions
        guard !suggestions.isEmpty else { return 0 }
        let schema = goals.schema
        let positions = Array(suggestions.indices)
        let inserted = try await connection.execute("""
            INSERT INTO \(unescaped: schema).suggested_goals
                (interview_id, position, employee_id, manager_id, held_on, title, suggested_kind, rationale, weight, event_id)
            SELECT \(interview.interviewID), s.position, \(interview.employeeID), \(interview.managerID),
                   \(interview.heldOn.description)::date, s.title, s.kind, s.rationale, s.weight, \(eventID)
            FROM unnest(\(positions)::int[], \(positions.map { SuggestedGoalRules.title(suggestions[$0].title, position: $0) })::text[],
                        \(suggestions.map(\.kind.rawValue))::text[], \(suggestions.map(\.rationale))::text[],
                        \(SuggestedGoalRules.weights(count: suggestions.count))::numeric[])
                 AS s(position, title, kind, rationale, weight)
            WHERE NOT EXISTS (SELECT 1 FROM \(unescaped: schema).suggested_goals r WHERE r.interview_id = \(interview.interviewID))
            ON CONFLICT (interview_id, position) DO NOTHING
            """)
        guard inserted > 0 else {
            logger.info(
                "feedback interview already recorded; its suggested goals are not drafted twice",
                metadata: ["goals.interview": "\(interview.interviewID)", "cloudevents.id": "\(eventID)"])
            return 0
        }
        return try await draftPendingSuggestions(interviewID: interview.interviewID, on: connection)
    }
}
