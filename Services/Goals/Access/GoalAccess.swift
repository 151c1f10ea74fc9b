import StrideContracts
import StridePostgres
import StrideRuntime

/// Who may see and change which goals, decided from the token's roles and the org projection:
/// an employee their own goals, a manager their whole reporting line (approving their direct
/// reports), HR everything; company and org-unit goals are visible to everyone.
///
/// A reader who may not see a goal learns nothing about it: ``requireVisible(_:to:on:)`` answers
/// 404, the same as for a goal that does not exist. Employee goals follow the runtime's shared
/// ``OrgAccess`` rules (including separation of duties on decisions); company and org-unit goals
/// have rules of their own.
public struct GoalAccess: Sendable {
    let directory: OrgDirectory
    let org: OrgAccess

    public init(directory: OrgDirectory) {
        self.directory = directory
        org = OrgAccess(directory: directory)
    }

    /// The list visibility of `principal`.
    public func visibility(of principal: Principal) -> GoalVisibility {
        principal.isHR || principal.isService ? .everything : .viewer(principal.subject)
    }

    /// Whether `principal` may see `goal`.
    public func canSee(_ goal: Goal, principal: Principal, on connection: PostgresConnection) async throws -> Bool {
        if goal.definition.level != .employee { return true }
        return try await org.canSee(goal.ownerID, principal: principal, on: connection)
    }

    /// Which of `owners` `principal` may see the employee goals of (themselves and their reporting
    /// line; everyone for HR and services), with one query that walks each owner's manager chain
    /// upwards: the cost follows the owners asked about, never the size of the principal's line.
    public func visibleOwners(
        among owners: Set<String>, to principal: Principal, on connection: PostgresConnection
    ) async throws -> Set<String> {
        if principal.isHR || principal.isService { return owners }
        var visible = owners.filter { principal.isSelf($0) }
        let others = Array(owners.subtracting(visible))
        guard !others.isEmpty else { return visible }
        let viewer = principal.subject
        let rows = try await connection.query("""
            WITH RECURSIVE up (owner_id, manager_id, depth) AS (
                SELECT employee_id, manager_id, 1 FROM \(unescaped: directory.schema).org_employees
                WHERE employee_id = ANY(\(others)::text[])
                UNION ALL
                SELECT u.owner_id, e.manager_id, u.depth + 1
                FROM up u JOIN \(unescaped: directory.schema).org_employees e ON e.employee_id = u.manager_id
                WHERE u.manager_id <> \(viewer) AND u.depth < 256
            )
            SELECT DISTINCT owner_id FROM up WHERE manager_id = \(viewer)
            """)
        for row in rows { visible.insert(try row.decode(0, as: String.self)) }
        return visible
    }

    /// - Throws: 404 when `principal` may not see `goal`.
    public func requireVisible(_ goal: Goal, to principal: Principal, on connection: PostgresConnection) async throws {
        guard try await canSee(goal, principal: principal, on: connection) else {
            throw Problem.notFound("No goal \(goal.goalID) is visible to you.")
        }
    }

    /// May `principal` write goals owned by `ownerID` at `level` (create, edit, record progress)?
    /// Employee goals: the employee, anyone above them, HR. Company goals: HR. Department goals:
    /// HR or a manager in that department. Team goals (owned by the team lead's id): the lead,
    /// anyone above them, HR.
    public func requireWriter(
        ownerID: String, level: GoalLevel, principal: Principal, on connection: PostgresConnection
    ) async throws {
        if principal.isHR { return }
        switch level {
        case .company:
            throw Problem.forbidden("Only HR may write company goals.")
        case .department:
            guard principal.isManager, let me = try await directory.employee(principal.subject, on: connection),
                me.department == ownerID
            else { throw Problem.forbidden("Only HR or a manager of department \(ownerID) may write its goals.") }
        case .team, .employee:
            if principal.isSelf(ownerID) { return }
            guard try await directory.isInReportingLine(ownerID, of: principal.subject, on: connection) else {
                throw Problem.forbidden("You may only write goals of yourself and of your reporting line.")
            }
        }
    }

    /// Approving or returning needs HR or the owner's direct manager, as the org projection says
    /// now, and never the owner themselves (separation of duties: HR's own goals are agreed by
    /// their manager or another HR partner).
    public func requireApprover(of goal: Goal, principal: Principal, on connection: PostgresConnection) async throws {
        try await org.requireDecider(on: goal.ownerID, principal: principal, action: "approve or return", on: connection)
    }

    /// Who is asked to approve `ownerID`'s goals: their manager, or `hr` when they have none.
    public func approver(of ownerID: String, on connection: PostgresConnection) async throws -> String {
        try await directory.employee(ownerID, on: connection)?.managerID ?? "hr"
    }
}
