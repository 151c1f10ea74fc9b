import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension GoalsCore {
    /// The employee submits their draft and returned goals in the period for their manager's
    /// agreement: all of them at once, because their weights (of every goal not cancelled) must
    /// sum to 100 first.
    public func submitGoals(
        of ownerID: String, in periodID: String, comment: String?, by principal: Principal, on connection: PostgresConnection
    ) async throws -> [Goal] {
        guard principal.isSelf(ownerID) || principal.isHR else {
            throw Problem.forbidden("Only \(ownerID) (or HR) may submit their goals.")
        }
        try validateComment(comment, field: "comment")
        _ = try await openPeriod(periodID, field: nil, on: connection)
        let owned = try await goals.goals(ownedBy: ownerID, in: periodID, forUpdate: true, on: connection)
        let pending = owned.filter { $0.status == .draft || $0.status == .returned }
        guard !pending.isEmpty else {
            throw Problem.conflict("\(ownerID) has no draft or returned goals in this period to submit.")
        }
        try enforcing { try WeightRules.validateForSubmission(owned.filter { $0.status != .cancelled }.map(\.definition.weight)) }
        let approver = try await access.approver(of: ownerID, on: connection)
        try await Audit.identify(actor: principal.subject, action: "submit", on: connection)
        var submitted: [Goal] = []
        for var goal in pending {
            goal.status = try enforcing { try GoalWorkflow.next(from: goal.status, on: .submit) }
            goal.version += 1
            goal.updatedAt = Date()
            try await goals.update(goal, on: connection)
            try await outbox.enqueue(
                GoalSubmitted(
                    goalID: goal.goalID, ownerID: ownerID, periodID: periodID, actorID: principal.subject, version: goal.version,
                    approverID: approver, comment: comment),
                on: connection)
            submitted.append(goal)
        }
        GoalsMetrics.transitioned(to: .submitted, count: submitted.count)
        return submitted
    }

    /// The owner's manager (or HR) agrees a submitted goal, or returns it with what must change.
    public func decide(
        _ goalID: String, approve: Bool, comment: String?, by principal: Principal, on connection: PostgresConnection
    ) async throws -> Goal {
        var goal = try await lockedGoal(goalID, for: principal, on: connection).goal
        try await access.requireApprover(of: goal, principal: principal, on: connection)
        try validateComment(comment, field: approve ? "comment" : "reason")
        if !approve, (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw Problem.validation(field: "reason", "Say what must change when returning a goal.")
        }
        goal.status = try enforcing { try GoalWorkflow.next(from: goal.status, on: approve ? .approve : .return) }
        goal.version += 1
        goal.updatedAt = Date()
        try await Audit.identify(actor: principal.subject, action: approve ? "approve" : "return", on: connection)
        try await goals.update(goal, on: connection)
        if approve {
            try await outbox.enqueue(
                GoalApproved(
                    goalID: goalID, ownerID: goal.ownerID, periodID: goal.periodID, actorID: principal.subject,
                    version: goal.version, comment: comment),
                on: connection)
        } else {
            try await outbox.enqueue(
                GoalRejected(
                    goalID: goalID, ownerID: goal.ownerID, periodID: goal.periodID, actorID: principal.subject,
                    version: goal.version, reason: comment ?? ""),
                on: connection)
        }
        GoalsMetrics.transitioned(to: goal.status)
        return goal
    }

    /// Moves a goal along its lifecycle: activate, complete or cancel (submit, approve and
    /// return have their own calls).
    public func transition(
        _ goalID: String, action: GoalAction, reason: String?, by principal: Principal, on connection: PostgresConnection
    ) async throws -> Goal {
        guard [.activate, .complete, .cancel].contains(action) else {
            throw Problem.validation(field: "action", "Use activate, complete or cancel here; submit, approve and return have their own endpoints.")
        }
        try validateComment(reason, field: "reason")
        var goal = try await lockedGoal(goalID, for: principal, on: connection).goal
        try await access.requireWriter(ownerID: goal.ownerID, level: goal.definition.level, principal: principal, on: connection)
        let from = goal.status
        if action == .cancel, goal.definition.level == .employee, [.approved, .active].contains(from),
            principal.isSelf(goal.ownerID), !principal.isHR
        {
            throw Problem.forbidden("An agreed goal is cancelled by your manager or HR: it changes the weights they approved.")
        }
        goal.status = try enforcing { try GoalWorkflow.next(from: from, on: action) }
        goal.version += 1
        goal.updatedAt = Date()
        if goal.status == .cancelled { goal.needsReassignment = false }
        try await Audit.identify(actor: principal.subject, action: action.rawValue, on: connection)
        try await goals.update(goal, on: connection)
        try await outbox.enqueue(
            GoalStatusChanged(
                goalID: goalID, ownerID: goal.ownerID, periodID: goal.periodID, actorID: principal.subject,
                version: goal.version, fromStatus: from, toStatus: goal.status, reason: reason),
            on: connection)
        GoalsMetrics.transitioned(to: goal.status)
        return goal
    }

    /// Free text a user sends must fit.
    func validateComment(_ text: String?, field: String) throws(Problem) {
        guard let text, text.count > GoalDefinitionRules.maxCommentLength else { return }
        throw Problem.validation(field: field, "Keep the \(field) to \(GoalDefinitionRules.maxCommentLength) characters.")
    }
}
