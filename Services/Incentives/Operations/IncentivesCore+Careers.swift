import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

/// `POST /v1/promotions/{id}/decision`: `{"decision": "accept" | "decline", "comment"?}`.
struct PromotionDecisionBody: Decodable, Sendable {
    enum Decision: String, Decodable, Sendable, CaseIterable {
        case accept, decline
    }

    var decision: Decision
    var comment: String?
}

/// `POST /v1/consequence-reviews/{id}/decision`: `{"decision"}`, HR's record of what was decided.
struct ConsequenceDecisionBody: Decodable, Sendable {
    var decision: String
}

extension IncentivesCore {
    /// HR accepts or declines a promotion. An accepted one is approved at once and carries the
    /// new level and salary to payroll as its own change (on top of an approved merit increase).
    /// - Throws: 403 for anyone but HR, and for HR deciding about themselves; 404; 409 when decided.
    func decidePromotion(
        _ id: String, _ body: PromotionDecisionBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> PromotionRecord {
        try principal.require(anyOf: [.hr, .admin])
        guard let promotion = try await careers.promotion(id, forUpdate: true, on: connection) else {
            throw Problem.notFound("No promotion \(id).")
        }
        guard !principal.isSelf(promotion.employeeID) else { throw Problem.forbidden("Nobody decides on their own promotion.") }
        var violations: [IncentivesRuleViolation] = []
        FieldChecks.optionalText(body.comment, field: "comment", name: "comment", maxLength: 2_000, into: &violations)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        guard promotion.status == "proposed" else { throw Problem.conflict("The promotion is already \(promotion.status).") }
        guard let cycle = try await cycles.cycle(promotion.compCycleID, on: connection) else { throw Problem.internal() }
        if body.decision == .accept {
            // The promotion's raise builds on the approved merit increase, so the department comes first.
            let budgets = try await cycles.budgets(of: promotion.compCycleID, department: promotion.department, on: connection)
            guard !budgets.isEmpty, budgets.allSatisfy({ $0.approvedAt != nil }) else {
                throw Problem.conflict("Approve \(promotion.department) first: a promotion's raise builds on the approved merit increase.")
            }
        }
        try await Audit.identify(actor: principal.subject, action: "decide_promotion", on: connection)
        let decided = try await careers.decidePromotion(
            id, accepted: body.decision == .accept, comment: body.comment, by: principal.subject, on: connection)
        guard body.decision == .accept else { return decided }
        let merit = try await recommendations.page(
            of: promotion.compCycleID, filter: RecommendationFilter(kind: .merit, status: "approved", employeeID: promotion.employeeID),
            manager: nil, after: nil, limit: 1, on: connection
        ).first
        let previous = merit?.newSalary?.amount ?? promotion.currentSalary.amount
        let currency = promotion.currentSalary.currency
        let new = MoneyMath.floor(previous * (100 + promotion.increasePercent) / 100, currency: currency)
        let change = try await changes.makePromotionChange(
            promotion, previousSalary: previous, newSalary: new, effectiveDate: cycle.effectiveDate, by: principal.subject, on: connection)
        var events: [any StrideEvent] = [
            RecommendationApproved(
                recommendationID: id, employeeID: promotion.employeeID, cycleID: promotion.compCycleID, recommendationKind: .promotion,
                actorID: principal.subject, version: 1, amount: Money(amount: new - previous, currency: currency),
                percent: promotion.increasePercent, effectiveDate: cycle.effectiveDate, compensationChangeID: change?.changeID,
                comment: body.comment)
        ]
        if let change {
            events.append(change.approvedEvent)
            IncentivesMetrics.payroll(1, event: "approved")
        }
        try await enqueue(events, on: connection)
        return decided
    }

    /// HR records its decision on a consequence review (Stride itself never acts on one).
    /// - Throws: 403 for anyone but HR, and for HR deciding about themselves; 404; 409 when decided.
    func decideConsequenceReview(
        _ id: String, _ body: ConsequenceDecisionBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> ConsequenceReviewRecord {
        try principal.require(anyOf: [.hr, .admin])
        guard let review = try await careers.consequenceReview(id, forUpdate: true, on: connection) else {
            throw Problem.notFound("No consequence review \(id).")
        }
        guard !principal.isSelf(review.employeeID) else { throw Problem.forbidden("Nobody decides a review about themselves.") }
        var violations: [IncentivesRuleViolation] = []
        FieldChecks.requiredText(body.decision, field: "decision", name: "decision", maxLength: 4_000, into: &violations)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        guard review.status == "open" else { throw Problem.conflict("The review is already decided.") }
        try await Audit.identify(actor: principal.subject, action: "decide_consequence_review", on: connection)
        return try await careers.decideConsequenceReview(id, decision: body.decision, by: principal.subject, on: connection)
    }
}
