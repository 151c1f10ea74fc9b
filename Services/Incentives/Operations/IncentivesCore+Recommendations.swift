import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesCore {
    var adjustments: AdjustmentStore { AdjustmentStore(schema: schema) }

    /// A recommendation, for the employee's reporting line and HR (the employee reads their
    /// outcome in the compensation letter once released). - Throws: 404 to anyone else.
    func visibleRecommendation(
        _ id: String, to principal: Principal, forUpdate: Bool = false, on connection: PostgresConnection
    ) async throws -> (Recommendation, OrgAccess.Relation) {
        guard let recommendation = try await recommendations.recommendation(id, forUpdate: forUpdate, on: connection) else {
            throw Problem.notFound("No recommendation \(id).")
        }
        let relation = try await access.relation(of: principal, to: recommendation.employeeID, on: connection)
        guard [.directManager, .reportingLine, .hr, .service].contains(relation) else { throw Problem.notFound("No recommendation \(id).") }
        return (recommendation, relation)
    }

    /// A page of a cycle's recommendations: HR sees all, a manager their reporting line.
    func recommendationPage(
        of cycleID: String, filter: RecommendationFilter, page: PageRequest, for principal: Principal, on connection: PostgresConnection
    ) async throws -> Page<Recommendation> {
        _ = try await cycle(cycleID, for: principal, on: connection)
        let manager = principal.isHR || principal.isService ? nil : principal.subject
        let rows = try await recommendations.page(
            of: cycleID, filter: filter, manager: manager, after: try page.cursorKey(as: String.self), limit: page.fetchLimit, on: connection)
        return try Page(rows: rows, request: page, key: \.recommendationID)
    }

    /// A manager in the employee's reporting line (or HR) adjusts a proposed recommendation.
    /// Inside the matrix range (merit) or up to the plan amount (bonus) it applies at once;
    /// outside it needs a justification and waits for HR. Either way the department's spend
    /// must stay within its pool, or the adjustment is refused with the overage.
    /// - Throws: 404 unless the caller may see it; 409 once approved or while another
    ///   adjustment is pending; 400/422 naming the field.
    func adjust(_ id: String, _ body: AdjustmentBody, by principal: Principal, on connection: PostgresConnection) async throws -> AdjustmentRecord {
        let (r, relation) = try await visibleRecommendation(id, to: principal, forUpdate: true, on: connection)
        guard relation != .service else { throw Problem.forbidden("Service tokens read recommendations; people adjust them.") }
        guard r.status == "proposed" else { throw Problem.conflict("The recommendation is \(r.status); it cannot change.") }
        guard try await adjustments.pendingCount(of: id, on: connection) == 0 else {
            throw Problem.conflict("Another adjustment of this recommendation is waiting for HR.")
        }
        var violations: [IncentivesRuleViolation] = []
        FieldChecks.requiredText(body.reason, field: "reason", name: "reason", maxLength: 2_000, into: &violations)
        FieldChecks.optionalText(body.justification, field: "justification", name: "justification", maxLength: 4_000, into: &violations)
        let currency = r.currentSalary.currency
        var percent: Decimal?
        var increase: (amount: Decimal, lumpSum: Decimal, newSalary: Decimal?) = (0, 0, nil)
        var within = true
        switch r.kind {
        case .merit:
            if body.amount != nil {
                violations.append(IncentivesRuleViolation(.invalid, field: "amount", "A merit recommendation is adjusted by its percent."))
            }
            guard let value = body.percent, value >= 0, value <= 100, MoneyMath.truncate(value, places: 2) == value else {
                violations.append(IncentivesRuleViolation(.invalid, field: "percent", "A percent from 0 to 100 with at most two decimals."))
                throw Problem.rules(violations)
            }
            percent = value
            let merit = MeritIncrease(
                salary: r.currentSalary.amount, bandMaximum: r.band.maximum.amount, percent: value, proration: r.proration, currency: currency)
            increase = (merit.baseIncrease, merit.lumpSum, merit.newSalary)
            within = r.range?.contains(value) ?? false
        default:
            if body.percent != nil {
                violations.append(IncentivesRuleViolation(.invalid, field: "percent", "A bonus is adjusted by its amount."))
            }
            guard let value = body.amount, value >= 0, value < 1_000_000_000, MoneyMath.floor(value, currency: currency) == value else {
                violations.append(IncentivesRuleViolation(
                    .invalid, field: "amount", "An amount from 0 with at most \(Money.minorUnitDigits(of: currency)) decimals in \(currency)."))
                throw Problem.rules(violations)
            }
            increase = (value, 0, nil)
            within = value <= (r.planAmount?.amount ?? 0)
        }
        if !within && FieldChecks.isBlank(body.justification ?? "") {
            violations.append(IncentivesRuleViolation(
                .unprocessable, field: "justification", "Outside the guidelines an adjustment needs a justification for HR to approve."))
        }
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await requireWithinPool(r, cost: increase.amount + increase.lumpSum, on: connection)
        try await Audit.identify(actor: principal.subject, action: "adjust_recommendation", on: connection)
        guard let adjustment = try await adjustments.insert(
            newID(), of: r, percent: percent, increase: increase, within: within, status: within ? "applied" : "pending", body: body,
            by: principal.subject, on: connection)
        else { throw Problem.conflict("Another adjustment of this recommendation is waiting for HR.") }
        if within {
            try await applyAdjustment(adjustment, to: r, on: connection)
        }
        IncentivesMetrics.adjusted(within ? "applied" : "pending")
        return adjustment
    }

    /// HR approves (applies) or rejects an adjustment outside the guidelines.
    /// - Throws: 403 for anyone but HR, and for HR deciding about themselves; 404; 409 when decided.
    func decideAdjustment(
        _ id: String, _ body: AdjustmentDecisionBody, by principal: Principal, on connection: PostgresConnection
    ) async throws -> AdjustmentRecord {
        try principal.require(anyOf: [.hr, .admin])
        guard let (adjustment, employeeID) = try await adjustments.adjustment(id, forUpdate: true, on: connection) else {
            throw Problem.notFound("No adjustment \(id).")
        }
        guard !principal.isSelf(employeeID), adjustment.actorID != principal.subject else {
            throw Problem.forbidden("Nobody decides on an adjustment they made or that is about themselves.")
        }
        var violations: [IncentivesRuleViolation] = []
        FieldChecks.optionalText(body.comment, field: "comment", name: "comment", maxLength: 2_000, into: &violations)
        guard violations.isEmpty else { throw Problem.rules(violations) }
        guard adjustment.status == "pending" else { throw Problem.conflict("The adjustment is already \(adjustment.status).") }
        guard let r = try await recommendations.recommendation(adjustment.recommendationID, forUpdate: true, on: connection),
            r.status == "proposed"
        else { throw Problem.conflict("The recommendation is no longer open to change.") }
        try await Audit.identify(actor: principal.subject, action: "decide_adjustment", on: connection)
        var decided = adjustment
        decided.decidedBy = principal.subject
        decided.decidedAt = now
        decided.decisionComment = body.comment
        if body.decision == .approve {
            try await requireWithinPool(r, cost: adjustment.amount.amount + adjustment.lumpSum.amount, on: connection)
            try await adjustments.decide(id, status: "applied", comment: body.comment, by: principal.subject, on: connection)
            decided.status = "applied"
            try await applyAdjustment(decided, to: r, on: connection)
        } else {
            try await adjustments.decide(id, status: "rejected", comment: body.comment, by: principal.subject, on: connection)
            decided.status = "rejected"
        }
        IncentivesMetrics.adjusted(decided.status)
        return decided
    }

    /// Refuses a cost that would take the recommendation's department past its pool, naming the overage.
    ///
    /// Changes to one pool are serialized (a transaction lock per cycle, department, currency and
    /// kind, held to the commit): two managers' adjustments or two HR decisions that each fit alone
    /// would otherwise both add up the spend before either commits, and together pass the pool.
    private func requireWithinPool(_ r: Recommendation, cost: Decimal, on connection: PostgresConnection) async throws {
        let poolKey = "\(r.compCycleID)/\(r.department)/\(r.currentSalary.currency)/\(r.kind.rawValue)"
        _ = try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(poolKey), 0))")
        let spend = try await recommendations.spend(
            of: r.compCycleID, department: r.department, currency: r.currentSalary.currency, kind: r.kind,
            replacing: (r.recommendationID, cost), on: connection)
        guard let budget = try await cycles.budgets(of: r.compCycleID, department: r.department, on: connection)
            .first(where: { $0.currency == r.currentSalary.currency })
        else { throw Problem.internal() }
        let pool = r.kind == .merit ? budget.meritPool.amount : budget.bonusPool.amount
        guard spend <= pool else {
            let over = Money(amount: spend - pool, currency: r.currentSalary.currency)
            throw Problem.rules([IncentivesRuleViolation(
                .unprocessable, field: r.kind == .merit ? "percent" : "amount",
                "\(r.department) would spend \(Money(amount: spend, currency: over.currency)) of its \(r.kind.rawValue) pool of \(Money(amount: pool, currency: over.currency)): \(over) over.")])
        }
    }

    /// Writes an applied adjustment's numbers into the recommendation and announces it.
    private func applyAdjustment(_ adjustment: AdjustmentRecord, to r: Recommendation, on connection: PostgresConnection) async throws {
        let updated = try await recommendations.apply(
            r.recommendationID, percent: adjustment.percent, amount: adjustment.amount.amount, lumpSum: adjustment.lumpSum.amount,
            newSalary: adjustment.newSalary?.amount, withinGuidelines: adjustment.withinGuidelines, on: connection)
        let currency = r.currentSalary.currency
        try await enqueue([
            RecommendationAdjusted(
                recommendationID: r.recommendationID, employeeID: r.employeeID, cycleID: r.compCycleID, recommendationKind: r.kind,
                actorID: adjustment.actorID, version: updated.version, previousAmount: Money(amount: r.cost, currency: currency),
                amount: Money(amount: updated.cost, currency: currency), previousPercent: r.percent, percent: updated.percent,
                withinGuidelines: adjustment.withinGuidelines,
                reason: adjustment.justification.map { "\(adjustment.reason) — \($0)" } ?? adjustment.reason)
        ], on: connection)
    }
}
