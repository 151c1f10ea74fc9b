import Foundation
import StrideContracts
import StrideDemoKit

extension IncentivesDemo {
    /// One planned adjustment: whose merit recommendation, to what percent, and its cost.
    struct PlannedAdjustment {
        var recommendation: RecommendationView
        var percent: Decimal
        /// What the pool pays after it (base increase and lump sum).
        var cost: Decimal
        var delta: Decimal { cost - recommendation.cost }
    }

    /// What the pool pays for a merit increase of `percent` on `r`, as the service prices it.
    func meritCost(_ r: RecommendationView, percent: Decimal) -> Decimal {
        IncentivesFormat.floor(r.currentSalary.amount * percent / 100 * r.proration, currency: r.currentSalary.currency)
    }

    /// Managers adjust two merit recommendations in the department (and currency) with the most
    /// room left in its merit pool: one up to its range's maximum (inside the guidelines: applied
    /// at once), another above it, with a justification (pending HR, which blocks the department's
    /// approval until HR approves it). Neither is HR's own or in HR's reporting, nor the disputed one.
    /// - Returns: the employees adjusted.
    func adjust(_ cycle: CompCycleView, tally: inout Tally) async throws -> [String] {
        let budgets: ListPage<BudgetView> = try await client.call("GET", "/v1/comp-cycles/\(cycle.compCycleID)/budgets", as: org.hr)
        let merit = try await recommendations(of: cycle, "kind=merit")
        let excluded = Set([org.hr, appraisals.disputed?.employeeID].compactMap { $0 })
        var plan: (budget: BudgetView, inside: PlannedAdjustment, outside: PlannedAdjustment)?
        let roomiest = budgets.items.filter { $0.meritPool.amount > 0 }
            .sorted { $0.meritRemaining.amount / $0.meritPool.amount > $1.meritRemaining.amount / $1.meritPool.amount }
        search: for budget in roomiest {
            let candidates = merit.filter { r in
                r.department == budget.department && r.currentSalary.currency == budget.currency && r.status == "proposed"
                    && r.range != nil && r.percent != nil && !excluded.contains(r.employeeID)
                    && r.managerID.map { $0 != org.hr && !excluded.contains($0) } == true
            }
            // The outside one: the best rated (a retention case); the inside one: another well rated, below their maximum.
            let ranked = candidates.sorted { ($0.ratingLevel, $1.currentSalary.amount, $1.employeeID) > ($1.ratingLevel, $0.currentSalary.amount, $0.employeeID) }
            for outsider in ranked {
                let percent = outsider.range!.maximumPercent + IncentivesScenario.outsideMargin
                guard percent <= 100 else { continue }
                let outside = PlannedAdjustment(recommendation: outsider, percent: percent, cost: meritCost(outsider, percent: percent))
                for insider in ranked where insider.employeeID != outsider.employeeID && insider.percent! < insider.range!.maximumPercent {
                    let top = insider.range!.maximumPercent
                    let inside = PlannedAdjustment(recommendation: insider, percent: top, cost: meritCost(insider, percent: top))
                    if inside.delta + outside.delta <= budget.meritRemaining.amount {
                        plan = (budget, inside, outside)
                        break search
                    }
                }
            }
        }
        guard let (budget, inside, outside) = plan else {
            throw DemoError("no department's merit pool has room for the managers' adjustments: \(roomiest.map { "\($0.department) \(IncentivesFormat.money($0.meritRemaining)) left" })")
        }
        console.say(
            "   \(budget.department) has the most room: \(IncentivesFormat.money(budget.meritRemaining)) of its"
                + " \(IncentivesFormat.money(budget.meritPool)) merit pool left")

        let applied = try await propose(inside, reason: IncentivesScenario.insideReason, justification: nil)
        guard applied.status == "applied", applied.withinGuidelines else {
            throw DemoError("the adjustment inside the range is \(applied.status), not applied at once")
        }
        tally.adjusted += 1

        let pending = try await propose(outside, reason: IncentivesScenario.outsideReason, justification: IncentivesScenario.outsideJustification)
        guard pending.status == "pending", !pending.withinGuidelines else {
            throw DemoError("the adjustment outside the range is \(pending.status), not pending HR's decision")
        }
        let blocked = try await client.send(
            "POST", "/v1/comp-cycles/\(cycle.compCycleID)/departments/\(IncentivesFormat.escaped(budget.department))/approve", as: org.hr,
            body: ApprovalBody(comment: nil))
        console.say("     meanwhile HR cannot approve \(budget.department): HTTP \(blocked.status) (\(blocked.status == 409 ? "an adjustment waits for HR" : blocked.text.prefix(120)))")
        guard blocked.status == 409 else { throw DemoError("approving \(budget.department) with an adjustment pending answered \(blocked.status), not 409") }

        let decided: AdjustmentView = try await client.call(
            "POST", "/v1/adjustments/\(pending.adjustmentID)/decision", as: org.hr,
            body: DecisionBody(decision: "approve", comment: IncentivesScenario.outsideDecision))
        guard decided.status == "applied" else { throw DemoError("HR's approval left the adjustment \(decided.status)") }
        tally.adjusted += 1
        console.say("   HR (\(org.label(org.hr))) approves it: \"\(IncentivesScenario.outsideDecision)\" → \(decided.status) (RecommendationAdjusted)")
        let after: ListPage<BudgetView> = try await client.call("GET", "/v1/comp-cycles/\(cycle.compCycleID)/budgets", as: org.hr)
        if let row = after.items.first(where: { $0.department == budget.department && $0.currency == budget.currency }) {
            console.say("     " + poolLine("merit", row.meritPool, row.meritSpend) + " · \(IncentivesFormat.money(row.meritRemaining)) left")
        }
        return [inside.recommendation.employeeID, outside.recommendation.employeeID]
    }

