import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesCore {
    /// Who the audit trail names for changes an upstream correction makes.
    static let correctionActor = "stride.appraisal"

    /// What incentives takes from `stride.appraisal.v1`: each final appraisal (a later version
    /// replaces it and corrects the recommendations made from it), and the manager review's
    /// competency levels (for development actions).
    func appraisalEvents() -> InboxRouter {
        var router = InboxRouter()
        router.on(AppraisalFinalized.self) { event, _, connection in
            let rows = try await connection.query("""
                INSERT INTO \(unescaped: schema).appraisal_results AS a
                    (appraisal_cycle_id, employee_id, appraisal_id, version, rating_level, rating_label, scale_max, potential, final_score)
                VALUES (\(event.cycleID), \(event.employeeID), \(event.appraisalID), \(event.version), \(event.rating.level),
                        \(event.rating.label), \(event.rating.scaleMaximum), \(event.potential.rawValue), \(event.finalScore))
                ON CONFLICT (appraisal_cycle_id, employee_id) DO UPDATE SET
                    appraisal_id = excluded.appraisal_id, version = excluded.version, rating_level = excluded.rating_level,
                    rating_label = excluded.rating_label, scale_max = excluded.scale_max, potential = excluded.potential,
                    final_score = excluded.final_score, updated_at = now()
                WHERE a.version < excluded.version
                RETURNING (xmax = 0) AS inserted
                """)
            guard let row = rows.first, try !row.decode("inserted", as: Bool.self) else { return }
            try await correct(event, on: connection)
        }
        router.on(ReviewSubmitted.self) { event, _, connection in
            guard event.raterGroup == .manager, !event.competencyRatings.isEmpty else { return }
            try await connection.execute("""
                INSERT INTO \(unescaped: schema).competency_levels (appraisal_cycle_id, employee_id, competency_id, level)
                SELECT \(event.cycleID), \(event.employeeID), c, l
                FROM unnest(\(event.competencyRatings.map(\.competencyID))::text[], \(event.competencyRatings.map(\.level))::int[]) AS t(c, l)
                ON CONFLICT (appraisal_cycle_id, employee_id, competency_id) DO UPDATE SET level = excluded.level
                """)
        }
        return router
    }

    /// A new version of an appraisal recomputes the employee's merit and bonus in every
    /// compensation cycle that has run on it, with the department's fit of that run. A
    /// proposal changes in place (announced again); an approved one that payroll has received
    /// is corrected by reversing each change and sending a new one — never by an edit.
    func correct(_ event: AppraisalFinalized, on connection: PostgresConnection) async throws {
        for cycle in try await cycles.runCycles(ofAppraisalCycle: event.cycleID, on: connection) {
            let own = try await recommendations.page(
                of: cycle.compCycleID, filter: RecommendationFilter(employeeID: event.employeeID), manager: nil, after: nil, limit: 10,
                on: connection)
            guard !own.isEmpty else { continue }
            try await Audit.identify(actor: Self.correctionActor, action: "correct_recommendation", on: connection)
            for r in own where r.ratingLevel != event.rating.level || r.appraisalVersion != event.version {
                try await correct(r, to: event, in: cycle, on: connection)
            }
        }
    }

    private func correct(_ r: Recommendation, to event: AppraisalFinalized, in cycle: CompCycle, on connection: PostgresConnection) async throws {
        let currency = r.currentSalary.currency
        let fitRows = try await connection.query("""
            SELECT merit_fit, merit_short, bonus_fit FROM \(unescaped: schema).budget_fits
            WHERE comp_cycle_id = \(cycle.compCycleID) AND department = \(r.department) AND currency = \(currency)
            """)
        guard let fit = fitRows.first else { return }
        let level = event.rating.level
        var numbers = CorrectedNumbers(ratingLevel: level, ratingLabel: event.rating.label, scaleMax: event.rating.scaleMaximum,
                                       appraisalVersion: event.version, appraisalID: event.appraisalID)
        switch r.kind {
        case .merit:
            guard let zone = r.zone, let range = cycle.plan.matrix.range(ratingLevel: level, zone: zone) else { return }
            let merit = BudgetFit(factor: try fit.decode("merit_fit"), short: try fit.decode("merit_short"))
            let percent = merit.meritPercent(range)
            let increase = MeritIncrease(
                salary: r.currentSalary.amount, bandMaximum: r.band.maximum.amount, percent: percent, proration: r.proration, currency: currency)
            numbers.range = range
            numbers.percent = percent
            numbers.amount = increase.baseIncrease
            numbers.lumpSum = increase.lumpSum
            numbers.newSalary = increase.newSalary
        default:
            let multiplier = cycle.plan.individualMultiplier(of: level)
            let plan = BonusPlan.planAmount(
                salary: r.currentSalary.amount, targetPercent: r.targetPercent ?? 0, companyMultiplier: cycle.plan.companyMultiplier,
                individualMultiplier: multiplier, proration: r.proration)
            numbers.multiplier = multiplier
            numbers.planAmount = plan
            numbers.amount = BonusPlan.amount(plan: plan, fit: try fit.decode("bonus_fit"), currency: currency)
        }
        let updated = try await recommendations.correct(r.recommendationID, numbers, on: connection)
        try await AuditTrail(schema: schema).record(
            table: "recommendations", recordID: r.recommendationID, action: "correct_recommendation",
            before: #"{"version": \#(r.version), "rating_level": \#(r.ratingLevel), "amount": "\#(r.amount.amountText)", "lump_sum": "\#(r.lumpSum.amountText)"}"#,
            after: #"{"version": \#(updated.version), "rating_level": \#(updated.ratingLevel), "amount": "\#(updated.amount.amountText)", "lump_sum": "\#(updated.lumpSum.amountText)", "appraisal_version": \#(event.version)}"#,
            actor: Self.correctionActor, on: connection)
        guard r.status == "approved" else {
            try await enqueue([recommendedEvent(updated, cycle: cycle)], on: connection)
            return
        }
        var events: [any StrideEvent] = [recommendedEvent(updated, cycle: cycle)]
        let reason = "Appraisal \(event.appraisalID) corrected to version \(event.version)."
        for change in try await changes.standing(of: r.recommendationID, on: connection) {
            guard let reversed = try await changes.reverse(change, reason: reason, by: Self.correctionActor, on: connection) else { continue }
            events.append(reversed.reversedEvent(effectiveDate: change.effectiveDate))
            IncentivesMetrics.payroll(1, event: "reversed")
        }
        let made = try await changes.makeChanges(for: [r.recommendationID], cycle: cycle, by: Self.correctionActor, on: connection)
        events.append(approvedEvent(
            updated, changeID: made.first?.changeID, effectiveDate: r.kind == .bonus ? cycle.payoutDate : cycle.effectiveDate,
            actor: Self.correctionActor, comment: reason))
        events += made.map(\.approvedEvent)
        IncentivesMetrics.payroll(made.count, event: "approved")
        try await enqueue(events, on: connection)
        logger.info("approved pay corrected after an appraisal amendment", metadata: [
            "comp_cycle.id": "\(cycle.compCycleID)", "employee.id": "\(r.employeeID)", "recommendation.id": "\(r.recommendationID)",
        ])
    }
}

