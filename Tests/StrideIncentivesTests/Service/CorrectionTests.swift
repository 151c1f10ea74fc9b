import Foundation
import HTTPTypes
import StrideContracts
import StrideIncentives
import StrideKafka
import StrideTestSupport
import Testing

/// A new version of an appraisal (a dispute resolved into version 2) recomputes the employee's
/// pay: a proposal changes in place; what payroll already received is reversed and sent anew.
@Suite("Incentives: corrections from upstream", .serialized)
struct CorrectionTests {
    @Test("after approval, version 2 of e1's appraisal reverses each change and sends new ones; a late version 1 changes nothing")
    func reversalAfterApproval() async throws {
        try await IncentivesHarness.incentives { h in
            let payroll = try await TopicTap.start(topic: StrideTopic.payroll.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await payroll.close() } }
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: "{}").status == 200)
            let first = try await h.scalar(
                "SELECT change_id FROM $schema.compensation_changes WHERE employee_id = 'e1' AND kind = 'merit'", as: String.self)

            try await h.publishAppraisal([IncentivesFixtures.finalized("e1", level: 5, version: 2)])
            try await waitUntil("the correction's reversals") {
                try await h.scalar("SELECT count(*)::int FROM $schema.compensation_changes WHERE employee_id = 'e1' AND reversal_id IS NOT NULL", as: Int.self) == 2
            }
            // e1: level 5, q2 → 5 % of 60,000 = 3,000 (was 4 %, 2,400); bonus 60,000 × 10 % × 1.1 × 1.5 = 9,900 × Sales' bonus fit.
            let fit = try #require(try await h.scalar(
                "SELECT bonus_fit FROM $schema.budget_fits WHERE comp_cycle_id = '\(cycleID)' AND department = 'Sales'", as: Decimal.self))
            let bonus = BonusPlan.amount(plan: 9_900, fit: fit, currency: "EUR")
            let standing = try await h.scalar(
                "SELECT string_agg(kind || '=' || amount::numeric(14,2)::text, ',' ORDER BY kind) FROM $schema.compensation_changes WHERE employee_id = 'e1' AND reversal_id IS NULL",
                as: String.self)
            #expect(standing == "bonus=\(Money(amount: bonus, currency: "EUR").amountText),merit=3000.00", "\(String(describing: standing))")
            let seen = try await payroll.events { seen in seen.contains { $0.0.type == CompensationChangeReversed.eventType && $0.0.subject == "e1" }
                && seen.filter { $0.0.type == CompensationChangeApproved.eventType && $0.0.subject == "e1" }.count >= 4 }
            let reversals = try seen.filter { $0.0.type == CompensationChangeReversed.eventType }
                .map { try EventCodec.decodePayload(CompensationChangeReversed.self, from: $0.1.value) }
            #expect(reversals.count == 2)
            #expect(reversals.contains { $0.reversedChangeID == first && $0.amount == Money(amount: 2_400, currency: "EUR") })
            let approvals = try seen.filter { $0.0.type == CompensationChangeApproved.eventType && $0.0.subject == "e1" }
                .map { try EventCodec.decodePayload(CompensationChangeApproved.self, from: $0.1.value) }
            #expect(Set(approvals.map(\.changeID)).count == 4, "two original changes and two new ones, each its own id")
            #expect(approvals.contains { $0.kind == .merit && $0.amount == Money(amount: 3_000, currency: "EUR") && $0.changeID != first })

            try await h.publishAppraisal([IncentivesFixtures.finalized("e1", level: 2, version: 1)])
            try await h.publishAppraisal([IncentivesFixtures.finalized("e2", level: 5, version: 1)])
            try await waitUntil("the sentinel after the late version") {
                try await h.scalar("SELECT count(*)::int FROM $schema.inbox WHERE event_type = '\(AppraisalFinalized.eventType)'", as: Int.self) ?? 0 >= 13
            }
            #expect(try await h.scalar("SELECT rating_level FROM $schema.appraisal_results WHERE employee_id = 'e1'", as: Int.self) == 5)
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.compensation_changes WHERE employee_id = 'e1'", as: Int.self) == 4)
        }
    }

    @Test("before approval, a new version changes the proposal in place (version + 1) and nothing goes to payroll")
    func proposalInPlace() async throws {
        try await IncentivesHarness.incentives { h in
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            let id = try await IncentivesFixtures.recommendationID(h, cycleID, "e1", "merit")
            try await h.publishAppraisal([IncentivesFixtures.finalized("e1", level: 3, version: 2)])
            try await waitUntil("the proposal's correction") {
                try await h.scalar("SELECT version FROM $schema.recommendations WHERE recommendation_id = '\(id)'", as: Int.self) == 2
            }
            let reply = try await h.call(.get, "/v1/recommendations/\(id)", as: "hr")
            #expect(try reply.json["rating_level"] as? Int == 3)
            #expect(try reply.json["percent"] as? String == "3", "level 3, q2: guideline 3 %")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.compensation_changes", as: Int.self) == 0)
        }
    }
}
