import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension GoalsCore {
    /// One goal `principal` may see.
    /// - Throws: 404 when it does not exist or is not visible.
    public func goal(_ goalID: String, for principal: Principal, on connection: PostgresConnection) async throws -> Goal {
        guard let goal = try await goals.goal(goalID, on: connection) else {
            throw Problem.notFound("No goal \(goalID) is visible to you.")
        }
        try await access.requireVisible(goal, to: principal, on: connection)
        return goal
    }

    /// A page of the goals `principal` may see that match `filter`.
    public func listGoals(
        _ filter: GoalFilter, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<Goal> {
        let rows = try await goals.list(
            filter, visibility: access.visibility(of: principal), afterID: try page.cursorKey(as: String.self),
            limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.goalID)
    }

    /// The chain of goals `goalID` serves, from its parent up to the company goal.
    public func alignment(of goalID: String, for principal: Principal, on connection: PostgresConnection) async throws -> [Goal] {
        let goal = try await goal(goalID, for: principal, on: connection)
        var chain: [Goal] = []
        for ancestor in try await goals.alignmentChain(of: goal.goalID, on: connection) {
            // An employee goal aligned under another employee's goal stays private to those who may see it.
            guard try await access.canSee(ancestor, principal: principal, on: connection) else { break }
            chain.append(ancestor)
        }
        return chain
    }

    /// A page of a goal's progress history, newest first.
    public func history(
        of goalID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<ProgressEntry> {
        let goal = try await goal(goalID, for: principal, on: connection)
        let rows = try await progress.history(
            of: goal.goalID, beforeID: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.progressID)
    }

    /// A page of a goal's audit trail, oldest first.
    public func auditTrail(
        of goalID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<AuditEntry> {
        let goal = try await goal(goalID, for: principal, on: connection)
        let rows = try await audit.history(
            of: "goals", recordID: goal.goalID, afterID: try page.cursorKey(as: Int64.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.auditID)
    }

    /// A page of periods.
    public func listPeriods(status: GoalPeriod.Status?, page: PageRequest, on connection: PostgresConnection) async throws -> Page<GoalPeriod> {
        let rows = try await periods.list(
            status: status, afterID: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.periodID)
    }

    /// One period.
    public func period(_ periodID: String, on connection: PostgresConnection) async throws -> GoalPeriod {
        guard let period = try await periods.period(periodID, on: connection) else {
            throw Problem.notFound("No goal period \(periodID).")
        }
        return period
    }
}