    /// The employee's manager asks for `planned`; prints what the service answered.
    private func propose(_ planned: PlannedAdjustment, reason: String, justification: String?) async throws -> AdjustmentView {
        let r = planned.recommendation
        let manager = r.managerID!
        let adjustment: AdjustmentView = try await client.call(
            "POST", "/v1/recommendations/\(r.recommendationID)/adjustments", as: manager, expect: 201,
            body: MeritAdjustmentBody(percent: planned.percent, reason: reason, justification: justification))
        let range = r.range!
        let format = IncentivesFormat.decimal
        let currency = r.currentSalary.currency
        console.say(
            "   \(org.label(manager)) adjusts \(org.label(r.employeeID)) (level \(r.ratingLevel), \(r.zone ?? "?"),"
                + " range \(format(range.minimumPercent))–\(format(range.guidelinePercent))–\(format(range.maximumPercent)) %):"
                + " \(format(r.percent ?? 0)) % → \(format(planned.percent)) %, \(IncentivesFormat.money(Money(amount: r.cost, currency: currency)))"
                + " → \(IncentivesFormat.money(Money(amount: adjustment.amount.amount + adjustment.lumpSum.amount, currency: currency))),"
                + (adjustment.withinGuidelines ? " inside the range" : " outside the range"),
            "     \"\(reason)\"" + (justification.map { " — justification: \"\($0)\"" } ?? "")
                + " → \(adjustment.status)" + (adjustment.status == "applied" ? " at once (RecommendationAdjusted)" : ", waiting for HR"))
        return adjustment
    }

    /// Whether `subject`'s own pay is among the recommendations of `department`.
    private func ownPay(of subject: String, in department: String, of cycle: CompCycleView) async throws -> Bool {
        let own: ListPage<RecommendationView> = try await client.call(
            "GET",
            "/v1/comp-cycles/\(cycle.compCycleID)/recommendations?department=\(IncentivesFormat.escaped(department))&employee_id=\(IncentivesFormat.escaped(subject))&limit=1",
            as: org.hr)
        return !own.items.isEmpty
    }

