import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension CoachingCore {
    var planStore: ImprovementPlanStore { ImprovementPlanStore(schema: schema) }

    /// The employee's direct manager drafts an improvement plan (nothing is published yet).
    /// - Throws: 404 when the caller may not see the employee, 403 unless the caller is their
    ///   direct manager, 400/422 naming each field the draft breaks.
    func draftPlan(_ body: PlanDraftBody, by principal: Principal, on connection: PostgresConnection) async throws
        -> ImprovementPlanResponse
    {
        try await access.requireVisible(body.employeeID, to: principal, on: connection)
        guard let employee = try await directory.employee(body.employeeID, on: connection) else {
            throw CoachingRuleViolation(.unprocessable, field: "employee_id", "No employee \(body.employeeID) in the org directory.")
        }
        guard let managerID = employee.managerID, principal.isSelf(managerID) else {
            throw Problem.forbidden("Only \(body.employeeID)'s direct manager drafts an improvement plan for them.")
        }
        let draft = ImprovementPlanDraft(
            employeeID: body.employeeID, managerID: managerID, hrPartnerID: body.hrPartnerID, appraisalID: body.appraisalID,
            reason: body.reason, startsOn: body.startsOn, endsOn: body.endsOn,
            objectives: PlanObjectiveBody.objectives(body.objectives), support: body.support.map(\.offer),
            checkpoints: PlanCheckpointBody.checkpoints(body.checkpoints))
        let violations = ImprovementPlanRules.violations(of: draft, authorID: principal.subject, policy: settings.planPolicy)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        let plan = ImprovementPlan(planID: newID(), authorID: principal.subject, content: draft)
        try await Audit.identify(actor: principal.subject, action: "draft-improvement-plan", on: connection)
        try await planStore.insert(plan, on: connection)
        CoachingMetrics.recorded("improvement_plan")
        return try await planResponse(plan.planID, on: connection)
    }

    /// The author revises a draft; `version` must be the plan's current one.
    /// - Throws: 404 unless visible, 403 unless the author, 409 for a stale version or a plan
    ///   past draft, 400/422 naming each field the revised draft breaks.
    func revisePlan(
        _ planID: String, _ patch: PlanPatchBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> ImprovementPlanResponse {
        var stored = try await visiblePlan(planID, forUpdate: true, to: principal, on: connection)
        guard principal.isSelf(stored.plan.authorID) else {
            throw Problem.forbidden("Only the plan's author revises it.")
        }
        guard patch.version == stored.version else {
            throw Problem.conflict("The plan is at version \(stored.version), not \(patch.version); reload it and try again.")
        }
        let draft = patch.applied(to: stored.plan.content)
        if stored.plan.status == .draft {
            let violations = ImprovementPlanRules.violations(of: draft, authorID: stored.plan.authorID, policy: settings.planPolicy)
            guard violations.isEmpty else { throw Problem.rules(violations) }
        }
        try stored.plan.revise(with: draft, policy: settings.planPolicy)
        try await Audit.identify(actor: principal.subject, action: "revise-improvement-plan", on: connection)
        try await planStore.update(stored.plan, on: connection)
        CoachingMetrics.recorded("improvement_plan")
        return try await planResponse(planID, on: connection)
    }

    /// HR approves a draft. Separation of duties: never its author, the employee on it or their manager.
    /// - Throws: 404 unless visible, 403 for anyone but such an HR person, 409 unless a draft.
    func approvePlan(_ planID: String, by principal: Principal, on connection: PostgresConnection) async throws
        -> ImprovementPlanResponse
    {
        var stored = try await visiblePlan(planID, forUpdate: true, to: principal, on: connection)
        let plan = stored.plan
        guard principal.isHR else { throw Problem.forbidden("Only HR approves an improvement plan.") }
        guard ![plan.authorID, plan.employeeID, plan.content.managerID].contains(principal.subject) else {
            throw Problem.forbidden(
                "Separation of duties: the plan's author, the employee on it and their manager cannot approve it.")
        }
        try stored.plan.approve(by: principal.subject, approverIsHR: true)
        try await Audit.identify(actor: principal.subject, action: "approve-improvement-plan", on: connection)
        try await planStore.update(stored.plan, approvedAt: now, on: connection)
        CoachingMetrics.recorded("improvement_plan")
        return try await planResponse(planID, on: connection)
    }

    /// The employee acknowledges the approved plan, which starts it: emits ``ImprovementPlanStarted``.
    /// - Throws: 404 unless visible, 403 for anyone but the employee, 409 unless approved.
    func acknowledgePlan(_ planID: String, by principal: Principal, on connection: PostgresConnection) async throws
        -> ImprovementPlanResponse
    {
        var stored = try await visiblePlan(planID, forUpdate: true, to: principal, on: connection)
        guard principal.isSelf(stored.plan.employeeID) else {
            throw Problem.forbidden("Only the employee on the plan acknowledges it.")
        }
        try stored.plan.acknowledge(by: principal.subject, on: today)
        try await Audit.identify(actor: principal.subject, action: "acknowledge-improvement-plan", on: connection)
        try await planStore.update(stored.plan, on: connection)
        let plan = stored.plan
        try await outbox.enqueue(
            ImprovementPlanStarted(
                planID: planID, employeeID: plan.employeeID, managerID: plan.content.managerID,
                hrPartnerID: plan.content.hrPartnerID, actorID: principal.subject, appraisalID: plan.content.appraisalID,
                startsOn: plan.content.startsOn, endsOn: plan.endsOn, reason: plan.content.reason,
                objectives: plan.content.objectives, supportOffered: plan.content.support.map(\.contractText),
                checkpointDates: plan.checkpoints.map(\.dueOn)),
            on: connection)
        CoachingMetrics.recorded("improvement_plan")
        return try await planResponse(planID, on: connection)
    }

    /// The manager (or the plan's HR partner) reviews a checkpoint: emits ``ImprovementPlanCheckpointReviewed``.
    /// - Throws: 404 unless visible, 403 for anyone else, 409 unless in progress or when already
    ///   reviewed, 422 (`checkpoint_id`) for a checkpoint not in the plan, 400 naming bad fields.
    func reviewCheckpoint(
        _ planID: String, checkpoint checkpointID: String, _ body: CheckpointReviewBody, by principal: Principal,
        on connection: PostgresConnection
    ) async throws -> ImprovementPlanResponse {
        var stored = try await visiblePlan(planID, forUpdate: true, to: principal, on: connection)
        try requirePlanLead(stored.plan, principal, action: "reviews its checkpoints")
        let review = CheckpointReview(
            reviewerID: principal.subject, reviewedOn: body.reviewedOn ?? today, assessment: body.assessment,
            objectivesMet: body.objectivesMet, notes: body.notes)
        try stored.plan.review(checkpoint: checkpointID, review, today: today)
        try await Audit.identify(actor: principal.subject, action: "review-plan-checkpoint", on: connection)
        try await planStore.update(stored.plan, on: connection)
        try await outbox.enqueue(
            ImprovementPlanCheckpointReviewed(
                planID: planID, checkpointID: checkpointID, employeeID: stored.plan.employeeID, actorID: principal.subject,
                reviewedOn: review.reviewedOn, assessment: review.assessment, objectivesMet: review.objectivesMet,
                objectivesTotal: stored.plan.objectivesTotal, comment: review.notes),
            on: connection)
        CoachingMetrics.recorded("improvement_plan")
        return try await planResponse(planID, on: connection)
    }

    /// The manager (or the plan's HR partner) decides the outcome: succeeded or failed closes the
    /// plan, extended moves its end within the policy. Emits ``ImprovementPlanClosed``; a failed
    /// plan is for incentives to turn into a consequence review — nothing happens automatically here.
    /// - Throws: 404 unless visible, 403 for anyone else, 409 unless in progress, when failing
    ///   early or with unreviewed checkpoints, or when the extensions are used up; 400 naming bad fields.
    func closePlan(
        _ planID: String, _ body: PlanClosingBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> ImprovementPlanResponse {
        var stored = try await visiblePlan(planID, forUpdate: true, to: principal, on: connection)
        try requirePlanLead(stored.plan, principal, action: "decides its outcome")
        let latestReview = stored.plan.checkpoints.compactMap(\.review).max { $0.reviewedOn < $1.reviewedOn }
        let closing = PlanClosing(
            outcome: body.outcome, closedOn: body.closedOn ?? today, extendedUntil: body.extendedUntil,
            newCheckpoints: PlanCheckpointBody.checkpoints(body.checkpoints ?? [], numberedFrom: stored.plan.checkpoints.count + 1),
            objectivesMet: body.objectivesMet ?? latestReview?.objectivesMet ?? 0, reason: body.reason)
        try stored.plan.close(closing, by: principal.subject, today: today, policy: settings.planPolicy)
        let closes = closing.outcome != .extended
        try await Audit.identify(actor: principal.subject, action: "close-improvement-plan", on: connection)
        try await planStore.update(
            stored.plan, closedOn: closes ? closing.closedOn : nil, closingReason: closes ? closing.reason : nil, on: connection)
        try await outbox.enqueue(
            ImprovementPlanClosed(
                planID: planID, employeeID: stored.plan.employeeID, actorID: principal.subject, outcome: closing.outcome,
                closedOn: closing.closedOn, extendedUntil: closing.extendedUntil, objectivesMet: closing.objectivesMet,
                objectivesTotal: stored.plan.objectivesTotal, reason: closing.reason),
            on: connection)
        CoachingMetrics.recorded("improvement_plan")
        return try await planResponse(planID, on: connection)
    }

    /// One plan, for whoever may see it.
    /// - Throws: 404 for a plan that does not exist or that the caller may not see.
    func improvementPlan(_ planID: String, for principal: Principal, on connection: PostgresConnection) async throws
        -> ImprovementPlanResponse
    {
        ImprovementPlanResponse(try await visiblePlan(planID, forUpdate: false, to: principal, on: connection))
    }

    /// An employee's plans, newest first.
    /// - Throws: 404 when the caller may not see the employee's records.
    func improvementPlans(
        of employeeID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<ImprovementPlanResponse> {
        try await access.requireVisible(employeeID, to: principal, on: connection)
        let after = try page.cursorKey(as: String.self)
        let rows = try await planStore.plans(of: employeeID, after: after, limit: page.fetchLimit, on: connection)
        return try Page(rows: rows.map(ImprovementPlanResponse.init), request: page, key: \.planID)
    }

    /// The plan, locked when `forUpdate`, if the caller may see it (the employee, their reporting
    /// line, HR, its author).
    private func visiblePlan(
        _ planID: String, forUpdate: Bool, to principal: Principal, on connection: PostgresConnection
    ) async throws -> ImprovementPlanStore.StoredPlan {
        let notFound = Problem.notFound("No improvement plan \(planID) is visible to you.")
        guard let stored = try await planStore.plan(planID, forUpdate: forUpdate, on: connection) else { throw notFound }
        let relation = try await access.relation(
            of: principal, toRecordAbout: stored.plan.employeeID, authoredBy: stored.plan.authorID, on: connection)
        guard RecordAccess.canSee(relation) else { throw notFound }
        return stored
    }

    /// - Throws: 403 unless `principal` is the plan's manager or its HR partner.
    private func requirePlanLead(_ plan: ImprovementPlan, _ principal: Principal, action: String) throws {
        guard principal.isSelf(plan.content.managerID) || plan.content.hrPartnerID.map(principal.isSelf) == true else {
            throw Problem.forbidden("Only the plan's manager or its HR partner \(action).")
        }
    }

    private func planResponse(_ planID: String, on connection: PostgresConnection) async throws -> ImprovementPlanResponse {
        guard let stored = try await planStore.plan(planID, on: connection) else {
            throw Problem.notFound("No improvement plan \(planID).")
        }
        return ImprovementPlanResponse(stored)
    }
}
