import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

/// `POST /v1/comp-cycles/{id}/departments/{department}/approve`: `{"comment"?}`.
struct ApprovalBody: Decodable, Sendable {
    var comment: String?
}

/// What approving a department did.
public struct DepartmentApproval: Encodable, Sendable {
    public var compCycleID: String
    public var department: String
    public var approvedRecommendations: Int
    public var compensationChanges: Int
    public var budgets: [DepartmentBudgetView]

    enum CodingKeys: String, CodingKey {
        case compCycleID = "comp_cycle_id"
        case department
        case approvedRecommendations = "approved_recommendations"
        case compensationChanges = "compensation_changes"
        case budgets
    }
}

extension IncentivesCore {
    /// HR approves a department: every proposed recommendation of it becomes approved
    /// (`RecommendationApproved`), and each approved payment becomes one compensation change
    /// for payroll (`CompensationChangeApproved`) — all in this one transaction with the outbox,
    /// under deterministic change ids, so a retry or a crash can neither lose nor double one.
    /// - Throws: 403 for anyone but HR, and for HR whose own pay is in the department; 404;
    ///   409 when not run, already approved, or adjustments wait for HR.
    func approve(
        _ cycleID: String, department: String, _ body: ApprovalBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> DepartmentApproval {
        try principal.require(anyOf: [.hr, .admin])
        var violations: [IncentivesRuleViolation] = []
        FieldChecks.optionalText(body.comment, field: "comment", name: "comment", maxLength: 2_000, into: &violations)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        // The cycle share-locked (a run or the release waits), the department's budgets locked
        // for update: approvals of different departments run side by side, one department's in turn.
        guard let cycle = try await cycles.cycle(cycleID, forShare: true, on: connection) else {
            throw Problem.notFound("No compensation cycle \(cycleID).")
        }
        guard cycle.status != "open" else { throw Problem.conflict("The cycle has not run yet.") }
        try await cycles.lockDepartment(cycleID, department: department, on: connection)
        let budgets = try await cycles.budgets(of: cycleID, department: department, on: connection)
        guard !budgets.isEmpty else { throw Problem.notFound("No department \(department) in compensation cycle \(cycleID).") }
        guard budgets.allSatisfy({ $0.approvedAt == nil }) else { throw Problem.conflict("\(department) is already approved.") }
        guard try await adjustments.pendingCount(in: cycleID, department: department, on: connection) == 0 else {
            throw Problem.conflict("Adjustments in \(department) wait for HR's decision; decide them first.")
        }
        let own = try await recommendations.page(
            of: cycleID, filter: RecommendationFilter(department: department, employeeID: principal.subject), manager: nil, after: nil,
            limit: 1, on: connection)
        guard own.isEmpty else { throw Problem.forbidden("Your own pay is in \(department); another HR person approves it.") }
        try await Audit.identify(actor: principal.subject, action: "approve_department", on: connection)
        try await cycles.markApproved(cycleID, department: department, by: principal.subject, on: connection)
        // A department can hold tens of thousands of recommendations: one summary entry says who
        // approved it, instead of a row-level entry per recommendation and change.
        try await Audit.suspendRowAudit(on: connection)
        let started = ContinuousClock.now
        let approval = try await AnnouncementStore(schema: schema, source: outbox.source).approveDepartment(
            cycle, department: department, actor: principal.subject, comment: body.comment, incentivesTopic: settings.incentivesTopic,
            payrollTopic: settings.payrollTopic, time: now, on: connection)
        try await AuditTrail(schema: schema).record(
            table: "comp_cycles", recordID: cycleID, action: "approve_department", before: nil,
            after: String(decoding: try JSONEncoder().encode([
                "department": department, "recommendations": "\(approval.recommendations)", "compensation_changes": "\(approval.changes)",
            ]), as: UTF8.self),
            actor: principal.subject, on: connection)
        Failpoint.incentivesApprovalBeforeCommit.hit()
        IncentivesMetrics.payroll(approval.changes, event: "approved")
        logger.info("department approved", metadata: [
            "comp_cycle.id": "\(cycleID)", "department": "\(department)", "recommendations": "\(approval.recommendations)",
            "changes": "\(approval.changes)", "statement.ms": "\((ContinuousClock.now - started).components.seconds * 1_000 + (ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000)",
        ])
        return DepartmentApproval(
            compCycleID: cycleID, department: department, approvedRecommendations: approval.recommendations,
            compensationChanges: approval.changes,
            budgets: try await cycles.budgets(of: cycleID, department: department, on: connection))
    }

    /// A cycle's compensation changes, for HR (what payroll was sent).
    func changePage(of cycleID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection) async throws -> Page<CompensationChange> {
        try principal.require(anyOf: [.hr, .admin])
        _ = try await cycle(cycleID, for: principal, on: connection)
        let rows = try await changes.page(of: cycleID, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.changeID)
    }
}
