import Foundation
import Logging
import StrideContracts
import StridePostgres
import StrideRuntime

extension IncentivesCore {
    /// The event that announces a merit or bonus recommendation's current numbers.
    func recommendedEvent(_ r: Recommendation, cycle: CompCycle) -> any StrideEvent {
        let money = { (amount: Decimal) in Money(amount: amount, currency: r.currentSalary.currency) }
        switch r.kind {
        case .bonus:
            return BonusRecommended(
                recommendationID: r.recommendationID, employeeID: r.employeeID, cycleID: cycle.compCycleID, appraisalID: r.appraisalID,
                planID: cycle.compCycleID, eligibleSalary: r.currentSalary, targetPercent: r.targetPercent ?? 0,
                companyMultiplier: cycle.plan.companyMultiplier, individualMultiplier: r.individualMultiplier ?? 0,
                // The contract's formula: eligible salary × target × company × individual × this factor
                // (the days employed and the budget fit together).
                prorationFactor: MoneyMath.round(r.proration * r.fit, places: BudgetFit.places), amount: r.amount, payoutDate: cycle.payoutDate)
        default:
            return MeritRecommended(
                recommendationID: r.recommendationID, employeeID: r.employeeID, cycleID: cycle.compCycleID, appraisalID: r.appraisalID,
                appraisalVersion: r.appraisalVersion,
                rating: Rating(level: r.ratingLevel, label: r.ratingLabel, scaleMaximum: r.scaleMax), currentBaseSalary: r.currentSalary,
                compaRatio: r.compaRatio, guidelineMinimumPercent: r.range?.minimumPercent ?? 0,
                guidelineMaximumPercent: r.range?.maximumPercent ?? 0, prorationFactor: r.fit, recommendedPercent: r.percent ?? 0,
                increaseAmount: r.amount, proposedBaseSalary: r.newSalary ?? money(r.currentSalary.amount),
                budgetID: "\(cycle.compCycleID)/\(r.department)/\(r.currentSalary.currency)", effectiveDate: cycle.effectiveDate)
        }
    }

    /// Announces a whole cycle's recommendations, set-based (``AnnouncementStore``), and wakes the relay.
    /// - Returns: how many events were written.
    @discardableResult
    func announceRecommendations(of cycle: CompCycle, on connection: PostgresConnection) async throws -> Int {
        let written = try await AnnouncementStore(schema: schema, source: outbox.source).announceRecommendations(
            of: cycle, topic: settings.incentivesTopic, time: now, on: connection)
        try await connection.execute("SELECT pg_notify(\(outbox.channel), '')")
        return written
    }

    /// Encodes any Stride event for the outbox, onto the topic the settings name for its catalog
    /// topic (the catalog's own in production).
    func encode(_ event: any StrideEvent) throws -> EncodedEvent {
        let topic = type(of: event).topic == .payroll ? settings.payrollTopic : settings.incentivesTopic
        return try outbox.encode(event, topic: topic, time: now)
    }

    /// Adds events to the outbox in chunks.
    func enqueue(_ events: [any StrideEvent], on connection: PostgresConnection) async throws {
        var start = 0
        while start < events.count {
            let end = min(events.count, start + settings.chunkSize)
            try await outbox.enqueue(try events[start..<end].map(encode), on: connection)
            start = end
        }
    }

    /// `RecommendationApproved` for a recommendation and the payroll change it produced.
    func approvedEvent(_ r: Recommendation, changeID: String?, effectiveDate: CalendarDate, actor: String, comment: String?) -> RecommendationApproved {
        RecommendationApproved(
            recommendationID: r.recommendationID, employeeID: r.employeeID, cycleID: r.compCycleID, recommendationKind: r.kind,
            actorID: actor, version: r.version, amount: Money(amount: r.cost, currency: r.currentSalary.currency), percent: r.percent,
            effectiveDate: effectiveDate, compensationChangeID: changeID, comment: comment)
    }
}
