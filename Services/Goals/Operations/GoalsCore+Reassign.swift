import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// `{"owner_id": "…", "reason": "…"}`: who takes a goal over, and why.
struct ReassignBody: Decodable {
    var ownerID: String
    var reason: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ownerID = try container.decodeIdentifier(forKey: .ownerID)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }

    enum CodingKeys: String, CodingKey {
        case ownerID = "owner_id"
        case reason
    }
}

extension GoalsCore {
    /// Hands an open employee goal to another employee, typically a leaver's goal flagged
    /// `needs_reassignment`. The old goal is cancelled (`GoalStatusChanged`) and the new owner gets
    /// a draft with the same definition and alignment (`GoalCreated`), to fit into their own
    /// weights and agree with their manager: an agreement is between two people and does not move
    /// with the goal. Only someone who may write both people's goals (a manager above both, HR) may.
    /// - Returns: the new owner's goal.
    public func reassign(
        _ goalID: String, to newOwnerID: String, reason: String?, by principal: Principal, on connection: PostgresConnection
    ) async throws -> Goal {
        try validateComment(reason, field: "reason")
        var old = try await lockedGoal(goalID, for: principal, on: connection).goal
        guard old.definition.level == .employee else {
            throw Problem.conflict("Only employee goals are reassigned; edit an org-level goal's owner by recreating it.")
        }
        guard newOwnerID != old.ownerID else { throw Problem.validation(field: "owner_id", "The goal already belongs to \(newOwnerID).") }
        try await access.requireWriter(ownerID: old.ownerID, level: .employee, principal: principal, on: connection)
        if principal.isSelf(old.ownerID), !principal.isHR {
            throw Problem.forbidden("Your manager or HR hands your goals to someone else.")
        }
        guard let newOwner = try await directory.employee(newOwnerID, on: connection), newOwner.status != "terminated" else {
            throw Problem.validation(field: "owner_id", "No active employee \(newOwnerID) in the org directory.")
        }
        try await access.requireWriter(ownerID: newOwnerID, level: .employee, principal: principal, on: connection)
        let from = old.status
        old.status = try enforcing { try GoalWorkflow.next(from: from, on: .cancel) }
        old.version += 1
        old.needsReassignment = false
        old.updatedAt = Date()
        let now = Date()
        var fresh = Goal(
            goalID: GoalsIdentifier.make(now: now), periodID: old.periodID, ownerID: newOwnerID, status: .draft, version: 1,
            definition: old.definition, currentValue: old.currentValue, milestoneDone: old.milestoneDone,
            keyResultValues: old.keyResultValues, progressPercent: old.progressPercent, atRisk: false, needsReassignment: false,
            frozen: false, templateID: nil, createdBy: principal.subject, createdAt: now, updatedAt: now)
        fresh.progressPercent = Attainment.percent(of: fresh.measurement, policy: settings.policy)
        try await Audit.identify(actor: principal.subject, action: "reassign", on: connection)
        try await goals.update(old, on: connection)
        try await goals.insert(fresh, on: connection)
        let why = reason ?? "reassigned to \(newOwnerID)"
        try await outbox.enqueue([
            try outbox.encode(GoalStatusChanged(
                goalID: old.goalID, ownerID: old.ownerID, periodID: old.periodID, actorID: principal.subject,
                version: old.version, fromStatus: from, toStatus: .cancelled, reason: why)),
            try outbox.encode(GoalCreated(
                goalID: fresh.goalID, ownerID: newOwnerID, periodID: fresh.periodID, actorID: principal.subject, version: 1,
                status: .draft, definition: fresh.definition)),
        ], on: connection)
        GoalsMetrics.transitioned(to: .cancelled)
        GoalsMetrics.created(.employee)
        return fresh
    }
}
