import Foundation
import HTTPTypes
import StrideGoals
import Testing

/// Bad input is a 4xx problem+json naming what is wrong, and changes nothing.
@Suite("Goals service: bad input", .serialized)
struct ValidationTests {
    @Test("every bad goal or period request is refused with a clear problem and leaves no goal or event behind")
    func badRequests() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let other = try await h.openYear(name: "FY2026-B")
            let foreign = try await h.createGoal(as: "hr", period: other, #""owner_id": "acme", "level": "company", "title": "Other", "kind": "milestone""#)
            let p = "\"period_id\": \"\(period)\""
            let cases: [(String, String, Int, String)] = [
                ("unknown parent", #"{\#(p), "title": "t", "kind": "milestone", "parent_goal_id": "nope"}"#, 400, "parent_goal_id"),
                ("cross-period parent", #"{\#(p), "title": "t", "kind": "milestone", "parent_goal_id": "\#(foreign)"}"#, 400, "parent_goal_id"),
                ("unknown period", #"{"period_id": "nope", "title": "t", "kind": "milestone"}"#, 400, "period_id"),
                ("weight over 100", #"{\#(p), "title": "t", "kind": "milestone", "weight": "120"}"#, 400, "weight"),
                ("weight not a decimal string", #"{\#(p), "title": "t", "kind": "milestone", "weight": 40}"#, 400, "weight"),
                ("wrong type", #"{\#(p), "title": 7, "kind": "milestone"}"#, 400, "title"),
                ("unknown kind", #"{\#(p), "title": "t", "kind": "wish"}"#, 400, "kind"),
                ("oversized title", #"{\#(p), "title": "\#(String(repeating: "x", count: 201))", "kind": "milestone"}"#, 400, "title"),
                ("KPI without measure", #"{\#(p), "title": "t", "kind": "kpi"}"#, 400, "measure"),
                ("due date outside period", #"{\#(p), "title": "t", "kind": "milestone", "due_date": "2027-02-01"}"#, 400, "due_date"),
                ("bad date", #"{\#(p), "title": "t", "kind": "milestone", "due_date": "2026-02-30"}"#, 400, "due_date"),
                ("not JSON", #"{\#(p), "title": "#, 400, ""),
            ]
            for (name, body, status, field) in cases {
                let reply = try await h.call(.post, "/v1/goals", as: "e1", json: body)
                #expect(reply.status == status, "\(name): \(reply.status) \(reply.text)")
                #expect(reply.headers[.contentType] == "application/problem+json", "\(name)")
                if !field.isEmpty {
                    #expect(reply.text.contains("\"field\":\"\(field)"), "\(name) should name \(field): \(reply.text)")
                }
            }
            let periods: [(String, String)] = [
                ("ends before it starts", #"{"name": "x", "kind": "year", "starts_on": "2026-05-01", "ends_on": "2026-04-01", "org_unit_id": "acme"}"#),
                ("quarter not inside parent", #"{"name": "Q", "kind": "quarter", "starts_on": "2025-12-01", "ends_on": "2026-02-28", "org_unit_id": "acme", "parent_period_id": "\#(period)"}"#),
                ("year too long", #"{"name": "x", "kind": "year", "starts_on": "2026-01-01", "ends_on": "2027-06-30", "org_unit_id": "acme"}"#),
            ]
            for (name, body) in periods {
                let reply = try await h.call(.post, "/v1/periods", as: "hr", json: body)
                #expect(reply.status == 400, "\(name): \(reply.status) \(reply.text)")
            }
            let noOwner = try await h.call(.post, "/v1/goals", as: "hr", json: #"{\#(p), "level": "company", "title": "t", "kind": "milestone"}"#)
            #expect(noOwner.status == 400 && noOwner.text.contains("owner_id"), "\(noOwner.text)")
            #expect(try await h.call(.post, "/v1/periods/nope/employees/e1/submit", as: "e1").status == 404)
            #expect(try await h.call(.post, "/v1/periods/nope/pace-assessments", as: "hr").status == 404)
            #expect(try await h.call(.get, "/v1/goals/\(foreign)/tree?max_depth=deep", as: "hr").status == 400)
            let unsupported = try await h.call(.post, "/v1/goals", as: "e1", json: nil, headers: [.contentType: "text/plain"])
            #expect(unsupported.status == 415)
            let huge = String(repeating: "x", count: 2 << 20)
            #expect(try await h.call(.post, "/v1/goals", as: "e1", json: #"{"title": "\#(huge)"}"#).status == 413)
            #expect(try await h.call(.get, "/v1/goals?status=sleeping", as: "e1").status == 400)
            #expect(try await h.call(.get, "/v1/goals?at_risk=maybe", as: "e1").status == 400)
            #expect(try await h.call(.get, "/v1/goals?limit=0", as: "e1").status == 400)
            let listed = try await h.call(.get, "/v1/goals?period_id=\(period)", as: "hr")
            #expect(try listed.items.isEmpty, "no refused request created a goal")
        }
    }

    @Test("weights must sum to 100 to submit; transitions outside the workflow are 409; cycles are refused")
    func rulesOfTheWorkflow() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let a = try await h.kpiGoal(for: "e1", period: period, weight: 60)
            let b = try await h.kpiGoal(for: "e1", period: period, weight: 30, parent: a)
            let short = try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e1")
            #expect(short.status == 422)
            #expect(short.text.contains("90"), "says what the weights sum to: \(short.text)")
            #expect(try await h.call(.get, "/v1/goals/\(a)", as: "e1").string("status") == "draft")
            // A draft cannot be approved, progress needs agreement, a cycle is refused.
            #expect(try await h.call(.post, "/v1/goals/\(a)/approve", as: "m1").status == 409)
            #expect(try await h.call(.post, "/v1/goals/\(a)/progress", as: "e1", json: #"{"value": "1"}"#).status == 409)
            let cycle = try await h.call(.patch, "/v1/goals/\(a)", as: "e1", json: #"{"parent_goal_id": "\#(b)"}"#)
            #expect(cycle.status == 400, "\(cycle.text)")
            #expect(cycle.text.contains("parent_goal_id"))
            let stale = try await h.call(.patch, "/v1/goals/\(a)", as: "e1", json: #"{"version": 7, "title": "new"}"#)
            #expect(stale.status == 409)
            #expect(try await h.call(.patch, "/v1/goals/\(b)", as: "e1", json: #"{"weight": "40"}"#).status == 200)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e1").status == 200)
            #expect(try await h.call(.patch, "/v1/goals/\(b)", as: "e1", json: #"{"weight": "50"}"#).status == 409, "submitted goals are not editable")
            let returnWithoutReason = try await h.call(.post, "/v1/goals/\(a)/return", as: "m1", json: "{}")
            #expect(returnWithoutReason.status == 400)
            #expect(try await h.call(.post, "/v1/goals/\(a)/transitions", as: "e1", json: #"{"action": "complete"}"#).status == 409)
            #expect(try await h.call(.post, "/v1/goals/\(a)/transitions", as: "e1", json: #"{"action": "approve"}"#).status == 400)
            #expect(try await h.call(.post, "/v1/goals/\(a)/transitions", as: "e1", json: #"{"action": "cancel", "reason": "reorg"}"#).status == 200)
            // The audit trail names who did what, with before and after.
            let audit = try await h.call(.get, "/v1/goals/\(b)/audit", as: "m1")
            let actions = try audit.items.map { "\($0["actor_id"] as? String ?? "?"):\($0["action"] as? String ?? "?")" }
            #expect(actions == ["e1:create", "e1:update", "e1:submit"])
            let update = try #require(try audit.items.dropFirst().first?["changes"] as? [[String: Any]])
            let weight = try #require(update.first { $0["field"] as? String == "weight" })
            #expect(weight["before"] as? String == "30")
            #expect(weight["after"] as? String == "40")
        }
    }

    @Test("whitespace-only ids and a version that is not a whole number are refused naming the field, and change nothing")
    func idsAndVersions() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let goal = try await h.kpiGoal(for: "e1", period: period, weight: 100)
            let p = "\"period_id\": \"\(period)\""
            let creates: [(String, String, String)] = [
                ("blank owner", #"{\#(p), "owner_id": "   ", "level": "company", "title": "t", "kind": "milestone"}"#, "owner_id"),
                ("blank employee owner", #"{\#(p), "owner_id": "\t", "title": "t", "kind": "milestone"}"#, "owner_id"),
                ("blank parent", #"{\#(p), "parent_goal_id": " ", "title": "t", "kind": "milestone"}"#, "parent_goal_id"),
                ("empty period", #"{"period_id": "", "title": "t", "kind": "milestone"}"#, "period_id"),
            ]
            for (name, body, field) in creates {
                let reply = try await h.call(.post, "/v1/goals", as: "hr", json: body)
                #expect([400, 422].contains(reply.status), "\(name): \(reply.status) \(reply.text)")
                #expect(reply.text.contains("\"field\":\"\(field)\""), "\(name) should name \(field): \(reply.text)")
            }
            let patches: [(String, String, String)] = [
                ("blank parent", #"{"parent_goal_id": "  "}"#, "parent_goal_id"),
                ("version as text", #"{"version": "one", "title": "x"}"#, "version"),
                ("fractional version", #"{"version": 1.5, "title": "x"}"#, "version"),
                ("version as object", #"{"version": {"n": 1}, "title": "x"}"#, "version"),
            ]
            for (name, body, field) in patches {
                let reply = try await h.call(.patch, "/v1/goals/\(goal)", as: "e1", json: body)
                #expect(reply.status == 400, "\(name): \(reply.status) \(reply.text)")
                #expect(reply.text.contains("\"field\":\"\(field)\""), "\(name) should name \(field): \(reply.text)")
            }
            let reassign = try await h.call(.post, "/v1/goals/\(goal)/reassign", as: "m1", json: #"{"owner_id": " "}"#)
            #expect(reassign.status == 400 && reassign.text.contains("\"field\":\"owner_id\""), "\(reassign.text)")
            let blankUnit = try await h.call(.post, "/v1/periods", as: "hr", json: """
                {"name": "FY", "kind": "year", "starts_on": "2026-01-01", "ends_on": "2026-12-31", "org_unit_id": "  "}
                """)
            #expect(blankUnit.status == 400 && blankUnit.text.contains("\"field\":\"org_unit_id\""), "\(blankUnit.text)")
            let unchanged = try await h.call(.get, "/v1/goals/\(goal)", as: "e1")
            #expect(try unchanged.json["version"] as? Int == 1)
            #expect(try (unchanged.json["definition"] as? [String: Any])?["title"] as? String == "Grow ARR")
            #expect(try await h.call(.get, "/v1/goals?period_id=\(period)", as: "hr").items.count == 1, "no refused request created a goal")
        }
    }

    @Test("a number a field cannot hold (a fraction, out of range, not a decimal string) names the field; an ignored key's number is not blamed")
    func numbersNameTheirField() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let goal = try await h.kpiGoal(for: "e1", period: period, weight: 100)
            let p = "\"period_id\": \"\(period)\""
            let cases: [(String, HTTPRequest.Method, String, String, String)] = [
                ("fractional version", .patch, "/v1/goals/\(goal)", #"{"unknown": 0.5, "version": 2.5, "title": "x"}"#, "version"),
                ("version out of range", .patch, "/v1/goals/\(goal)", #"{"version": 99999999999999999999, "title": "x"}"#, "version"),
                ("version with exponent", .patch, "/v1/goals/\(goal)", #"{"version": 1e400, "title": "x"}"#, "version"),
                ("weight as a JSON number", .post, "/v1/goals", #"{\#(p), "title": "t", "kind": "milestone", "weight": 12.5}"#, "weight"),
                ("weight far out of range", .post, "/v1/goals", #"{\#(p), "title": "t", "kind": "milestone", "weight": 1e999}"#, "weight"),
            ]
            for (name, method, path, body, field) in cases {
                let reply = try await h.call(method, path, as: "e1", json: body)
                #expect(reply.status == 400, "\(name): \(reply.status) \(reply.text)")
                #expect(reply.headers[.contentType] == "application/problem+json", "\(name)")
                #expect(reply.text.contains("\"field\":\"\(field)\""), "\(name) should name \(field): \(reply.text)")
                #expect(!reply.text.contains("not valid JSON"), "\(name): \(reply.text)")
            }
            let unchanged = try await h.call(.get, "/v1/goals/\(goal)", as: "e1")
            #expect(try unchanged.json["version"] as? Int == 1)
            // A fraction under a key the body does not read is no reason to refuse it.
            let accepted = try await h.call(.patch, "/v1/goals/\(goal)", as: "e1", json: #"{"version": 1, "title": "Grow ARR fast", "unknown": 0.5}"#)
            #expect(accepted.status == 200, "\(accepted.text)")
        }
    }
}