    /// HR approves each department, or, where HR's own pay is in it, the first of HR's stand-ins
    /// whose own pay is not; then checks each department's spend against its pools.
    func approveDepartments(of cycle: CompCycleView, tally: inout Tally) async throws {
        let budgets: ListPage<BudgetView> = try await client.call("GET", "/v1/comp-cycles/\(cycle.compCycleID)/budgets", as: org.hr)
        let headcount = Dictionary(grouping: budgets.items, by: \.department).mapValues { $0.reduce(0) { $0 + $1.headcount } }
        let departments = headcount.keys.sorted { (headcount[$0]!, $1) > (headcount[$1]!, $0) }
        for department in departments {
            var approver = org.hr
            var approving = client
            if try await ownPay(of: org.hr, in: department, of: cycle) {
                var standIn: String?
                for candidate in org.hrStandIns {
                    if try await !ownPay(of: candidate, in: department, of: cycle) {
                        standIn = candidate
                        break
                    }
                }
                guard let standIn else { throw DemoError("everyone who could act for HR has their own pay in \(department)") }
                approver = standIn
                approving = try await context.actingForHR(standIn, baseURL: client.baseURL)
                console.say("   HR's own pay is in \(department): \(org.label(standIn)) approves it for HR")
            }
            let approval: ApprovalView = try await approving.call(
                "POST", "/v1/comp-cycles/\(cycle.compCycleID)/departments/\(IncentivesFormat.escaped(department))/approve", as: approver,
                body: ApprovalBody(comment: "Within the pools; ratings calibrated."))
            tally.approved += approval.approvedRecommendations
            console.say(
                "   \(org.label(approver)) approves \(department): \(approval.approvedRecommendations) recommendations approved"
                    + " (RecommendationApproved each) → \(approval.compensationChanges) compensation changes for payroll"
                    + " (CompensationChangeApproved each)")
        }
        try await checkPools(of: cycle, heading: "HR's check, per department and currency: approved spend against the pools")
    }

    /// Prints each department's approved spend against its pools; throws when one is over.
    /// - Parameter tolerated: departments allowed over their pool (a correction from upstream pays
    ///   the amended rating whatever the pool), named instead of failing.
    func checkPools(of cycle: CompCycleView, heading: String, tolerated: Set<String> = []) async throws {
        let budgets: ListPage<BudgetView> = try await client.call("GET", "/v1/comp-cycles/\(cycle.compCycleID)/budgets", as: org.hr)
        console.say("   \(heading):")
        var over: [String] = []
        for budget in budgets.items.sorted(by: { ($0.department, $0.currency) < ($1.department, $1.currency) }) {
            let meritOK = budget.meritSpend.amount <= budget.meritPool.amount
            let bonusOK = budget.bonusSpend.amount <= budget.bonusPool.amount
            console.say(
                "     " + DemoFormat.left("\(budget.department) \(budget.currency)", 16)
                    + " merit " + DemoFormat.right(IncentivesFormat.amount(budget.meritSpend.amount, budget.currency), 14)
                    + " of " + DemoFormat.right(IncentivesFormat.amount(budget.meritPool.amount, budget.currency), 14) + (meritOK ? " ✓" : " ✗")
                    + "   bonus " + DemoFormat.right(IncentivesFormat.amount(budget.bonusSpend.amount, budget.currency), 14)
                    + " of " + DemoFormat.right(IncentivesFormat.amount(budget.bonusPool.amount, budget.currency), 14) + (bonusOK ? " ✓" : " ✗")
                    + "   approved by \(budget.approvedBy ?? "nobody yet")")
            if !meritOK { over.append("\(budget.department) \(budget.currency) merit over by \(IncentivesFormat.money(Money(amount: budget.meritSpend.amount - budget.meritPool.amount, currency: budget.currency)))") }
            if !bonusOK { over.append("\(budget.department) \(budget.currency) bonus over by \(IncentivesFormat.money(Money(amount: budget.bonusSpend.amount - budget.bonusPool.amount, currency: budget.currency)))") }
            if budget.approvedBy == nil { over.append("\(budget.department) \(budget.currency) is not approved") }
        }
        let unexpected = over.filter { problem in !tolerated.contains { problem.hasPrefix($0 + " ") } }
        guard unexpected.isEmpty else { throw DemoError("HR's check of the pools failed: \(unexpected.joined(separator: "; "))") }
        if !over.isEmpty { console.say("     " + over.joined(separator: "; ") + ": the appraisal correction pays the amended rating") }
    }
}
