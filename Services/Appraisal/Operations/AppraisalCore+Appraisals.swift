import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

/// `PUT /v1/appraisals/{id}/potential`: `{"potential"}`, the manager's view of the employee's potential.
struct PotentialBody: Decodable, Sendable {
    var potential: TalentLevel
}

/// `POST /v1/appraisals/{id}/acknowledge`: `{"comment"?}`.
struct AcknowledgementBody: Decodable, Sendable {
    var comment: String?
}

extension AppraisalCore {
    /// One appraisal: for the employee (numbers only once released), their reporting line and HR.
    /// - Throws: 404 to anyone else, as for one that does not exist.
    func appraisal(_ appraisalID: String, for principal: Principal, on connection: PostgresConnection) async throws -> AppraisalView {
        let (view, relation) = try await visibleAppraisal(appraisalID, to: principal, on: connection)
        return relation == .own && !CyclePhases.isReleased(view.phase) ? view.withheld() : view
    }

    /// How the score was reached, line by line: HR sees its full provenance; the employee (once
    /// released) and their reporting line see it without anything that could point at one peer,
    /// report or external rater (``ScoreExplanation/forParticipants()``).
    /// - Throws: 404 as for ``appraisal(_:for:on:)``, and while there is no score (or, for the
    ///   employee, before release).
    func score(of appraisalID: String, for principal: Principal, on connection: PostgresConnection) async throws -> ScoreView {
        let (view, relation) = try await visibleAppraisal(appraisalID, to: principal, on: connection)
        guard relation != .own || CyclePhases.isReleased(view.phase),
            let explanation = try await appraisals.explanation(of: appraisalID, on: connection)
        else { throw Problem.notFound("Appraisal \(appraisalID) has no score yet.") }
        // HR sees every number of anyone else's score, also of people in their own reporting line.
        let full = relation != .own && (principal.isHR || principal.isService)
        return ScoreView(appraisalID: appraisalID, version: view.version, explanation: full ? explanation : explanation.forParticipants())
    }

    /// A cycle's appraisals: all of them for HR, the caller's reporting line for a manager.
    /// - Throws: 404 for no such cycle (or one the caller has no part in).
    func appraisals(
        in cycleID: String, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<AppraisalView> {
        _ = try await cycle(cycleID, for: principal, on: connection)
        let line = principal.isHR || principal.isService ? nil : try await directory.reportingLine(of: principal.subject, on: connection)
        let rows = try await appraisals.appraisals(
            of: cycleID, within: line, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        // HR listing a cycle they are part of sees their own results only once released, as anyone.
        let visible = rows.map { principal.isSelf($0.employeeID) && !CyclePhases.isReleased($0.phase) ? $0.withheld() : $0 }
        return try Page(rows: visible, request: page, key: \.appraisalID)
    }

    /// The manager (or HR) rates the employee's potential, the nine-box's second axis.
    /// - Throws: 404 when the caller may not see the appraisal; 403 for the employee themselves
    ///   and anyone but their direct manager or HR; 409 outside manager review and calibration.
    func setPotential(
        of appraisalID: String, to potential: TalentLevel, by principal: Principal, on connection: PostgresConnection
    ) async throws -> AppraisalView {
        let (view, _) = try await visibleAppraisal(appraisalID, to: principal, forUpdate: true, on: connection)
        try await access.requireDecider(on: view.employeeID, principal: principal, action: "rate the potential in", on: connection)
        guard CyclePhases.isScoringOpen(view.phase) else {
            throw Problem.conflict("Potential is rated in manager review or calibration; the cycle is in \(view.phase.rawValue).")
        }
        try await Audit.identify(actor: principal.subject, action: "rate_potential", on: connection)
        try await connection.execute("""
            UPDATE \(unescaped: schema).appraisals SET potential = \(potential.rawValue), updated_at = now()
            WHERE appraisal_id = \(appraisalID)
            """)
        var updated = view
        updated.potential = potential
        return updated
    }

    /// The employee acknowledges their released appraisal ("I have seen it", not "I agree").
    /// Emits ``AppraisalAcknowledged``; acknowledging the same version again changes nothing.
    /// - Throws: 404 unless it is the caller's own released appraisal; 409 after the feedback phase.
    func acknowledge(
        _ appraisalID: String, comment: String?, by principal: Principal, on connection: PostgresConnection
    ) async throws -> AppraisalView {
        let (view, relation) = try await visibleAppraisal(appraisalID, to: principal, forUpdate: true, on: connection)
        guard relation == .own, CyclePhases.isReleased(view.phase) else { throw Problem.notFound("No released appraisal \(appraisalID) of yours.") }
        var violations: [AppraisalRuleViolation] = []
        FieldChecks.optionalText(comment, field: "comment", name: "comment", maxLength: 2_000, into: &violations)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        guard view.phase == .feedback else { throw Problem.conflict("The cycle is closed; acknowledgements are over.") }
        if view.acknowledgedVersion == view.version { return view }
        try await Audit.identify(actor: principal.subject, action: "acknowledge", on: connection)
        try await connection.execute("""
            UPDATE \(unescaped: schema).appraisals
            SET acknowledged_version = version, acknowledged_at = now(), acknowledgement_comment = \(comment), updated_at = now()
            WHERE appraisal_id = \(appraisalID)
            """)
        try await outbox.enqueue(
            AppraisalAcknowledged(
                appraisalID: appraisalID, cycleID: view.cycleID, employeeID: view.employeeID, version: view.version,
                actorID: principal.subject, comment: comment),
            on: connection)
        var updated = view
        updated.acknowledgedVersion = view.version
        updated.acknowledgedAt = now
        return updated
    }

    /// The appraisal and how the caller stands to its employee.
    /// - Throws: 404 unless the caller is the employee, in their reporting line, HR or a service.
    func visibleAppraisal(
        _ appraisalID: String, to principal: Principal, forUpdate: Bool = false, on connection: PostgresConnection
    ) async throws -> (AppraisalView, OrgAccess.Relation) {
        guard let view = try await appraisals.appraisal(appraisalID, forUpdate: forUpdate, on: connection) else {
            throw Problem.notFound("No appraisal \(appraisalID).")
        }
        let relation = try await access.relation(of: principal, to: view.employeeID, on: connection)
        guard relation != .unrelated else { throw Problem.notFound("No appraisal \(appraisalID).") }
        return (view, relation)
    }
}
