import Foundation
import StrideContracts
import StrideDemoKit

extension IncentivesDemo {
    var org: DemoOrg { context.org }
    var console: DemoConsole { context.console }
    /// This run's suffix for names, so every run's cycle is told apart.
    var tag: String { String(Int(context.startedAt.timeIntervalSince1970), radix: 36) }
    /// The year whose pay is decided: the goal year the appraisal rated.
    var periodStart: CalendarDate { CalendarDate(year: context.year, month: 1, day: 1) }
    var periodEnd: CalendarDate { CalendarDate(year: context.year, month: 12, day: 31) }

    /// HR opens the compensation cycle over the appraisal part's cycle with the year's plan.
    func openCycle() async throws -> CompCycleView {
        let plan = IncentivesScenario.plan(competencies: appraisals.competencies)
        let cycle: CompCycleView = try await client.call(
            "POST", "/v1/comp-cycles", as: org.hr, expect: 201,
            body: CompCycleBody(
                name: "FY\(context.year) compensation review (\(tag))", appraisalCycleID: appraisals.cycleID, periodStart: periodStart,
                periodEnd: periodEnd, effectiveDate: CalendarDate(year: context.year + 1, month: 4, day: 1),
                payoutDate: CalendarDate(year: context.year + 1, month: 3, day: 31), plan: plan))
        let format = IncentivesFormat.decimal
        console.say(
            "   \(cycle.name) (\(cycle.compCycleID)), \(cycle.status), bound to \(appraisals.name) (\(cycle.appraisalCycleID));"
                + " increases take effect \(cycle.effectiveDate), bonuses are paid \(cycle.payoutDate)",
            "   pools, in % of base payroll: merit \(format(plan.defaultMeritPoolPercent)) / bonus \(format(plan.defaultBonusPoolPercent))"
                + " by default; " + plan.budgets.map { "\($0.department) \(format($0.meritPoolPercent)) / \(format($0.bonusPoolPercent))" }
                .joined(separator: ", "),
            "   bonus: target by job level (" + plan.bonusTargets.map { "\($0.jobLevel) \(format($0.targetPercent))" }.joined(separator: ", ")
                + " %) × company \(format(plan.companyMultiplier)) × individual ("
                + plan.individualMultipliers.map { "\($0.ratingLevel): \(format($0.multiplier))" }.joined(separator: ", ") + ")",
            "   promotion: rated \(plan.promotion.minimumRatingLevel)+ in \(plan.promotion.requiredHighRatings) of the last"
                + " \(plan.promotion.ofLastCycles) cycle(s) with \(plan.promotion.minimumPotential) potential, +\(format(plan.promotion.increasePercent)) %"
                + " (\(plan.promotion.levelLadder.joined(separator: " → ")));"
                + " \(plan.developmentCatalog.count) development actions for competencies rated below \(plan.expectedCompetencyLevel)")
        return cycle
    }

    /// The people the run should price: those of the appraisal cycle whom the org chart shows
    /// active and hired by the end of the period.
    var eligible: [FinalizedAppraisal] {
        appraisals.finalized.filter { appraisal in
            guard let person = org.byID[appraisal.employeeID] else { return false }
            return person.status == .active && person.hireDate <= periodEnd
        }
    }

    /// HR runs the cycle; again while the service has not read every `AppraisalFinalized` of the
    /// appraisal cycle yet (the run may be repeated until anything is adjusted or approved; each run
    /// announces its recommendations again).
    /// - Returns: every run's summary, the last one complete.
    func runCycle(_ cycle: CompCycleView, tally: inout Tally) async throws -> [RunSummaryView] {
        let expected = eligible.count
        var summaries: [RunSummaryView] = []
        let waited: Duration
        do {
            (_, waited) = try await poll(
                until: "the incentives service has the final appraisals of \(expected) eligible employees (AppraisalFinalized from \(StrideTopic.appraisal.rawValue))",
                timeout: .seconds(120), every: .seconds(1)
            ) { () async throws -> RunSummaryView? in
                let summary: RunSummaryView = try await client.call("POST", "/v1/comp-cycles/\(cycle.compCycleID)/run", as: org.hr)
                summaries.append(summary)
                return summary.meritRecommendations + summary.withoutMatrixCell >= expected ? summary : nil
            }
        } catch let error as DemoError {
            throw DemoError(
                "\(error) (\(summaries.count) runs, the last priced \(summaries.last?.meritRecommendations ?? 0)): is a consumer of"
                    + " stride-incentives unable to join its group? See .stride/logs/stride-incentives.log")
        }
        for summary in summaries {
            tally.meritRecommended += summary.meritRecommendations
            tally.bonusRecommended += summary.bonusRecommendations
            tally.promotions += summary.promotionsRecommended
            tally.developmentActions += summary.developmentActionsRecommended
            tally.consequenceReviews += summary.consequenceReviewsRequired
        }
        let last = summaries.last!
        guard last.withoutMatrixCell == 0 else { throw DemoError("\(last.withoutMatrixCell) rated employees have no merit matrix cell") }
        console.say(
            "   run \(last.run) (\(summaries.count) run(s) in \(DemoFormat.seconds(waited)) until the service had every final appraisal):"
                + " \(last.meritRecommendations) merit and \(last.bonusRecommendations) bonus recommendations for the \(expected) rated,"
                + " active employees (the service left out \(last.unrated) active employees it knows without a final appraisal in this cycle)",
            "   recommended too: \(tally.promotions) promotion(s), \(tally.developmentActions) development action(s),"
                + " \(tally.consequenceReviews) consequence review(s) for a repeated lowest rating")
        return summaries
    }

