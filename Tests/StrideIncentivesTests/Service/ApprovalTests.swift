import Foundation
import HTTPTypes
import StrideContracts
import StrideIncentives
import StrideKafka
import StridePostgres
import StrideTestSupport
import Testing

/// HR approves per department: each payment becomes one compensation change under a
/// deterministic id, published once to payroll; HR never approves its own pay; employees read
/// their letter once released.
@Suite("Incentives: approval, payroll and letters", .serialized)
struct ApprovalTests {
    @Test("approving Sales publishes RecommendationApproved and one CompensationChangeApproved per payment, with deterministic ids; again is 409")
    func approveSales() async throws {
        try await IncentivesHarness.incentives { h in
            let payroll = try await TopicTap.start(topic: StrideTopic.payroll.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await payroll.close() } }
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "m1", json: "{}").status == 403)
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Nowhere/approve", as: "hr", json: "{}").status == 404)
            let approved = try await h.call(
                .post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: #"{"comment": "Within budget"}"#,
                headers: [HTTPField.Name("Idempotency-Key")!: "approve-sales-1"])
            try #require(approved.status == 200, "\(approved.text)")
            #expect(try approved.json["approved_recommendations"] as? Int == 10)
            // 5 merit (e2's includes a lump sum) + 5 bonus; e4, vp1 … all have positive amounts.
            let changes = try #require(try approved.json["compensation_changes"] as? Int)
            #expect(changes == 11, "\(approved.text)")
            let replay = try await h.call(
                .post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: #"{"comment": "Within budget"}"#,
                headers: [HTTPField.Name("Idempotency-Key")!: "approve-sales-1"])
            #expect(replay.status == 200 && replay.text == approved.text, "the same key answers the same: \(replay.text)")
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: "{}").status == 409)

            let seen = try await payroll.events { $0.count >= changes }
            let events = try seen.map { try EventCodec.decodePayload(CompensationChangeApproved.self, from: $0.1.value) }
            #expect(events.count == changes)
            #expect(Set(events.map(\.changeID)).count == changes)
            let lump = try #require(events.first { $0.kind == .lumpSum })
            #expect(lump.employeeID == "e2" && lump.amount == Money(amount: 1_960, currency: "EUR"))
            let merit = try #require(events.first { $0.kind == .merit && $0.employeeID == "e2" })
            #expect(merit.newBaseSalary == Money(amount: 75_000, currency: "EUR") && merit.effectiveDate == CalendarDate(year: 2027, month: 4, day: 1))
            #expect(events.first { $0.kind == .bonus }?.effectiveDate == CalendarDate(year: 2027, month: 3, day: 31))
            let stored = try await h.scalar(
                "SELECT string_agg(change_id, ',' ORDER BY change_id) FROM $schema.compensation_changes WHERE comp_cycle_id = '\(cycleID)'", as: String.self)
            #expect(stored == events.map(\.changeID).sorted().joined(separator: ","))
            let recomputed = try await h.scalar(
                "SELECT $schema.change_id('\(cycleID)', 'e2', 'lump_sum', 1)", as: String.self)
            #expect(recomputed == lump.changeID, "the id is what the change is, not a random number")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.recommendations WHERE comp_cycle_id = '\(cycleID)' AND status = 'approved'", as: Int.self) == 10)
            let adjustAfter = try await h.call(
                .post, "/v1/recommendations/\(try await IncentivesFixtures.recommendationID(h, cycleID, "e1", "merit"))/adjustments", as: "m1",
                json: #"{"percent": "4", "reason": "late"}"#)
            #expect(adjustAfter.status == 409, "\(adjustAfter.text)")
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr").status == 409)
        }
    }

    @Test("HR never approves its own pay; the letter is the employee's only after release; release needs every department")
    func ownPayAndLetters() async throws {
        try await IncentivesHarness.incentives { h in
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            let own = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/People/approve", as: "hr", json: "{}")
            #expect(own.status == 403, "\(own.text)")
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: "{}").status == 200)
            let early = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/release", as: "hr")
            #expect(early.status == 409, "\(early.text)")
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)/letters/e1", as: "e1").status == 404, "not released")
            let managerView = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/letters/e1", as: "m1")
            #expect(managerView.status == 200, "\(managerView.text)")
            for department in ["Engineering", "People", "People%20Operations"] {
                let approver = department == "People" ? "hr2" : "hr"
                let reply = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/\(department)/approve", as: approver, json: "{}")
                #expect(reply.status == 200, "\(department): \(reply.text)")
            }
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/release", as: "m1").status == 403)
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/release", as: "hr").status == 200)
            let letter = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/letters/e2", as: "e2")
            #expect(letter.status == 200, "\(letter.text)")
            #expect((try letter.json["new_salary"] as? [String: Any])?["amount"] as? String == "75000.00")
            #expect((try letter.json["lump_sum"] as? [String: Any])?["amount"] as? String == "1960.00")
            #expect((try letter.json["changes"] as? [Any])?.count == 3)
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)/letters/e2", as: "e1").status == 404)
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)/letters/e2", as: "m2").status == 404)
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)/letters/ceo", as: "hr").status == 404, "unrated: nothing approved")
            let changes = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/changes?limit=100", as: "hr")
            #expect(try changes.items.count == (try await h.scalar("SELECT count(*)::int FROM $schema.compensation_changes", as: Int.self)))
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)/changes", as: "m1").status == 403)
        }
    }

    @Test("approvals of different departments go side by side; a second approval of one department waits its turn, then finds it approved")
    func departmentsSideBySide() async throws {
        try await IncentivesHarness.incentives { h in
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            let schema = h.schema
            let (sales, engineering) = try await h.core.pool.transaction { connection -> (Task<TestReply, any Error>, Task<TestReply, any Error>) in
                // What an approval of Sales holds until it commits: the cycle share-locked, Sales's budgets marked.
                try await connection.execute("SELECT 1 FROM \(unescaped: schema).comp_cycles WHERE comp_cycle_id = \(cycleID) FOR SHARE")
                try await connection.execute("""
                    UPDATE \(unescaped: schema).budget_fits SET approved_by = 'hr2', approved_at = now()
                    WHERE comp_cycle_id = \(cycleID) AND department = 'Sales'
                    """)
                // Engineering's approval commits while Sales's is open (were approvals serialized per
                // cycle, it would wait for this transaction, and the bound would end the test).
                let engineering = Task {
                    try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Engineering/approve", as: "hr", json: "{}")
                }
                try await waitUntil("Engineering approved beside an open approval of Sales") {
                    try await h.scalar("""
                        SELECT count(*)::int FROM $schema.budget_fits
                        WHERE comp_cycle_id = '\(cycleID)' AND department = 'Engineering' AND approved_at IS NOT NULL
                        """, as: Int.self) ?? 0 > 0
                }
                // A second approval of Sales waits for the first one's budgets.
                let sales = Task { try await h.call(.post, "/v1/comp-cycles/\(cycleID)/departments/Sales/approve", as: "hr", json: "{}") }
                let waiting = "%\(schema).budget_fits%FOR UPDATE%"
                try await waitUntil("a second approval of Sales waiting for the first") {
                    try await h.core.pool.query("""
                        SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE \(waiting)
                        """)[0].decode("n", as: Int.self) == 1
                }
                return (sales, engineering)
            }
            let engineeringReply = try await engineering.value
            #expect(engineeringReply.status == 200, "\(engineeringReply.text)")
            let salesReply = try await sales.value
            #expect(salesReply.status == 409, "the first approval committed first: \(salesReply.text)")
            #expect(try await h.scalar("""
                SELECT count(*)::int FROM $schema.recommendations WHERE comp_cycle_id = '\(cycleID)' AND department = 'Sales' AND status = 'approved'
                """, as: Int.self) == 0, "the waiting approval changed nothing")
        }
    }
}