/// A recommendation's numbers recomputed after an appraisal correction.
struct CorrectedNumbers: Sendable {
    var ratingLevel: Int
    var ratingLabel: String
    var scaleMax: Int
    var appraisalVersion: Int
    var appraisalID: String
    var range: MeritRange?
    var percent: Decimal?
    var multiplier: Decimal?
    var planAmount: Decimal?
    var amount: Decimal = 0
    var lumpSum: Decimal = 0
    var newSalary: Decimal?
}

extension RecommendationStore {
    /// Writes a correction's numbers, version + 1 (the status stays).
    func correct(_ id: String, _ n: CorrectedNumbers, on connection: PostgresConnection) async throws -> Recommendation {
        let rows = try await connection.query("""
            UPDATE \(unescaped: schema).recommendations
            SET rating_level = \(n.ratingLevel), rating_label = \(n.ratingLabel), scale_max = \(n.scaleMax),
                appraisal_version = \(n.appraisalVersion), appraisal_id = \(n.appraisalID),
                minimum_percent = coalesce(\(n.range?.minimumPercent), minimum_percent),
                guideline_percent = coalesce(\(n.range?.guidelinePercent), guideline_percent),
                maximum_percent = coalesce(\(n.range?.maximumPercent), maximum_percent),
                individual_multiplier = coalesce(\(n.multiplier), individual_multiplier),
                plan_amount = coalesce(\(n.planAmount), plan_amount),
                percent = \(n.percent), amount = \(n.amount), lump_sum = \(n.lumpSum), new_salary = \(n.newSalary),
                within_guidelines = true, version = version + 1, updated_at = now()
            WHERE recommendation_id = \(id)
            RETURNING *
            """)
        guard let row = rows.first else { throw Problem.notFound("No recommendation \(id).") }
        return try Recommendation(row: row)
    }
}
