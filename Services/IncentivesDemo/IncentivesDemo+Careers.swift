import Foundation
import StrideContracts
import StrideDemoKit

extension IncentivesDemo {
    /// What the run recommended besides pay, each a recommendation for people to decide on:
    /// promotions (HR accepts one, which sends its own payroll change), development actions for
    /// competencies rated below expectation, and consequence reviews — the one the coaching
    /// part's failed improvement plan caused, which HR decides, and any for a repeated lowest rating.
    func showCareers(of cycle: CompCycleView, summaries: [RunSummaryView], tally: inout Tally) async throws {
        try await showPromotions(of: cycle, tally: &tally)
        try await showDevelopmentActions(of: cycle, expected: tally.developmentActions)
        try await showConsequenceReviews(of: cycle, tally: &tally)
    }

    private func showPromotions(of cycle: CompCycleView, tally: inout Tally) async throws {
        let promotions = try await client.all("/v1/comp-cycles/\(cycle.compCycleID)/promotions", as: org.hr, decoding: PromotionView.self)
        guard promotions.count == tally.promotions else {
            throw DemoError("the service lists \(promotions.count) promotions of the cycle; its runs recommended \(tally.promotions)")
        }
        console.say("   \(promotions.count) promotion(s) recommended (PromotionRecommended each), for HR to decide:")
        for promotion in promotions.prefix(6) {
            console.say(
                "     " + DemoFormat.left(org.label(promotion.employeeID), 28) + DemoFormat.left(promotion.department, 13)
                    + DemoFormat.left("\(promotion.currentLevel) → \(promotion.proposedLevel)", 12)
                    + "potential \(promotion.potential), +\(IncentivesFormat.decimal(promotion.increasePercent)) % on"
                    + " \(IncentivesFormat.money(promotion.currentSalary)) · \(promotion.status)")
        }
        if promotions.count > 6 { console.say("     … and \(promotions.count - 6) more") }
        guard let pick = promotions.first(where: { $0.status == "proposed" && $0.employeeID != org.hr }) else { return }
        let decided: PromotionView = try await client.call(
            "POST", "/v1/promotions/\(pick.promotionID)/decision", as: org.hr,
            body: DecisionBody(decision: "accept", comment: "Ready for the next level; effective with the year's increase."))
        guard decided.status == "accepted" else { throw DemoError("the accepted promotion is \(decided.status)") }
        tally.approved += 1
        let change = try await changes(of: cycle).first { $0.recommendationID == pick.promotionID && $0.kind == "promotion" }
        console.say(
            "   HR accepts \(org.label(pick.employeeID))'s promotion to \(pick.proposedLevel) → \(decided.status) (RecommendationApproved);"
                + (change.map { " payroll gets a promotion change of \(IncentivesFormat.money($0.amount))"
                    + ($0.newSalary.map { ", new base salary \(IncentivesFormat.money($0)) from \(change!.effectiveDate)" } ?? "")
                    + " (CompensationChangeApproved)" } ?? " no payroll change"))
    }

    private func showDevelopmentActions(of cycle: CompCycleView, expected: Int) async throws {
        let path = "/v1/comp-cycles/\(cycle.compCycleID)/development-actions"
        let actions = try await client.all(path, as: org.hr, decoding: DevelopmentActionView.self)
        guard actions.count == expected else {
            throw DemoError("the service lists \(actions.count) development actions of the cycle; its runs recommended \(expected)")
        }
        let people = Set(actions.map(\.employeeID)).count
        console.say(
            "   \(actions.count) development action(s) for \(people) people, for competencies their manager rated below 3"
                + " (DevelopmentActionRecommended each):")
        let byCompetency = Dictionary(grouping: actions, by: \.competencyID)
        for competency in appraisals.competencies {
            let offered = Dictionary(grouping: byCompetency[competency.competencyID] ?? [], by: \.title)
            guard !offered.isEmpty else { continue }
            console.say(
                "     " + DemoFormat.left(competency.name, 16)
                    + offered.sorted { $0.key < $1.key }.map { "\($0.value.count) × \($0.key) (\($0.value[0].actionKind.replacingOccurrences(of: "_", with: " ")))" }
                    .joined(separator: " · "))
        }
        guard let someone = actions.first?.employeeID else { return }
        let own = try await client.all("\(path)?employee_id=\(IncentivesFormat.escaped(someone))", as: someone, decoding: DevelopmentActionView.self)
        let names = Dictionary(appraisals.competencies.map { ($0.competencyID, $0.name) }, uniquingKeysWith: { first, _ in first })
        console.say(
            "   \(org.label(someone)) sees their own: "
                + own.map { "\($0.title) (\(names[$0.competencyID] ?? $0.competencyID) \($0.currentLevel) → \($0.targetLevel))" }
                .joined(separator: "; "))
    }

    private func showConsequenceReviews(of cycle: CompCycleView, tally: inout Tally) async throws {
        var reviews: [ConsequenceReviewView] = []
        if let failedPlan {
            let (open, waited) = try await poll(
                until: "the incentives service asks for a consequence review of the failed plan \(failedPlan.planID) (ImprovementPlanClosed from \(StrideTopic.coaching.rawValue))",
                timeout: .seconds(120), every: .milliseconds(500)
            ) { () async throws -> [ConsequenceReviewView]? in
                let open = try await client.all("/v1/consequence-reviews?status=open", as: org.hr, decoding: ConsequenceReviewView.self)
                return open.contains { $0.planID == failedPlan.planID } ? open : nil
            }
            reviews = open
            let review = open.first { $0.planID == failedPlan.planID }!
            tally.consequenceReviews += 1
            console.say(
                "   the coaching part's failed plan made stride-incentives ask HR for a consequence review"
                    + " (ConsequenceReviewRequired, listed after \(DemoFormat.seconds(waited))) — a recommendation, never an action:",
                "     \(org.label(review.employeeID)) · \(review.trigger.replacingOccurrences(of: "_", with: " ")) · \(review.summary)")
            let decided: ConsequenceReviewView = try await client.call(
                "POST", "/v1/consequence-reviews/\(review.reviewID)/decision", as: org.hr,
                body: ConsequenceDecisionBody(
                    decision: "Reviewed with the manager and the employee: a move to a team with closer guidance is offered; no further measures."))
            guard decided.status == "decided" else { throw DemoError("the decided consequence review is \(decided.status)") }
            console.say("   HR records its decision (\(decided.status), by \(decided.decidedBy ?? "?")): \"\(decided.decision ?? "")\"")
        } else {
            reviews = try await client.all("/v1/consequence-reviews?status=open", as: org.hr, decoding: ConsequenceReviewView.self)
        }
        let lowRatings = reviews.filter { $0.compCycleID == cycle.compCycleID && $0.trigger == "repeated_low_rating" }
        let fromRuns = tally.consequenceReviews - (failedPlan == nil ? 0 : 1)
        guard lowRatings.count == fromRuns else {
            throw DemoError("the service lists \(lowRatings.count) open consequence reviews of the cycle for a repeated lowest rating; its runs asked for \(fromRuns)")
        }
        console.say(
            "   \(lowRatings.count) consequence review(s) for the lowest rating in this and the previous appraisal cycle"
                + (lowRatings.isEmpty ? "" : ": " + lowRatings.prefix(4).map { org.label($0.employeeID) }.joined(separator: ", ")
                    + (lowRatings.count > 4 ? ", …" : "")))
    }
}
