import Foundation
import HTTPTypes
import StrideGoals
import Testing

/// Who may see and change which goals, across the harness's 4-level hierarchy
/// (ceo → vp1 → m1 → e1/e2; ceo → vp2 → m2 → e3; hr).
@Suite("Goals service: access rules", .serialized)
struct AccessRulesTests {
    @Test("an employee goal is visible to its owner, their whole management chain and HR; to nobody else")
    func visibility() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let goal = try await h.kpiGoal(for: "e1", period: period, weight: 100)
            for reader in ["e1", "m1", "vp1", "ceo", "hr"] {
                #expect(try await h.call(.get, "/v1/goals/\(goal)", as: reader).status == 200, "\(reader) should see it")
            }
            for outsider in ["e2", "e3", "m2", "vp2"] {
                let reply = try await h.call(.get, "/v1/goals/\(goal)", as: outsider)
                #expect(reply.status == 404, "\(outsider) must not learn it exists")
                #expect(reply.headers[.contentType] == "application/problem+json")
                #expect(!reply.text.contains("Grow ARR"))
            }
            #expect(try await h.call(.get, "/v1/goals/\(goal)", as: nil).status == 401)
            // Lists filter the same way; org-level goals are visible to everyone.
            let company = try await h.createGoal(as: "hr", period: period, #""owner_id": "acme", "level": "company", "title": "Win", "kind": "milestone""#)
            let asE2 = try await h.call(.get, "/v1/goals?period_id=\(period)", as: "e2")
            #expect(try asE2.items.compactMap { $0["goal_id"] as? String } == [company])
            let asVP1 = try await h.call(.get, "/v1/goals?period_id=\(period)", as: "vp1")
            #expect(try Set(asVP1.items.compactMap { $0["goal_id"] as? String }) == [company, goal])
            #expect(try await h.call(.get, "/v1/goals/\(goal)/progress", as: "e3").status == 404)
            #expect(try await h.call(.get, "/v1/goals/\(goal)/audit", as: "e2").status == 404)
        }
    }

    @Test("only the direct manager or HR approves; a skip-level manager or a peer gets 403 and nothing changes")
    func approvals() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let goal = try await h.kpiGoal(for: "e1", period: period, weight: 100)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e1").status == 200)
            #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "vp1").status == 403)
            #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "e1").status == 403)
            #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "e2").status == 404)
            #expect(try await h.call(.get, "/v1/goals/\(goal)", as: "e1").string("status") == "submitted")
            #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "hr").status == 200)
            // An agreed goal is not the owner's alone to cancel.
            let cancel = #"{"action": "cancel", "reason": "bored"}"#
            #expect(try await h.call(.post, "/v1/goals/\(goal)/transitions", as: "e1", json: cancel).status == 403)
            #expect(try await h.call(.post, "/v1/goals/\(goal)/transitions", as: "m1", json: cancel).status == 200)
            // Someone else's goals cannot be submitted.
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e2").status == 403)
        }
    }

    @Test("separation of duties: HR cannot approve or return their own goals; another HR partner can")
    func nobodyApprovesTheirOwnGoals() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let goal = try await h.kpiGoal(for: "hr", period: period, weight: 100)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/hr/submit", as: "hr").status == 200)
            let own = try await h.call(.post, "/v1/goals/\(goal)/approve", as: "hr")
            #expect(own.status == 403)
            #expect(own.text.contains("own"), "\(own.text)")
            let returned = try await h.call(.post, "/v1/goals/\(goal)/return", as: "hr", json: #"{"reason": "too easy"}"#)
            #expect(returned.status == 403)
            #expect(try await h.call(.get, "/v1/goals/\(goal)", as: "hr").string("status") == "submitted", "nothing changed")
            #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "hr2").status == 200)
        }
    }

    @Test("managers assign goals to their reporting line only; org-level goals need the right role")
    func writers() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let assigned = try await h.kpiGoal(for: "e1", as: "vp1", period: period, weight: 50)
            let reply = try await h.call(.get, "/v1/goals/\(assigned)", as: "e1")
            #expect(try reply.string("owner_id") == "e1")
            #expect(try reply.string("created_by") == "vp1")
            #expect(try reply.string("status") == "draft")
            let kpi = #""title": "t", "kind": "milestone""#
            let denied: [(String, String)] = [
                ("e2", #""owner_id": "e1", \#(kpi)"#),
                ("m2", #""owner_id": "e1", \#(kpi)"#),
                ("e1", #""owner_id": "acme", "level": "company", \#(kpi)"#),
                ("m1", #""owner_id": "acme", "level": "company", \#(kpi)"#),
                ("vp2", #""owner_id": "Sales", "level": "department", \#(kpi)"#),
                ("e1", #""owner_id": "m1", "level": "team", \#(kpi)"#),
            ]
            for (subject, fields) in denied {
                let attempt = try await h.call(.post, "/v1/goals", as: subject, json: "{\"period_id\": \"\(period)\", \(fields)}")
                #expect(attempt.status == 403, "\(subject) creating {\(fields)}: \(attempt.status) \(attempt.text)")
            }
            #expect(try await h.call(.post, "/v1/periods", as: "m1", json: #"{"name": "x", "kind": "year", "starts_on": "2027-01-01", "ends_on": "2027-12-31", "org_unit_id": "acme"}"#).status == 403)
            #expect(try await h.call(.post, "/v1/periods/\(period)/close", as: "ceo").status == 403)
            // A goal the caller cannot see is no parent for them: same answer as an unknown id.
            let hidden = try await h.kpiGoal(for: "e3", period: period, weight: 100)
            let aligned = try await h.call(.post, "/v1/goals", as: "e1", json: #"{"period_id": "\#(period)", "title": "t", "kind": "milestone", "parent_goal_id": "\#(hidden)"}"#)
            #expect(aligned.status == 400)
            #expect(aligned.text.contains("No goal \(hidden) to align to."), "\(aligned.text)")
            let all = try await h.call(.get, "/v1/goals?period_id=\(period)", as: "hr")
            #expect(try all.items.count == 2, "refused writes created nothing")
        }
    }

    @Test("a goal is handed to another employee by someone who may write both: cancelled here, a draft there")
    func reassignment() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let goal = try await h.kpiGoal(for: "e1", period: period, weight: 100)
            let to = { (owner: String) in #"{"owner_id": "\#(owner)", "reason": "territory moves"}"# }
            #expect(try await h.call(.post, "/v1/goals/\(goal)/reassign", as: "e1", json: to("e2")).status == 403)
            #expect(try await h.call(.post, "/v1/goals/\(goal)/reassign", as: "m1", json: to("e3")).status == 403, "e3 is outside m1's line")
            #expect(try await h.call(.post, "/v1/goals/\(goal)/reassign", as: "m1", json: to("nobody")).status == 400)
            #expect(try await h.call(.post, "/v1/goals/\(goal)/reassign", as: "m1", json: to("e1")).status == 400)
            let moved = try await h.call(.post, "/v1/goals/\(goal)/reassign", as: "m1", json: to("e2"))
            #expect(moved.status == 201, "\(moved.text)")
            #expect(try moved.string("owner_id") == "e2")
            #expect(try moved.string("status") == "draft")
            #expect(try moved.string("goal_id") != goal)
            #expect(try await h.call(.get, "/v1/goals/\(goal)", as: "m1").string("status") == "cancelled")
            #expect(try await h.call(.post, "/v1/goals/\(goal)/reassign", as: "m1", json: to("e2")).status == 409, "a cancelled goal stays put")
        }
    }
}
