import Foundation
import HTTPTypes
import StrideContracts
@testable import StrideIncentives
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// Managers adjust their reporting line's recommendations: inside the guidelines at once,
/// outside only with a justification HR approves, never past the department's pool.
@Suite("Incentives: manager adjustments", .serialized)
struct AdjustmentTests {
    @Test("inside the range applies at once and is announced; outside needs a justification and HR; approval waits for it")
    func insideAndOutside() async throws {
        try await IncentivesHarness.incentives { h in
            let tap = try await TopicTap.start(topic: StrideTopic.incentives.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await tap.close() } }
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            let e1 = try await IncentivesFixtures.recommendationID(h, cycleID, "e1", "merit")

            // e1: level 4, q2 → range 3–5 %.
            let inside = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "m1", json: #"{"percent": "4.5", "reason": "Led the EMEA launch"}"#)
            #expect(inside.status == 201, "\(inside.text)")
            #expect(try inside.json["status"] as? String == "applied")
            let after = try await h.call(.get, "/v1/recommendations/\(e1)", as: "m1")
            #expect(try after.json["percent"] as? String == "4.5")
            #expect((try after.json["amount"] as? [String: Any])?["amount"] as? String == "2700.00")
            #expect(try after.json["version"] as? Int == 2)

            let noJustification = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "m1", json: #"{"percent": "6", "reason": "Retention risk"}"#)
            #expect(noJustification.status == 422 && noJustification.problemFields == ["justification"], "\(noJustification.text)")
            let outside = try await h.call(
                .post, "/v1/recommendations/\(e1)/adjustments", as: "m1",
                json: #"{"percent": "6", "reason": "Retention risk", "justification": "Competing offer at 66k; market data attached"}"#)
            #expect(outside.status == 201, "\(outside.text)")
            #expect(try outside.json["status"] as? String == "pending")
            #expect(try await h.call(.get, "/v1/recommendations/\(e1)", as: "m1").json["percent"] as? String == "4.5", "not applied before HR")
            let second = try await h.call(
                .post, "/v1/recommendations/\(e1)/adjustments", as: "m1", json: #"{"percent": "3.5", "reason": "Second thoughts"}"#)
            #expect(second.status == 409, "\(second.text)")

            let blocked = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: "{}")
            #expect(blocked.status == 409, "\(blocked.text)")
            let adjustmentID = try outside.string("adjustment_id")
            #expect(try await h.call(.post, "/v1/adjustments/\(adjustmentID)/decision", as: "m1", json: #"{"decision": "approve"}"#).status == 403)
            let bad = try await h.call(.post, "/v1/adjustments/\(adjustmentID)/decision", as: "hr", json: #"{"decision": "maybe"}"#)
            #expect(bad.status == 400, "\(bad.text)")
            let approved = try await h.call(
                .post, "/v1/adjustments/\(adjustmentID)/decision", as: "hr", json: #"{"decision": "approve", "comment": "Retention case accepted"}"#)
            #expect(approved.status == 200, "\(approved.text)")
            #expect(try await h.call(.get, "/v1/recommendations/\(e1)", as: "hr").json["percent"] as? String == "6")
            #expect(try await h.call(.get, "/v1/recommendations/\(e1)", as: "hr").json["within_guidelines"] as? Bool == false)
            let again = try await h.call(.post, "/v1/adjustments/\(adjustmentID)/decision", as: "hr", json: #"{"decision": "reject"}"#)
            #expect(again.status == 409, "\(again.text)")

            let events = try await tap.events { seen in seen.filter { $0.0.type == RecommendationAdjusted.eventType }.count >= 2 }
            let adjusted = try events.filter { $0.0.type == RecommendationAdjusted.eventType }
                .map { try EventCodec.decodePayload(RecommendationAdjusted.self, from: $0.1.value) }
            #expect(adjusted.map(\.withinGuidelines) == [true, false])
            #expect(adjusted.last?.percent == 6 && adjusted.last?.previousPercent == 4.5)

            let rerun = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr")
            #expect(rerun.status == 409, "a run would throw the adjustments away: \(rerun.text)")
        }
    }

    @Test("the pool is never exceeded: an adjustment past it is refused with the overage and changes nothing")
    func poolOverage() async throws {
        try await IncentivesHarness.incentives { h in
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            let e1 = try await IncentivesFixtures.recommendationID(h, cycleID, "e1", "bonus")
            let huge = try await h.call(
                .post, "/v1/recommendations/\(e1)/adjustments", as: "m1",
                json: #"{"amount": "90000", "reason": "Deal of the year", "justification": "Closed the largest contract"}"#)
            #expect(huge.status == 422 && huge.problemFields == ["amount"], "\(huge.text)")
            #expect(huge.text.contains("over"), "names the overage: \(huge.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.adjustments", as: Int.self) == 0)
            let threeDecimals = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "m1", json: #"{"amount": "10.123", "reason": "x"}"#)
            #expect(threeDecimals.status == 400 && threeDecimals.problemFields == ["amount"], "\(threeDecimals.text)")
            let percentOnBonus = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "m1", json: #"{"percent": "1", "reason": "x"}"#)
            #expect(percentOnBonus.status == 400, "\(percentOnBonus.text)")
            let blank = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "m1", json: #"{"amount": "100", "reason": "   "}"#)
            #expect(blank.status == 400 && blank.problemFields == ["reason"], "\(blank.text)")
            let nul = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "m1", json: #"{"amount": "100", "reason": "a\u0000b"}"#)
            #expect(nul.status == 400, "\(nul.text)")
        }
    }

    @Test("concurrent decisions that each fit the pool alone but not together: one applies, the other is refused with the overage; the pool holds")
    func concurrentDecisionsKeepThePool() async throws {
        try await IncentivesHarness.incentives { h in
            // A generous merit pool, so that the run leaves room for the adjustments.
            let plan = IncentivesFixtures.plan().replacingOccurrences(
                of: #""default_merit_pool_percent": "4""#, with: #""default_merit_pool_percent": "10""#)
            let cycleID = try await IncentivesFixtures.ranCycle(h, plan: plan)
            func remaining() async throws -> Decimal {
                let budgets = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/budgets", as: "hr")
                let items = try budgets.items
                let sales = items.first { $0["department"] as? String == "Sales" && $0["currency"] as? String == "EUR" }
                let text = (sales?["merit_remaining"] as? [String: Any])?["amount"] as? String
                return try #require(text.flatMap { Decimal(string: $0) })
            }
            let room = try await remaining()
            #expect(room > 100, "the test needs room in the pool: \(room)")
            // e1 and e2 (Sales, EUR, not prorated) each ask for 60% of the room more, outside the
            // guidelines, so HR decides; either fits alone, both do not.
            var adjustments: [String] = []
            for (employee, salary) in [("e1", Decimal(60_000)), ("e2", Decimal(74_000))] {
                let id = try await IncentivesFixtures.recommendationID(h, cycleID, employee, "merit")
                let current = try await h.call(.get, "/v1/recommendations/\(id)", as: "hr").json
                let amountText = (current["amount"] as? [String: Any])?["amount"] as? String
                let amount = try #require(amountText.flatMap { Decimal(string: $0) })
                let lump = Decimal(string: (current["lump_sum"] as? [String: Any])?["amount"] as? String ?? "0") ?? 0
                var percent = (amount + lump + room * 6 / 10) * 100 / salary
                var rounded = Decimal()
                NSDecimalRound(&rounded, &percent, 2, .up)
                let made = try await h.call(
                    .post, "/v1/recommendations/\(id)/adjustments", as: "m1",
                    json: #"{"percent": "\#(rounded)", "reason": "Key person", "justification": "Market data attached"}"#)
                let status = try made.json["status"] as? String
                #expect(made.status == 201 && status == "pending", "\(made.text)")
                adjustments.append(try made.string("adjustment_id"))
            }
            try await waitUntil("the relay to publish what is pending (its marks would wait on the lock below)") {
                try await h.scalar("SELECT count(*)::int FROM $schema.outbox WHERE published_at IS NULL", as: Int.self) == 0
            }
            // Hold every outbox insert back, so each decision stops just before its commit, after
            // it added up the spend: without serialization both add it up before either commits.
            let schema = h.schema
            let ids = adjustments
            let decisions = try await h.core.pool.transaction { hold in
                try await hold.execute("LOCK TABLE \(unescaped: schema).outbox IN SHARE MODE")
                // Straight to the operation, each in a transaction of its own: the test's HTTP client
                // sends one request at a time.
                let decided = Task {
                    try await withThrowingTaskGroup(of: Int.self) { group in
                        for id in ids {
                            group.addTask {
                                do {
                                    _ = try await h.core.pool.transaction { connection in
                                        try await h.core.decideAdjustment(
                                            id, AdjustmentDecisionBody(decision: .approve, comment: nil),
                                            by: Principal(subject: "hr", roles: [.employee, .hr]), on: connection)
                                    }
                                    return 200
                                } catch let problem as Problem {
                                    return Int(problem.status.code)
                                }
                            }
                        }
                        return try await group.reduce(into: [Int]()) { $0.append($1) }
                    }
                }
                try await waitUntil("both decisions to wait: on the outbox, or the second on the first") {
                    try await hold.query("""
                        SELECT count(*)::int FROM pg_locks
                        WHERE NOT granted AND (locktype = 'advisory' OR (locktype = 'relation' AND relation = \(schema + ".outbox")::regclass))
                        """)[0].decode(0, as: Int.self) >= 2
                }
                return decided
            }.value
            #expect(decisions.sorted() == [200, 422], "one fits, the other would pass the pool: \(decisions)")
            let left = try await remaining()
            #expect(left >= 0, "the pool is never exceeded: \(left)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.adjustments WHERE status = 'applied'", as: Int.self) == 1)
        }
    }

    @Test("who may see and adjust: the reporting line and HR; the employee, a peer and another department's manager get 404")
    func access() async throws {
        try await IncentivesHarness.incentives { h in
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            let e1 = try await IncentivesFixtures.recommendationID(h, cycleID, "e1", "merit")
            for (who, status) in [("m1", 200), ("vp1", 200), ("ceo", 200), ("hr", 200), ("e1", 404), ("e2", 404), ("m2", 404)] {
                let reply = try await h.call(.get, "/v1/recommendations/\(e1)", as: who)
                #expect(reply.status == status, "\(who): \(reply.text)")
            }
            let byEmployee = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "e1", json: #"{"percent": "5", "reason": "Me"}"#)
            #expect(byEmployee.status == 404, "\(byEmployee.text)")
            #expect(try await h.call(.get, "/v1/recommendations/\(e1)", as: "analytics-bot").status == 200)
            let byService = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "analytics-bot", json: #"{"percent": "5", "reason": "x"}"#)
            #expect(byService.status == 403, "\(byService.text)")
            let byOtherManager = try await h.call(.post, "/v1/recommendations/\(e1)/adjustments", as: "m2", json: #"{"percent": "5", "reason": "x"}"#)
            #expect(byOtherManager.status == 404, "\(byOtherManager.text)")
            let m1List = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/recommendations?kind=merit", as: "m1")
            #expect(Set(try m1List.items.compactMap { $0["employee_id"] as? String }) == ["e1", "e2", "e4"], "\(m1List.text)")
            let badFilter = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/recommendations?kind=salary", as: "hr")
            #expect(badFilter.status == 400, "\(badFilter.text)")
            let page = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/recommendations?limit=3", as: "hr")
            #expect(try page.items.count == 3)
            let cursor = try #require(try page.json["next_cursor"] as? String)
            let next = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/recommendations?limit=100&cursor=\(cursor)", as: "hr")
            #expect(try next.items.count == 17, "20 recommendations in all")
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)", as: "e1").status == 404)
        }
    }
}
