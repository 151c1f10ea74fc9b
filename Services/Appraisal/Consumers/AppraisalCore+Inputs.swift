import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    /// What appraisal takes from `stride.goals.v1`: each employee's goal attainment per period,
    /// the quantitative half of the score. A correction (a higher version) replaces it; a late,
    /// older version never does.
    func goalEvents() -> InboxRouter {
        var router = InboxRouter()
        router.on(AttainmentFinalized.self) { event, message, connection in
            try await connection.execute("""
                INSERT INTO \(unescaped: schema).attainments
                    (employee_id, period_id, version, weighted_attainment_percent, goals, event_id)
                VALUES (\(event.employeeID), \(event.periodID), \(event.version), \(event.weightedAttainmentPercent),
                        \(PostgresJSON(event.goals)), \(message.metadata.id.uuidString.lowercased()))
                ON CONFLICT (employee_id, period_id) DO UPDATE
                SET version = excluded.version, weighted_attainment_percent = excluded.weighted_attainment_percent,
                    goals = excluded.goals, event_id = excluded.event_id, received_at = now()
                WHERE attainments.version < excluded.version
                """)
        }
        return router
    }

    /// What appraisal takes from `stride.coaching.v1`: the objective records a manager reads next
    /// to each goal while reviewing — evidence entries, and improvement plans started and closed.
    func coachingEvents() -> InboxRouter {
        var router = InboxRouter()
        router.on(EvidenceLogged.self) { event, _, connection in
            try await addFact(
                "evidence:\(event.evidenceID)", about: event.employeeID, kind: "evidence_\(event.kind.rawValue)", goalID: event.goalID,
                on: event.occurredOn, summary: event.summary, connection)
        }
        router.on(ImprovementPlanStarted.self) { event, _, connection in
            try await addFact(
                "plan-started:\(event.planID)", about: event.employeeID, kind: "improvement_plan_started", goalID: nil,
                on: event.startsOn, summary: event.reason, connection)
        }
        router.on(ImprovementPlanClosed.self) { event, _, connection in
            try await addFact(
                "plan-closed:\(event.planID):\(event.outcome.rawValue):\(event.closedOn)", about: event.employeeID,
                kind: "improvement_plan_\(event.outcome.rawValue)", goalID: nil, on: event.closedOn,
                summary: "\(event.objectivesMet) of \(event.objectivesTotal) objectives met. \(event.reason)", connection)
        }
        return router
    }

    private func addFact(
        _ factID: String, about employeeID: String, kind: String, goalID: String?, on day: CalendarDate, summary: String,
        _ connection: PostgresConnection
    ) async throws {
        try await connection.execute("""
            INSERT INTO \(unescaped: schema).coaching_facts (fact_id, employee_id, kind, goal_id, occurred_on, summary)
            VALUES (\(factID), \(employeeID), \(kind), \(goalID), \(day.description)::date, \(String(summary.prefix(2_000))))
            ON CONFLICT (fact_id) DO NOTHING
            """)
    }
}
