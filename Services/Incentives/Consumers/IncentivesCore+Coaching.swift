import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesCore {
    /// What incentives takes from `stride.coaching.v1`: an improvement plan closed as failed asks
    /// HR for a consequence review (`ConsequenceReviewRequired`) — a recommendation for a person
    /// to decide on, never an action. A redelivered event asks nothing twice.
    func coachingEvents() -> InboxRouter {
        var router = InboxRouter()
        router.on(ImprovementPlanClosed.self) { event, _, connection in
            guard event.outcome == .failed else { return }
            try await connection.execute("""
                INSERT INTO \(unescaped: schema).failed_plans (plan_id, employee_id, closed_on, reason)
                VALUES (\(event.planID), \(event.employeeID), \(event.closedOn.description)::date, \(String(event.reason.prefix(2_000))))
                ON CONFLICT (plan_id) DO NOTHING
                """)
            try await Audit.identify(actor: "stride.coaching", action: "request_consequence_review", on: connection)
            let summary = "Improvement plan \(event.planID) closed as failed on \(event.closedOn): \(event.objectivesMet) of \(event.objectivesTotal) objectives met."
            guard let review = try await careers.requestPlanReview(
                newID(), employeeID: event.employeeID, planID: event.planID, summary: summary, on: connection)
            else { return }
            try await enqueue([review.event], on: connection)
        }
        return router
    }
}