    /// Every recommendation of the cycle matching `query` (e.g. `kind=merit`), as HR sees them.
    func recommendations(of cycle: CompCycleView, _ query: String = "") async throws -> [RecommendationView] {
        try await client.all(
            "/v1/comp-cycles/\(cycle.compCycleID)/recommendations" + (query.isEmpty ? "" : "?\(query)"), as: org.hr,
            decoding: RecommendationView.self)
    }

    /// The merit matrix: each cell's guideline and how many people the run placed in it.
    func showMatrix(of cycle: CompCycleView) async throws {
        let merit = try await recommendations(of: cycle, "kind=merit")
        let placed = Dictionary(grouping: merit, by: { "\($0.ratingLevel)/\($0.zone ?? "")" }).mapValues(\.count)
        console.say(
            "   merit matrix, rating × where the salary sits in its band: the guideline increase in % and (people);"
                + " each range runs a point either side, none for level 1")
        console.say("     " + DemoFormat.left("", 24) + IncentivesScenario.zoneHeads.map { DemoFormat.right($0, 11) }.joined())
        for level in (1...5).reversed() {
            let label = appraisals.finalized.first { $0.ratingLevel == level }?.ratingLabel ?? ""
            let cells = IncentivesScenario.zones.map { zone in
                let count = placed["\(level)/\(zone)", default: 0]
                let guideline = IncentivesFormat.decimal(IncentivesScenario.guideline(level: level, zone: zone))
                return DemoFormat.right(count == 0 ? "\(guideline)    " : "\(guideline) (\(count))", 11)
            }
            console.say("     " + DemoFormat.left("\(level) \(label)", 24) + cells.joined())
        }
    }

    /// Each department's pools against what its recommendations spend, per currency.
    func showBudgets(_ budgets: [BudgetView]) {
        for budget in budgets.sorted(by: { ($0.department, $0.currency) < ($1.department, $1.currency) }) {
            console.say(
                "   \(budget.department) · \(budget.currency) · \(budget.headcount) people · base payroll \(IncentivesFormat.money(budget.basePayroll))"
                    + (budget.pendingAdjustments > 0 ? " · \(budget.pendingAdjustments) adjustment(s) wait for HR" : ""))
            let fit = IncentivesFormat.decimal(budget.meritFit)
            let meritNote = budget.meritFit == 1 ? "guidelines fit the pool"
                : budget.meritShort ? "short: even the minimums are scaled down" : "increases fitted between minimum and guideline"
            console.say("     " + poolLine("merit", budget.meritPool, budget.meritSpend) + " · fit \(fit), \(meritNote)")
            let bonusFit = IncentivesFormat.decimal(budget.bonusFit)
            console.say(
                "     " + poolLine("bonus", budget.bonusPool, budget.bonusSpend) + " · fit \(bonusFit)"
                    + (budget.bonusFit == 1 ? ", the plan amounts fit the pool" : ", the plan amounts scaled to the pool"))
        }
    }

    /// `merit  EUR 1,000.00 pool, EUR 900.00 spent ▕████  ▏ 90.0 %`.
    func poolLine(_ name: String, _ pool: Money, _ spend: Money) -> String {
        let used = pool.amount > 0 ? NSDecimalNumber(decimal: spend.amount / pool.amount * 100).doubleValue : 0
        return DemoFormat.left(name, 6) + DemoFormat.right(IncentivesFormat.money(pool), 18) + " pool, "
            + DemoFormat.right(IncentivesFormat.money(spend), 18) + " spent " + DemoFormat.bar(used, width: 16) + " "
            + DemoFormat.right(DemoFormat.percent(used), 7)
    }
}
