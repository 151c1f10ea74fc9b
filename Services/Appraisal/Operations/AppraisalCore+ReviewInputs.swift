import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    /// How many coaching facts ``reviewInputs(of:for:on:)`` shows at most, newest first.
    static let reviewInputFactLimit = 200

    /// What the employee's manager (anyone in their reporting line) and HR read while reviewing:
    /// the finalized goal attainment of the cycle's period and the coaching facts next to each
    /// goal. - Throws: 404 for the employee themselves and anyone who may not see the appraisal.
    func reviewInputs(of appraisalID: String, for principal: Principal, on connection: PostgresConnection) async throws -> ReviewInputs {
        let (view, relation) = try await visibleAppraisal(appraisalID, to: principal, on: connection)
        guard relation != .own, let cycle = try await cycles.cycle(view.cycleID, on: connection) else {
            throw Problem.notFound("No appraisal \(appraisalID).")
        }
        let attainment = try await connection.query("""
            SELECT version, weighted_attainment_percent, goals FROM \(unescaped: schema).attainments
            WHERE employee_id = \(view.employeeID) AND period_id = \(cycle.periodID)
            """).first
        let goals = try attainment?.decode("goals", as: PostgresJSON<[GoalAttainment]>.self).value ?? []
        let facts = try await connection.query("""
            SELECT kind, goal_id, occurred_on, summary FROM \(unescaped: schema).coaching_facts
            WHERE employee_id = \(view.employeeID)
            ORDER BY occurred_on DESC, fact_id LIMIT \(Self.reviewInputFactLimit)
            """).map(CoachingFact.init(row:))
        let goalIDs = Set(goals.map(\.goalID))
        return ReviewInputs(
            appraisalID: appraisalID, employeeID: view.employeeID, periodID: cycle.periodID,
            attainmentVersion: try attainment?.decode("version", as: Int.self),
            weightedAttainmentPercent: try attainment?.decode("weighted_attainment_percent", as: Decimal.self),
            goals: goals.map { goal in GoalInput(attainment: goal, facts: facts.filter { $0.goalID == goal.goalID }) },
            otherFacts: facts.filter { $0.goalID.map { !goalIDs.contains($0) } ?? true })
    }
}
