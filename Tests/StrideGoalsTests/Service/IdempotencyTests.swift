import Foundation
import HTTPTypes
import StrideGoals
import Testing

@Suite("Goals service: idempotent writes", .serialized)
struct IdempotencyTests {
    @Test("a retried create with the same Idempotency-Key returns the first result and creates nothing more")
    func retries() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let body = #"{"period_id": "\#(period)", "title": "Ship it", "kind": "milestone", "weight": "100"}"#
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "create-ship-it-1"]
            let first = try await h.call(.post, "/v1/goals", as: "e1", json: body, headers: key)
            #expect(first.status == 201)
            #expect(first.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
            async let second = h.call(.post, "/v1/goals", as: "e1", json: body, headers: key)
            async let third = h.call(.post, "/v1/goals", as: "e1", json: body, headers: key)
            let replies = try await [second, third]
            for reply in replies {
                #expect(reply.status == 201)
                #expect(reply.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
                #expect(try reply.string("goal_id") == first.string("goal_id"))
            }
            let reused = try await h.call(.post, "/v1/goals", as: "e1", json: body.replacingOccurrences(of: "Ship it", with: "Other"), headers: key)
            #expect(reused.status == 422)
            // Another user's identical key is theirs alone.
            #expect(try await h.call(.post, "/v1/goals", as: "e2", json: body, headers: key).status == 201)
            let goals = try await h.call(.get, "/v1/goals?period_id=\(period)", as: "hr")
            #expect(try goals.items.count == 2)
            // A failed request does not burn the key.
            let progressKey: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "progress-1"]
            let goal = try first.string("goal_id")
            #expect(try await h.call(.post, "/v1/goals/\(goal)/progress", as: "e1", json: #"{"done": true}"#, headers: progressKey).status == 409)
            let retried = try await h.call(.post, "/v1/goals/\(goal)/progress", as: "e1", json: #"{"done": true}"#, headers: progressKey)
            #expect(retried.status == 409, "the goal is still a draft, so the retry runs again and fails the same way")
        }
    }
}
