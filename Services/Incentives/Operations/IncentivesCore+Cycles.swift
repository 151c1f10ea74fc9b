import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesCore {
    /// HR opens a compensation cycle bound to an appraisal cycle, with its plan.
    /// - Throws: 403 for anyone but HR; 400/422 naming the field.
    func openCycle(_ body: NewCompCycle, by principal: Principal, on connection: PostgresConnection) async throws -> CompCycle {
        try principal.require(anyOf: [.hr, .admin])
        let violations = body.violations()
        guard violations.isEmpty else { throw Problem.rules(violations) }
        try await Audit.identify(actor: principal.subject, action: "open_comp_cycle", on: connection)
        return try await cycles.insert(newID(), body, by: principal.subject, on: connection)
    }

    /// A cycle, for HR and managers (who see their reporting line's recommendations in it).
    /// - Throws: 404 to anyone else.
    func cycle(_ cycleID: String, for principal: Principal, forUpdate: Bool = false, on connection: PostgresConnection) async throws -> CompCycle {
        guard principal.isHR || principal.roles.contains(.manager) || principal.isService,
            let cycle = try await cycles.cycle(cycleID, forUpdate: forUpdate, on: connection)
        else { throw Problem.notFound("No compensation cycle \(cycleID).") }
        return cycle
    }

    /// The merit and bonus run, set-based in one transaction: prices everyone, fits every
    /// department to its pools, writes the recommendations, recommends promotions, development
    /// actions and consequence reviews, and announces them. It may run again until a manager
    /// adjusts or HR approves anything.
    /// - Throws: 403 for anyone but HR; 404; 409 once adjusted or approved.
    func run(_ cycleID: String, by principal: Principal, on connection: PostgresConnection) async throws -> RunSummary {
        try principal.require(anyOf: [.hr, .admin])
        guard let cycle = try await cycles.cycle(cycleID, forUpdate: true, on: connection) else {
            throw Problem.notFound("No compensation cycle \(cycleID).")
        }
        guard try await !cycles.approvalState(of: cycleID, on: connection).any, cycle.status != "released" else {
            throw Problem.conflict("Departments of this cycle are approved; it cannot run again.")
        }
        guard try await adjustmentCount(of: cycleID, on: connection) == 0 else {
            throw Problem.conflict("Managers have adjusted recommendations of this cycle; it cannot run again.")
        }
        try await Audit.identify(actor: principal.subject, action: "run_comp_cycle", on: connection)
        try await cycles.markRun(cycleID, on: connection)
        // The run audits at the cycle level (the row above); its bulk rows skip row audit.
        try await Audit.suspendRowAudit(on: connection)
        let store = RunStore(schema: schema)
        let clock = ContinuousClock()
        var lap = clock.now
        var laps: Logger.Metadata = [:]
        func step(_ name: String) {
            laps["run.\(name).ms"] = "\((clock.now - lap).components.seconds * 1_000 + (clock.now - lap).components.attoseconds / 1_000_000_000_000_000)"
            lap = clock.now
        }
        let counts = try await store.price(cycle, on: connection)
        step("price")
        try await store.fitBudgets(cycle, on: connection)
        step("fit")
        let written = try await store.recommend(cycle, on: connection)
        // Approval and the budget views plan their joins from these statistics: a table last
        // analyzed empty makes the planner expect one row per department and loop over thousands.
        // The columns they filter and join on are enough (all 37 took 0.5 s; autovacuum does the rest).
        try await connection.execute("""
            ANALYZE \(unescaped: schema).recommendations (recommendation_id, comp_cycle_id, employee_id, kind, department, currency, status)
            """)
        step("recommend")
        try await announceRecommendations(of: cycle, on: connection)
        step("announce")
        var careerEvents: [any StrideEvent] = []
        var promotions: [PromotionRecord] = []
        if let rule = cycle.plan.promotion {
            promotions = try await careers.recommendPromotions(cycle, rule: rule, on: connection)
            careerEvents += promotions.map { promotionEvent($0, cycle: cycle) }
        }
        let actions = try await careers.recommendDevelopment(
            cycle, catalog: cycle.plan.developmentCatalog, expected: cycle.plan.expectedCompetencyLevel, on: connection)
        careerEvents += actions.map {
            DevelopmentActionRecommended(
                recommendationID: $0.actionID, employeeID: $0.employeeID, cycleID: cycle.compCycleID, appraisalID: $0.appraisalID,
                competencyID: $0.competencyID, currentLevel: $0.currentLevel, targetLevel: $0.targetLevel, actionKind: $0.actionKind,
                title: $0.title, dueDate: nil)
        }
        let reviews = try await careers.requestLowRatingReviews(cycle, lowLevel: cycle.plan.lowRatingLevel, on: connection)
        careerEvents += reviews.map(\.event)
        try await enqueue(careerEvents, on: connection)
        step("careers")
        IncentivesMetrics.recommended(written.merit, kind: "merit")
        IncentivesMetrics.recommended(written.bonus, kind: "bonus")
        logger.info("compensation run", metadata: laps.merging([
            "comp_cycle.id": "\(cycleID)", "merit": "\(written.merit)", "bonus": "\(written.bonus)", "unrated": "\(counts.unrated)",
        ]) { $1 })
        return RunSummary(
            compCycleID: cycleID, run: cycle.runs + 1, meritRecommendations: written.merit, bonusRecommendations: written.bonus,
            unrated: counts.unrated, withoutMatrixCell: counts.withoutCell, promotionsRecommended: promotions.count,
            developmentActionsRecommended: actions.count, consequenceReviewsRequired: reviews.count,
            budgets: try await cycles.budgets(of: cycleID, on: connection))
    }

    /// HR releases the cycle's outcomes: employees may read their compensation letters.
    /// - Throws: 403 for anyone but HR; 404; 409 until every department is approved.
    func release(_ cycleID: String, by principal: Principal, on connection: PostgresConnection) async throws -> CompCycle {
        try principal.require(anyOf: [.hr, .admin])
        guard var cycle = try await cycles.cycle(cycleID, forUpdate: true, on: connection) else {
            throw Problem.notFound("No compensation cycle \(cycleID).")
        }
        guard cycle.status == "run" else {
            throw Problem.conflict(cycle.status == "open" ? "The cycle has not run yet." : "The cycle is already released.")
        }
        guard try await cycles.approvalState(of: cycleID, on: connection).all else {
            throw Problem.conflict("Every department must be approved before the outcomes are released.")
        }
        try await Audit.identify(actor: principal.subject, action: "release_comp_cycle", on: connection)
        try await cycles.markReleased(cycleID, on: connection)
        cycle.status = "released"
        cycle.releasedAt = now
        return cycle
    }

    func adjustmentCount(of cycleID: String, on connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM \(unescaped: schema).adjustments a
            JOIN \(unescaped: schema).recommendations r ON r.recommendation_id = a.recommendation_id
            WHERE r.comp_cycle_id = \(cycleID)
            """)
        return try rows.first?.decode(0, as: Int.self) ?? 0
    }

    func promotionEvent(_ p: PromotionRecord, cycle: CompCycle) -> PromotionRecommended {
        PromotionRecommended(
            recommendationID: p.promotionID, employeeID: p.employeeID, cycleID: cycle.compCycleID, appraisalID: p.appraisalID,
            currentJobTitle: p.currentTitle, currentJobLevel: p.currentLevel, proposedJobTitle: p.currentTitle,
            proposedJobLevel: p.proposedLevel,
            proposedBaseSalary: Money(
                amount: MoneyMath.floor(p.currentSalary.amount * (100 + p.increasePercent) / 100, currency: p.currentSalary.currency),
                currency: p.currentSalary.currency),
            consecutiveHighRatings: p.highRatings, potential: p.potential,
            justification: "Rated at or above the promotion threshold in \(p.highRatings) recent cycles, potential \(p.potential.rawValue).",
            effectiveDate: cycle.effectiveDate)
    }
}
