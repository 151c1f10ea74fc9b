import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension AppraisalCore {
    var nominations: NominationStore { NominationStore(schema: schema) }

    /// The employee nominates peers and external raters for their own appraisal, in the
    /// nominations phase; their manager decides (``decideNominations(of:_:by:on:)``).
    /// - Throws: 404 unless it is the caller's own appraisal; 409 outside the nominations phase;
    ///   400 naming the field (an unknown or inactive colleague, oneself, one's manager or
    ///   report, a blank name, an address without `@`, too many); 422 when the template gives
    ///   the group no weight.
    func nominate(
        for appraisalID: String, _ body: NominationBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> [NominationRecord] {
        let (appraisal, relation) = try await visibleAppraisal(appraisalID, to: principal, forUpdate: true, on: connection)
        guard relation == .own else { throw Problem.notFound("No appraisal \(appraisalID) of yours.") }
        guard CyclePhases.canNominate(in: appraisal.phase) else {
            throw Problem.conflict("Raters are nominated in the nominations phase; the cycle is in \(appraisal.phase.rawValue).")
        }
        let terms = try await terms(ofCycle: appraisal.cycleID, on: connection)
        var violations: [AppraisalRuleViolation] = []
        FieldChecks.identifiers(body.peers, field: "peers", name: "peers", maxCount: NominationBody.maximum, into: &violations)
        FieldChecks.count(body.externals.count, field: "externals", name: "external raters", maxCount: NominationBody.maximum, into: &violations)
        for (index, external) in body.externals.enumerated() {
            FieldChecks.requiredText(external.name, field: "externals[\(index)].name", name: "name", maxLength: 200, into: &violations)
            let parts = external.email.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || external.email.count > 254
                || external.email.contains(where: \.isWhitespace)
            {
                violations.append(AppraisalRuleViolation(.invalid, field: "externals[\(index)].email", "Give an email address such as name@example.com."))
            }
        }
        for (index, peer) in body.peers.enumerated() {
            guard let colleague = try await directory.employee(peer, on: connection), colleague.status == "active" else {
                violations.append(AppraisalRuleViolation(.invalid, field: "peers[\(index)]", "No active colleague \(peer)."))
                continue
            }
            if peer == appraisal.employeeID || peer == appraisal.managerID || colleague.managerID == appraisal.employeeID {
                violations.append(AppraisalRuleViolation(
                    .invalid, field: "peers[\(index)]", "\(peer) reviews you as yourself, your manager or your report, not as a peer."))
            }
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        if !body.peers.isEmpty && terms.weight(of: .peer) == 0 {
            throw Problem.unprocessable("The cycle's template gives peers no weight.", errors: [FieldError(field: "peers", message: "Not used.")])
        }
        if !body.externals.isEmpty && terms.weight(of: .external) == 0 {
            throw Problem.unprocessable(
                "The cycle's template gives external raters no weight.", errors: [FieldError(field: "externals", message: "Not used.")])
        }
        let existing = try await nominations.nominations(of: appraisalID, on: connection).filter { $0.status != .withdrawn }
        if existing.count + body.peers.count + body.externals.count > 2 * NominationBody.maximum {
            throw Problem.conflict("An appraisal has at most \(2 * NominationBody.maximum) peer and external raters.")
        }
        guard let cycle = try await cycles.cycle(appraisal.cycleID, on: connection) else { throw Problem.internal() }
        try await Audit.identify(actor: principal.subject, action: "nominate", on: connection)
        return try await nominations.nominate(
            appraisal: appraisal, peers: body.peers, externals: body.externals, dueOn: cycle.deadline(of: .peerReviews),
            by: principal.subject, on: connection)
    }

    /// The peer and external raters of an appraisal and their state: for the employee (who chose
    /// them), their reporting line and HR. Never what any of them wrote.
    func nominationList(of appraisalID: String, for principal: Principal, on connection: PostgresConnection) async throws -> [NominationRecord] {
        _ = try await visibleAppraisal(appraisalID, to: principal, on: connection)
        return try await nominations.nominations(of: appraisalID, on: connection)
    }

    /// The employee's direct manager (or HR) approves and rejects nominations; approved raters are
    /// asked (``ReviewRequested``), and each approved external rater gets a single-use link,
    /// returned this once.
    /// - Throws: 404 unless the caller may see the appraisal; 403 for the employee themselves and
    ///   anyone but the direct manager or HR; 409 after the peer-review phase; 400 naming a
    ///   review id that is not a nomination of this appraisal awaiting a decision.
    func decideNominations(
        of appraisalID: String, _ body: NominationDecisionBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> NominationDecision {
        let (appraisal, _) = try await visibleAppraisal(appraisalID, to: principal, forUpdate: true, on: connection)
        try await access.requireDecider(on: appraisal.employeeID, principal: principal, action: "approve nominations in", on: connection)
        guard appraisal.phase == .nominations || appraisal.phase == .peerReviews else {
            throw Problem.conflict("Nominations are decided in the nominations or peer-review phase; the cycle is in \(appraisal.phase.rawValue).")
        }
        let pending = Dictionary(
            uniqueKeysWithValues: try await nominations.nominations(of: appraisalID, on: connection).filter { $0.status == .nominated }.map { ($0.reviewID, $0) })
        var violations: [AppraisalRuleViolation] = []
        FieldChecks.identifiers(body.approve, field: "approve", name: "approvals", maxCount: 2 * NominationBody.maximum, into: &violations)
        FieldChecks.identifiers(body.reject, field: "reject", name: "rejections", maxCount: 2 * NominationBody.maximum, into: &violations)
        for (field, ids) in [("approve", body.approve), ("reject", body.reject)] {
            for (index, id) in ids.enumerated() where pending[id] == nil {
                violations.append(AppraisalRuleViolation(.invalid, field: "\(field)[\(index)]", "\(id) is not a nomination awaiting a decision."))
            }
        }
        for (index, id) in body.reject.enumerated() where body.approve.contains(id) {
            violations.append(AppraisalRuleViolation(.invalid, field: "reject[\(index)]", "\(id) is both approved and rejected."))
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        var tokens: [String: String] = [:]
        for id in body.approve where pending[id]?.raterGroup == .external {
            var generator = SystemRandomNumberGenerator()
            tokens[id] = Base64URL.encode(Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
        try await Audit.identify(actor: principal.subject, action: "decide_nominations", on: connection)
        let approved = try await nominations.decide(
            appraisalID: appraisalID, approve: body.approve, reject: body.reject, tokens: tokens, on: connection)
        let events = try approved.map { try outbox.encode(reviewRequested($0, cycleID: appraisal.cycleID, actor: principal.subject)) }
        try await outbox.enqueue(events, on: connection)
        return NominationDecision(
            approved: approved.map(\.reviewID), rejected: body.reject,
            externalLinks: tokens.sorted { $0.key < $1.key }.map {
                ExternalLink(reviewID: $0.key, externalName: pending[$0.key]?.externalName ?? "", url: "\(settings.externalLinkBase)/\($0.value)")
            })
    }

    /// What an external rater's link shows. - Throws: 404 for an unknown, spent or closed link.
    func externalForm(token: String, on connection: PostgresConnection) async throws -> ExternalReviewForm {
        guard let (review, employeeName) = try await nominations.externalReview(token: token, forUpdate: false, on: connection),
            CyclePhases.canSubmitReview(of: .external, in: review.phase)
        else { throw Problem.notFound("This review link is not valid (any more).") }
        let ids = review.terms.competencies.map(\.competencyID)
        let library = try await connection.query("""
            SELECT competency_id, name, description, anchors FROM \(unescaped: schema).competencies WHERE competency_id = ANY(\(ids)::text[])
            """)
        var byID: [String: ExternalCompetency] = [:]
        for row in library {
            let id: String = try row.decode("competency_id")
            byID[id] = ExternalCompetency(
                competencyID: id, name: try row.decode("name"), description: try row.decode("description"),
                anchors: try row.decode("anchors", as: PostgresJSON<[BehaviouralAnchor]>.self).value)
        }
        return ExternalReviewForm(employeeName: employeeName, dueOn: review.dueOn, scale: review.terms.scale, competencies: ids.compactMap { byID[$0] })
    }

    /// An external rater submits through their link, once: the link is spent in the same
    /// transaction, and the ratings are announced anonymously (``ReviewSubmitted``).
    /// - Throws: 404 for an unknown, spent or closed link; 400/422 as for any review.
    func submitExternal(token: String, _ content: ReviewContent, on connection: PostgresConnection) async throws -> ExternalSubmission {
        guard let (review, _) = try await nominations.externalReview(token: token, forUpdate: true, on: connection),
            CyclePhases.canSubmitReview(of: .external, in: review.phase)
        else { throw Problem.notFound("This review link is not valid (any more).") }
        let violations = ReviewContent.violations(of: content, terms: review.terms, submitting: true)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await Audit.identify(actor: "external:\(review.reviewID)", action: "submit_review", on: connection)
        try await nominations.submitExternal(review.reviewID, content: content, on: connection)
        try await outbox.enqueue(
            ReviewSubmitted(
                reviewID: nil, cycleID: review.cycleID, employeeID: review.employeeID, raterGroup: .external, reviewerID: nil,
                competencyRatings: [], overallLevel: nil, scaleMaximum: review.terms.scale.maximum),
            on: connection)
        AppraisalMetrics.reviewed("submitted")
        return ExternalSubmission(status: "submitted")
    }
}

/// What an external rater gets back: that it is done.
public struct ExternalSubmission: Encodable, Sendable, Equatable {
    public var status: String
}
