import Foundation
import HTTPTypes
import StrideContracts
import StrideGoals
import StrideKafka
import StrideRuntime
import StrideTestSupport
import Testing

/// The whole life of goals through the real service: cascade, draft, submit, approve, progress,
/// at-risk, roll-up, close and attainment, with the events they put on `stride.goals.v1`.
@Suite("Goals service: goal lifecycle over HTTP", .serialized)
struct GoalLifecycleTests {
    @Test("cascade, agree, progress, roll up and close: every step answers and emits as documented")
    func fullCycle() async throws {
        try await GoalsHarness.run { h in
            let tap = try await EventTap.start(schema: h.schema)
            let period = try await h.openYear()
            let (company, department, team) = try await h.cascade(period: period)

            // e1 drafts two goals under the team goal; weights 60 + 40.
            let arr = try await h.kpiGoal(for: "e1", period: period, weight: 60, parent: team)
            let launch = try await h.createGoal(as: "e1", period: period, """
                "title": "Launch partner channel", "kind": "milestone", "weight": "40", "parent_goal_id": "\(team)"
                """)
            let draft = try await h.call(.get, "/v1/goals/\(arr)", as: "e1")
            #expect(draft.status == 200)
            #expect(try draft.string("status") == "draft")

            // Submit, then the direct manager approves one and returns the other.
            let submitted = try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e1", json: #"{"comment": "ready"}"#)
            #expect(submitted.status == 200, "\(submitted.text)")
            #expect(try submitted.items.count == 2)
            let approved = try await h.call(.post, "/v1/goals/\(arr)/approve", as: "m1", json: #"{"comment": "agreed"}"#)
            #expect(approved.status == 200, "\(approved.text)")
            #expect(try approved.string("status") == "approved")
            let returned = try await h.call(.post, "/v1/goals/\(launch)/return", as: "m1", json: #"{"reason": "add a date"}"#)
            #expect(try returned.string("status") == "returned")
            let edited = try await h.call(.patch, "/v1/goals/\(launch)", as: "e1", json: #"{"due_date": "2026-09-30"}"#)
            #expect(edited.status == 200, "\(edited.text)")
            #expect(try edited.json["version"] as? Int == 4)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e1").status == 200)
            #expect(try await h.call(.post, "/v1/goals/\(launch)/approve", as: "m1").status == 200)

            // Progress: 250, then 280 of 1000 by 2 July is behind pace (50 % expected, margin 20) → at risk, once.
            let first = try await h.call(.post, "/v1/goals/\(arr)/progress", as: "e1", json: #"{"value": "250", "comment": "Q2 deals"}"#)
            #expect(first.status == 201, "\(first.text)")
            #expect(try first.string("progress_percent") == "25")
            let second = try await h.call(.post, "/v1/goals/\(arr)/progress", as: "e1", json: #"{"value": "280"}"#)
            #expect(second.status == 201)
            let goal = try await h.call(.get, "/v1/goals/\(arr)", as: "m1")
            #expect(try goal.string("status") == "active")
            #expect(try goal.json["at_risk"] as? Bool == true)
            let atRisk = try await h.call(.get, "/v1/goals?period_id=\(period)&at_risk=true", as: "hr")
            #expect(try atRisk.items.map { $0["goal_id"] as? String } == [arr])
            #expect(try await h.call(.post, "/v1/goals/\(launch)/progress", as: "e1", json: #"{"done": true}"#).status == 201)

            // Roll-up: e1's goals (60 × 28 % + 40 × 100 %) / 100 = 56.8 % into the team goal and up.
            let tree = try await h.call(.get, "/v1/goals/\(company)/tree", as: "e3")
            let nodes = try tree.items
            #expect(nodes.count == 3, "e3 sees the org goals but not e1's: \(tree.text)")
            let rolled = Dictionary(uniqueKeysWithValues: nodes.map { ($0["goal_id"] as! String, $0["rolled_up_progress_percent"] as! String) })
            #expect(rolled[team] == "56.8")
            #expect(rolled[department] == "56.8")
            #expect(rolled[company] == "56.8")
            let chain = try await h.call(.get, "/v1/goals/\(arr)/alignment", as: "e1")
            #expect(try chain.items.map { $0["goal_id"] as? String } == [team, department, company])

            // Close: frozen, attainment finalized per employee.
            let closed = try await h.call(.post, "/v1/periods/\(period)/close", as: "hr")
            #expect(closed.status == 200, "\(closed.text)")
            #expect(try closed.json["owner_count"] as? Int == 1)
            #expect(try closed.json["goal_count"] as? Int == 5)
            let attainment = try await h.call(.get, "/v1/periods/\(period)/attainments", as: "e1")
            let record = try #require(try attainment.items.first)
            #expect(record["weighted_attainment_percent"] as? String == "56.8")
            #expect(try await h.call(.post, "/v1/goals/\(arr)/progress", as: "e1", json: #"{"value": "900"}"#).status == 409)
            #expect(try await h.call(.post, "/v1/periods/\(period)/close", as: "hr").status == 409)

            // Events: the catalog's types, keyed by owner, AtRisk exactly once.
            // Keys spread over partitions: wait until every expected event arrived, whatever the order.
            let events = try await tap.events { seen in
                let types = seen.map(\.0.type)
                return types.contains(AttainmentFinalized.eventType) && types.contains(GoalPeriodClosed.eventType)
                    && types.filter { $0 == GoalCreated.eventType }.count >= 5
            }
            await tap.close()
            let types = events.map(\.0.type)
            #expect(types.filter { $0 == GoalCreated.eventType }.count == 5)
            #expect(types.filter { $0 == GoalSubmitted.eventType }.count == 3)
            #expect(types.filter { $0 == GoalApproved.eventType }.count == 2)
            #expect(types.filter { $0 == GoalRejected.eventType }.count == 1)
            #expect(types.filter { $0 == GoalUpdated.eventType }.count == 1)
            #expect(types.filter { $0 == GoalProgressRecorded.eventType }.count == 3)
            #expect(types.filter { $0 == GoalAtRisk.eventType }.count == 1)
            #expect(types.filter { $0 == GoalStatusChanged.eventType }.count == 2)
            #expect(types.contains(GoalPeriodClosed.eventType))
            // Every payload is what the contract's codec writes (the codec the golden fixtures pin):
            // it decodes as its catalog type and re-encodes to the very same bytes.
            for (metadata, message) in events {
                let (_, event) = try EventCodec.decodeAny(headers: message.eventHeaders, value: message.value)
                #expect(try EventCodec.encodePayload(event) == message.value, "\(metadata.type) differs from the contract encoding")
                #expect(message.header("content-type") == "application/json")
            }
            let finalized = try #require(events.first { $0.0.type == AttainmentFinalized.eventType })
            #expect(finalized.1.keyString == "e1")
            let payload = try EventCodec.decodePayload(AttainmentFinalized.self, from: finalized.1.value)
            #expect(payload.weightedAttainmentPercent == Decimal(string: "56.8"))
            #expect(payload.goals.count == 2)
            let risk = try #require(events.first { $0.0.type == GoalAtRisk.eventType })
            let riskPayload = try EventCodec.decodePayload(GoalAtRisk.self, from: risk.1.value)
            #expect(riskPayload.managerID == "m1")
            #expect(riskPayload.actualProgressPercent == 25)
        }
    }

    @Test("the pace sweep flags agreed goals nobody updates once they fall behind, once, and HR may run it on demand")
    func paceSweep() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let idle = try await h.kpiGoal(for: "e1", period: period, weight: 100)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e1").status == 200)
            #expect(try await h.call(.post, "/v1/goals/\(idle)/approve", as: "m1").status == 200)
            let draft = try await h.kpiGoal(for: "e2", period: period, weight: 100)
            #expect(try await h.call(.post, "/v1/periods/\(period)/pace-assessments", as: "e1").status == 403)
            let first = try await h.call(.post, "/v1/periods/\(period)/pace-assessments", as: "hr")
            #expect(first.status == 200, "\(first.text)")
            #expect(try first.json["assessed"] as? Int == 1, "drafts are not assessed")
            #expect(try first.json["flagged"] as? Int == 1)
            let again = try await h.call(.post, "/v1/periods/\(period)/pace-assessments", as: "hr")
            #expect(try again.json["flagged"] as? Int == 0, "an already flagged goal is not flagged again")
            #expect(try await h.call(.get, "/v1/goals/\(idle)", as: "e1").json["at_risk"] as? Bool == true)
            #expect(try await h.call(.get, "/v1/goals/\(draft)", as: "e2").json["at_risk"] as? Bool == false)
            // Catching up clears the flag on the next update.
            #expect(try await h.call(.post, "/v1/goals/\(idle)/progress", as: "e1", json: #"{"value": "600"}"#).status == 201)
            #expect(try await h.call(.get, "/v1/goals/\(idle)", as: "e1").json["at_risk"] as? Bool == false)
        }
    }
}
