import Foundation
import HTTPTypes
import StrideContracts
import StrideGoals
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// The end of an at-risk episode is announced: `GoalBackOnTrack` once each time a goal's at-risk
/// flag goes from true to false, whichever path re-assessed its pace (progress over HTTP, a
/// metric reading, the pace sweep), in the transaction that cleared the flag.
@Suite("Goals service: a goal back on track is announced", .serialized)
struct BackOnTrackTests {
    /// How many outbox rows of `type` the test service wrote about `goalID`.
    static func outboxCount(_ type: String, goal goalID: String, in h: GoalsHarness) async throws -> Int {
        try await h.core.pool.withConnection {
            try await $0.query("""
                SELECT count(*) FROM \(unescaped: h.schema).outbox WHERE event_type = \(type) AND payload::jsonb ->> 'goal_id' = \(goalID)
                """).first!.decode(0, as: Int.self)
        }
    }

    @Test("at risk, then progress catches up: GoalBackOnTrack on the topic exactly once, with the pace it was assessed at")
    func progressCatchesUp() async throws {
        try await GoalsHarness.run { h in
            let tap = try await EventTap.start(schema: h.schema)
            let period = try await h.openYear()
            let goal = try await h.kpiGoal(for: "e1", period: period, weight: 100)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e1/submit", as: "e1").status == 200)
            #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "m1").status == 200)

            // 250 of 1000 on 2 July: 50 % expected, margin 20 → at risk. Then 600 and 650: on track.
            for value in ["250", "600", "650"] {
                let reply = try await h.call(.post, "/v1/goals/\(goal)/progress", as: "e1", json: #"{"value": "\#(value)"}"#)
                #expect(reply.status == 201, "\(reply.text)")
                if value == "250" { #expect(try await h.call(.get, "/v1/goals/\(goal)", as: "e1").json["at_risk"] as? Bool == true) }
            }
            #expect(try await h.call(.get, "/v1/goals/\(goal)", as: "e1").json["at_risk"] as? Bool == false)

            // All keyed by e1, so one partition in order: the third progress event comes after the rest.
            let events = try await tap.events { seen in
                seen.filter { $0.0.type == GoalProgressRecorded.eventType }.count >= 3
            }
            await tap.close()
            let types = events.map(\.0.type)
            #expect(types.filter { $0 == GoalAtRisk.eventType }.count == 1)
            #expect(types.filter { $0 == GoalBackOnTrack.eventType }.count == 1)
            let order = types.filter { [GoalAtRisk.eventType, GoalBackOnTrack.eventType, GoalProgressRecorded.eventType].contains($0) }
            #expect(order == [
                GoalProgressRecorded.eventType, GoalAtRisk.eventType, GoalProgressRecorded.eventType, GoalBackOnTrack.eventType,
                GoalProgressRecorded.eventType,
            ])
            let back = try #require(events.first { $0.0.type == GoalBackOnTrack.eventType })
            #expect(back.1.keyString == "e1")
            #expect(back.0.subject == "e1")
            let payload = try EventCodec.decodePayload(GoalBackOnTrack.self, from: back.1.value)
            #expect(payload.goalID == goal)
            #expect(payload.ownerID == "e1")
            #expect(payload.managerID == "m1")
            #expect(payload.periodID == period)
            #expect(payload.assessedOn == CalendarDate(year: 2026, month: 7, day: 2))
            #expect(payload.actualProgressPercent == 60)
            #expect(payload.expectedProgressPercent > 40 && payload.expectedProgressPercent < 60)
            #expect(try EventCodec.encodePayload(payload) == back.1.value, "the bytes are the contract's encoding")

            // A second episode is a second announcement: the flag is what counts, not the goal.
            let behind = try await h.call(.post, "/v1/goals/\(goal)/progress", as: "e1", json: #"{"value": "100"}"#)
            #expect(behind.status == 201)
            #expect(try await h.call(.post, "/v1/goals/\(goal)/progress", as: "e1", json: #"{"value": "700"}"#).status == 201)
            #expect(try await Self.outboxCount(GoalAtRisk.eventType, goal: goal, in: h) == 2)
            #expect(try await Self.outboxCount(GoalBackOnTrack.eventType, goal: goal, in: h) == 2)
        }
    }

    @Test("a metric reading and the pace sweep that clear the flag each announce it once")
    func readingsAndSweep() async throws {
        try await GoalsHarness.run { h in
            let metric = TestEnvironment.uniqueName("csat")
            let period = try await h.openYear()
            let bound = try await h.createGoal(as: "e2", period: period, """
                "title": "CSAT", "weight": "100", "kind": "kpi", "measure": {"metric_source": "helpdesk", "metric_id": "\(metric)",
                "unit": "points", "direction": "increase", "start_value": "0", "target_value": "100"}
                """)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e2/submit", as: "e2").status == 200)
            #expect(try await h.call(.post, "/v1/goals/\(bound)/approve", as: "m1").status == 200)
            let now = Date()
            for (offset, value) in [(0.0, Decimal(10)), (60, 80), (120, 90)] {
                let reading = MetricReading(source: "helpdesk", metricID: metric, value: value, unit: "points", observedAt: now + offset)
                #expect(try await h.core.pool.transaction { try await h.core.apply(reading, on: $0) } == 1)
            }
            #expect(try await Self.outboxCount(GoalAtRisk.eventType, goal: bound, in: h) == 1)
            #expect(try await Self.outboxCount(GoalBackOnTrack.eventType, goal: bound, in: h) == 1)

            // The sweep: flags an idle goal, then clears it once its progress is within the margin
            // (moved under the sweep by SQL: the pinned clock never lets expected pace fall).
            let idle = try await h.kpiGoal(for: "e3", period: period, weight: 100)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/e3/submit", as: "e3").status == 200)
            #expect(try await h.call(.post, "/v1/goals/\(idle)/approve", as: "m2").status == 200)
            #expect(try await h.core.assessPace(of: period).flagged == 1)
            try await h.core.pool.transaction { connection in
                try await Audit.identify(actor: "tests", action: "catch-up", on: connection)
                try await connection.execute("UPDATE \(unescaped: h.schema).goals SET progress_percent = 45 WHERE goal_id = \(idle)")
            }
            let sweep = try await h.core.assessPace(of: period)
            #expect(sweep.cleared == 1)
            #expect(try await h.core.assessPace(of: period).cleared == 0, "a cleared flag is not cleared again")
            #expect(try await Self.outboxCount(GoalBackOnTrack.eventType, goal: idle, in: h) == 1)
            let payload = try await h.core.pool.withConnection {
                try await $0.query("""
                    SELECT payload FROM \(unescaped: h.schema).outbox WHERE event_type = \(GoalBackOnTrack.eventType)
                      AND payload::jsonb ->> 'goal_id' = \(idle)
                    """).first!.decode(0, as: String.self)
            }
            let event = try EventCodec.decodePayload(GoalBackOnTrack.self, from: Array(payload.utf8))
            #expect(event.ownerID == "e3")
            #expect(event.managerID == "m2")
            #expect(event.actualProgressPercent == 45)
        }
    }
}
