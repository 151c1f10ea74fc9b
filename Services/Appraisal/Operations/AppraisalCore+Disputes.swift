import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    var disputes: DisputeStore { DisputeStore(schema: schema) }

    /// The employee disputes their released appraisal, with a reason, within the cycle's dispute
    /// window (``DisputeWindow``). Emits ``AppraisalDisputed``; incentives holds the employee's
    /// recommendations until it is resolved.
    /// - Throws: 404 unless it is the caller's own released appraisal; 409 after the window, once
    ///   the cycle is closed, or while another dispute is open; 400 naming the field.
    func raiseDispute(
        about appraisalID: String, _ body: NewDispute, by principal: Principal, on connection: PostgresConnection
    ) async throws -> DisputeRecord {
        let (view, relation) = try await visibleAppraisal(appraisalID, to: principal, forUpdate: true, on: connection)
        guard relation == .own, CyclePhases.isReleased(view.phase), view.version > 0 else {
            throw Problem.notFound("No released appraisal \(appraisalID) of yours.")
        }
        var violations: [AppraisalRuleViolation] = []
        FieldChecks.requiredText(body.reason, field: "reason", name: "reason", maxLength: 4_000, into: &violations)
        FieldChecks.identifiers(body.disputedFields, field: "disputed_fields", name: "disputed parts", minCount: 1, maxCount: 5, into: &violations)
        for (index, field) in body.disputedFields.enumerated() where !NewDispute.disputable.contains(field) {
            violations.append(AppraisalRuleViolation(
                .invalid, field: "disputed_fields[\(index)]", "Dispute one of: \(NewDispute.disputable.sorted().joined(separator: ", "))."))
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        guard let cycle = try await cycles.cycle(view.cycleID, on: connection), view.phase == .feedback, let released = cycle.releasedOn else {
            throw Problem.conflict("The cycle is closed; disputes are over.")
        }
        guard DisputeWindow.isOpen(releasedOn: released, days: cycle.disputeWindowDays, today: today) else {
            throw Problem.conflict(
                "The dispute window closed on \(DisputeWindow.deadline(releasedOn: released, days: cycle.disputeWindowDays)).")
        }
        try await Audit.identify(actor: principal.subject, action: "dispute", on: connection)
        guard let dispute = try await disputes.insert(newID(), appraisal: view, body, by: principal.subject, on: connection) else {
            throw Problem.conflict("A dispute of this appraisal is already open.")
        }
        try await outbox.enqueue(
            AppraisalDisputed(
                disputeID: dispute.disputeID, appraisalID: appraisalID, cycleID: view.cycleID, employeeID: view.employeeID,
                version: view.version, actorID: principal.subject, disputedFields: body.disputedFields, reason: body.reason),
            on: connection)
        return dispute
    }

    /// A dispute, for the employee, their reporting line and HR. - Throws: 404 to anyone else.
    func dispute(_ disputeID: String, for principal: Principal, on connection: PostgresConnection) async throws -> DisputeRecord {
        guard let dispute = try await disputes.dispute(disputeID, on: connection),
            try await access.relation(of: principal, to: dispute.employeeID, on: connection) != .unrelated
        else { throw Problem.notFound("No dispute \(disputeID).") }
        return dispute
    }

    /// Resolves a dispute: HR upholds it, amends the appraisal (its next version, announced by a
    /// new ``AppraisalFinalized`` so downstream systems correct themselves), or records that the
    /// employee withdrew it; the employee may withdraw it themselves. Emits
    /// ``AppraisalDisputeResolved`` with the version in force.
    /// - Throws: 404 unless the caller may see it; 403 for HR resolving a dispute about
    ///   themselves, and for the employee doing anything but withdraw; 409 when it is resolved;
    ///   400 naming the field (an amendment without a change, a level off the scale).
    func resolveDispute(
        _ disputeID: String, _ body: DisputeResolutionBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> DisputeRecord {
        guard var dispute = try await disputes.dispute(disputeID, forUpdate: true, on: connection),
            try await access.relation(of: principal, to: dispute.employeeID, on: connection) != .unrelated
        else { throw Problem.notFound("No dispute \(disputeID).") }
        if principal.isSelf(dispute.employeeID) {
            guard body.resolution == .withdrawn else {
                throw Problem.forbidden("Nobody decides a dispute about themselves; you may withdraw it.")
            }
        } else {
            try principal.require(anyOf: [.hr, .admin])
        }
        guard dispute.status == "open" else { throw Problem.conflict("The dispute is already \(dispute.status).") }
        guard let appraisal = try await appraisals.appraisal(dispute.appraisalID, forUpdate: true, on: connection) else { throw Problem.internal() }
        let terms = try await terms(ofCycle: appraisal.cycleID, on: connection)
        var violations: [AppraisalRuleViolation] = []
        FieldChecks.requiredText(body.comment, field: "comment", name: "comment", maxLength: 4_000, into: &violations)
        if body.resolution == .amended {
            if body.ratingLevel == nil && body.potential == nil {
                violations.append(AppraisalRuleViolation(.invalid, field: "rating_level", "An amendment changes the rating level or the potential."))
            }
            if let level = body.ratingLevel, !terms.scale.contains(level) {
                violations.append(AppraisalRuleViolation(.invalid, field: "rating_level", "A level is from 1 to \(terms.scale.maximum)."))
            }
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await Audit.identify(actor: principal.subject, action: "resolve_dispute", on: connection)
        var resultingVersion = appraisal.version
        if body.resolution == .amended {
            let amended = try await disputes.amend(
                appraisal.appraisalID, level: body.ratingLevel ?? appraisal.ratingLevel ?? 1,
                potential: body.potential ?? appraisal.potential ?? .moderate, by: principal.subject, on: connection)
            resultingVersion = amended.version
            try await outbox.enqueue(finalized(amended, cycleID: appraisal.cycleID, terms: terms, actor: principal.subject), on: connection)
            AppraisalMetrics.finalized(1)
        }
        try await disputes.resolve(disputeID, as: body.resolution, comment: body.comment, by: principal.subject, on: connection)
        try await outbox.enqueue(
            AppraisalDisputeResolved(
                disputeID: disputeID, appraisalID: appraisal.appraisalID, cycleID: appraisal.cycleID, employeeID: appraisal.employeeID,
                actorID: principal.subject, resolution: body.resolution, resultingVersion: resultingVersion, comment: body.comment),
            on: connection)
        dispute.status = body.resolution.rawValue
        dispute.resolvedBy = principal.subject
        dispute.resolvedAt = now
        dispute.resolutionComment = body.comment
        return dispute
    }
}
