import Foundation
import HTTPTypes
import StrideGoals
import StridePostgres
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

            // A retry whose write would now be refused (the goal left the state the first one found)
            // still answers as the first did, and repeats nothing.
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e1").status == 200)
            let approvableID = goal  // e1's only goal, weight 100
            let approveKey: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "approve-1"]
            let approved = try await h.call(.post, "/v1/goals/\(approvableID)/approve", as: "m1", json: "{}", headers: approveKey)
            #expect(approved.status == 200, "\(approved.text)")
            let again = try await h.call(.post, "/v1/goals/\(approvableID)/approve", as: "m1", json: "{}", headers: approveKey)
            #expect(again.status == 200, "\(again.text)")
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(again.text == approved.text)
            #expect(try await h.call(.post, "/v1/goals/\(approvableID)/approve", as: "m1", json: "{}").status == 409, "without the key it runs, and is refused")

            // A replayed progress update records nothing more.
            let progressOnce: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "progress-once"]
            let recorded = try await h.call(.post, "/v1/goals/\(approvableID)/progress", as: "e1", json: #"{"done": false}"#, headers: progressOnce)
            #expect(recorded.status == 201, "\(recorded.text)")
            let replayed = try await h.call(.post, "/v1/goals/\(approvableID)/progress", as: "e1", json: #"{"done": false}"#, headers: progressOnce)
            #expect(replayed.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try replayed.string("progress_id") == recorded.string("progress_id"))
            let history = try await h.call(.get, "/v1/goals/\(approvableID)/progress", as: "e1")
            #expect(try history.items.count == 1, "\(history.text)")
        }
    }

    @Test("a retry racing the first request waits for its commit, then answers with what it stored")
    func racingRetryWaitsAndReplays() async throws {
        try await GoalsHarness.run { h in
            let period = try await h.openYear()
            let goal = try await h.kpiGoal(for: "e1", period: period, weight: 100)
            let path = "/v1/goals/\(goal)/progress"
            let body = #"{"value": "5"}"#
            let stored = #"{"stored": "by the first request"}"#
            // The first request, still open: its key row written, not yet committed.
            let retry = try await h.core.pool.transaction { connection -> Task<Reply, any Error> in
                try await connection.execute("""
                    INSERT INTO \(unescaped: h.schema).idempotency_keys (principal, key, request_hash, status, response_body)
                    VALUES ('e1', 'race-1', md5(\("POST \(path)\n" + body)), 201, \(stored))
                    """)
                let retry = Task {
                    try await h.call(.post, path, as: "e1", json: body, headers: [HTTPField.Name("Idempotency-Key")!: "race-1"])
                }
                // The retry's claim waits on this transaction's row lock: asked of the database until
                // it says so (each question is a round trip; the bound only catches a hang).
                let deadline = ContinuousClock.now + .seconds(60)
                let waiting = "%\(h.schema).idempotency_keys%"
                while try await h.core.pool.query("""
                    SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE \(waiting)
                    """)[0].decode("n", as: Int.self) == 0 {
                    guard ContinuousClock.now < deadline else { throw CancellationError() }
                    await Task.yield()
                }
                return retry
            }
            let reply = try await retry.value
            #expect(reply.status == 201)
            #expect(reply.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(reply.text == stored)
            let history = try await h.call(.get, "/v1/goals/\(goal)/progress", as: "e1")
            #expect(try history.items.isEmpty, "the retry's own write was rolled back: \(history.text)")
        }
    }
}
