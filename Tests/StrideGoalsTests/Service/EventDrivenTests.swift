import Foundation
import HTTPTypes
import Logging
import StrideContracts
import StrideGoals
import StrideKafka
import StridePostgres
import StrideRuntime
import StrideTestSupport
import Testing

/// Events arriving on `hr.employees.v1` and `stride.metrics.v1` through the service's inbox consumers.
@Suite("Goals service: consuming org and metric events", .serialized)
struct EventDrivenTests {
    static func publish(_ events: [any StrideEvent]) async throws {
        try await publish(encoded: try events.map { try EventCodec.encode($0, source: "/tests/hris") })
    }

    /// Sends already encoded events: sending one twice is a redelivery (same CloudEvents id).
    static func publish(encoded events: [EncodedEvent]) async throws {
        var logger = Logger(label: "stride.goals.tests.publisher")
        logger.logLevel = .warning
        let producer = try KafkaProducer(
            configuration: KafkaConfiguration(bootstrapServers: try TestEnvironment.kafkaBootstrapServers()), logger: logger)
        for event in events {
            _ = try await producer.send(KafkaOutgoingMessage(event))
        }
        await producer.close()
    }

    static func eventually(_ what: String, timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what)")
    }

    @Test("an org change moves who may approve; a leaver's open goals are flagged for reassignment")
    func orgEvents() async throws {
        try await GoalsHarness.run { h in
            // People of this test only, so other runs replaying the topic are not affected.
            let suffix = TestEnvironment.uniqueName("p")
            let worker = "w-\(suffix)"
            let leaver = "l-\(suffix)"
            // Departments of their own too: the topic is shared, and a dev service projecting it
            // must not find test people in its real departments.
            let (before, after) = ("Sales-\(suffix)", "Engineering-\(suffix)")
            try await Self.publish([
                GoalsHarness.employee(worker, manager: "m1", department: before, title: "Account Executive"),
                GoalsHarness.employee(leaver, manager: "m1", department: before, title: "Account Executive"),
            ])
            let period = try await h.openYear()
            var goal = ""
            try await Self.eventually("the new hire in the projection") {
                let reply = try await h.call(.post, "/v1/goals", as: "hr", json: #"{"period_id": "\#(period)", "owner_id": "\#(worker)", "title": "Onboard", "kind": "milestone"}"#)
                if reply.status == 201 { goal = try reply.string("goal_id") }
                return reply.status == 201
            }
            var leaverGoal = ""
            try await Self.eventually("the second hire in the projection (another partition, maybe later)") {
                let reply = try await h.call(.post, "/v1/goals", as: "hr", json: #"{"period_id": "\#(period)", "owner_id": "\#(leaver)", "title": "Handover", "kind": "milestone"}"#)
                if reply.status == 201 { leaverGoal = try reply.string("goal_id") }
                return reply.status == 201
            }
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/\(worker)/submit", as: "hr").status == 200)

            // HR moves the worker to m2: m1 may no longer approve, m2 may.
            try await Self.publish([
                GoalsHarness.employee(worker, manager: "m2", department: after, title: "Software Engineer"),
                EmployeeTerminated(employeeID: leaver, terminationDate: CalendarDate(year: 2026, month: 6, day: 30), reason: "resigned"),
            ])
            try await Self.eventually("the leaver's goal flagged") {
                try await h.call(.get, "/v1/goals/\(leaverGoal)", as: "hr").json["needs_reassignment"] as? Bool == true
            }
            #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "m1").status == 404, "m1 no longer sees the worker's goals")
            #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "m2").status == 200)
            let flagged = try await h.call(.get, "/v1/goals?period_id=\(period)&needs_reassignment=true", as: "hr")
            #expect(try flagged.items.compactMap { $0["goal_id"] as? String } == [leaverGoal])
        }
    }

    @Test("a metric reading updates every open KPI goal bound to it, once, and never moves it back with an older reading")
    func metricReadings() async throws {
        try await GoalsHarness.run { h in
            let metric = TestEnvironment.uniqueName("arr")
            let period = try await h.openYear()
            let bound = #""kind": "kpi", "measure": {"metric_source": "crm", "metric_id": "\#(metric)", "unit": "EUR", "direction": "increase", "start_value": "0", "target_value": "200"}"#
            let goals = [
                try await h.createGoal(as: "e1", period: period, #""title": "ARR", "weight": "100", \#(bound)"#),
                try await h.createGoal(as: "e2", period: period, #""title": "ARR", "weight": "100", \#(bound)"#),
            ]
            let unapproved = try await h.createGoal(as: "e3", period: period, #""title": "ARR", "weight": "100", \#(bound)"#)
            // Bound to another source of the same metric: its readings share the older one's
            // partition (the key is the metric id), so once it moves, the older one was handled.
            let sentinelBound = #""kind": "kpi", "measure": {"metric_source": "sentinel", "metric_id": "\#(metric)", "unit": "EUR", "direction": "increase", "start_value": "0", "target_value": "200"}"#
            let sentinel = try await h.createGoal(as: "m2", period: period, #""title": "Sentinel", "weight": "100", \#(sentinelBound)"#)
            #expect(try await h.call(.post, "/v1/periods/\(period)/employees/m2/submit", as: "m2").status == 200)
            #expect(try await h.call(.post, "/v1/goals/\(sentinel)/approve", as: "vp2").status == 200)
            for (owner, goal) in zip(["e1", "e2"], goals) {
                #expect(try await h.call(.post, "/v1/periods/\(period)/employees/\(owner)/submit", as: owner).status == 200)
                #expect(try await h.call(.post, "/v1/goals/\(goal)/approve", as: "m1").status == 200)
            }
            let now = Date()
            let reading = MetricReading(source: "crm", metricID: metric, value: 150, unit: "EUR", observedAt: now)
            let older = MetricReading(source: "crm", metricID: metric, value: 20, unit: "EUR", observedAt: now.addingTimeInterval(-3600))
            let otherSource = MetricReading(source: "bi", metricID: metric, value: 1, unit: "EUR", observedAt: now)
            let encoded = try EventCodec.encode(reading, source: "/tests/crm")
            try await Self.publish(encoded: [encoded, encoded])
            try await Self.publish([otherSource])
            try await Self.eventually("both goals at 75 %") {
                var done = true
                for goal in goals { done = try await h.call(.get, "/v1/goals/\(goal)", as: "hr").json["progress_percent"] as? String == "75" && done }
                return done
            }
            try await Self.publish([older, MetricReading(source: "sentinel", metricID: metric, value: 100, unit: "EUR", observedAt: now)])
            try await Self.eventually("the sentinel reading after the older one") {
                try await h.call(.get, "/v1/goals/\(sentinel)", as: "hr").json["progress_percent"] as? String == "50"
            }
            for goal in goals {
                let reply = try await h.call(.get, "/v1/goals/\(goal)", as: "hr")
                #expect(try reply.string("progress_percent") == "75")
                #expect(try reply.string("status") == "active")
                let history = try await h.call(.get, "/v1/goals/\(goal)/progress", as: "hr")
                #expect(try history.items.count == 1, "a redelivered reading is applied once: \(history.text)")
                #expect(try history.items.first?["origin"] as? String == "metric")
            }
            #expect(try await h.call(.get, "/v1/goals/\(unapproved)", as: "hr").string("progress_percent") == "0")
        }
    }

    @Test("one reading moves 1,000 goals bound to its metric set-based: each once, versions bumped, audited, GoalAtRisk once")
    func manyGoalsOneMetric() async throws {
        try await GoalsHarness.run { h in
            let metric = TestEnvironment.uniqueName("nps")
            let period = try await h.openYear()
            let first = try await h.createGoal(as: "e1", period: period, """
                "title": "NPS", "weight": "100", "kind": "kpi", "measure": {"metric_source": "crm", "metric_id": "\(metric)",
                "unit": "points", "direction": "increase", "start_value": "0", "target_value": "1000"}
                """)
            // 999 copies owned by e1, e2 and e3, half agreed (approved) and half already active.
            let schema = h.schema
            try await h.core.pool.transaction { connection in
                try await Audit.suspendRowAudit(on: connection)
                try await connection.execute("""
                    INSERT INTO \(unescaped: schema).goals
                        (goal_id, period_id, owner_id, level, kind, title, weight, status, measure, key_results, metric_source,
                         metric_id, created_by)
                    SELECT 'bulk-' || lpad(n::text, 4, '0'), g.period_id, 'e' || (1 + n % 3), g.level, g.kind, g.title, g.weight,
                           CASE WHEN n % 2 = 0 THEN 'approved' ELSE 'active' END, g.measure, g.key_results, g.metric_source,
                           g.metric_id, g.created_by
                    FROM \(unescaped: schema).goals g, generate_series(1, 999) AS n WHERE g.goal_id = \(first)
                    """)
                try await connection.execute("UPDATE \(unescaped: schema).goals SET status = 'approved' WHERE goal_id = \(first)")
            }
            func count(_ sql: String) async throws -> Int {
                try await h.core.pool.withConnection { try await $0.query(PostgresQuery(unsafeSQL: sql)).first!.decode(0, as: Int.self) }
            }
            let bound = "metric_source = 'crm' AND metric_id = '\(metric)'"
            let now = Date()
            // 100 of 1000 by 2 July: far behind the 50 % expected, so every goal goes at risk.
            let reading = MetricReading(source: "crm", metricID: metric, value: 100, unit: "points", observedAt: now)
            #expect(try await h.core.pool.transaction { try await h.core.apply(reading, on: $0) } == 1000)
            #expect(try await count("""
                SELECT count(*) FROM \(schema).goals WHERE \(bound) AND current_value = 100 AND progress_percent = 10
                  AND status = 'active' AND at_risk AND version = 2
                """) == 1000)
            #expect(try await count("""
                SELECT count(*) FROM \(schema).goal_progress p JOIN \(schema).goals g USING (goal_id)
                WHERE g.\(bound) AND p.origin = 'metric' AND p.actor_id = 'metric:crm' AND p.progress = 10
                """) == 1000)
            #expect(try await count("""
                SELECT count(*) FROM \(schema).audit_trail a JOIN \(schema).goals g ON g.goal_id = a.record_id
                WHERE g.\(bound) AND a.table_name = 'goals' AND a.action = 'metric-reading' AND a.actor_id = 'metric:crm'
                """) == 1000)
            let audit = try await h.call(.get, "/v1/goals/\(first)/audit", as: "hr")
            let changed = try #require(try audit.items.last?["changes"] as? [[String: Any]]).compactMap { $0["field"] as? String }
            #expect(Set(["current_value", "progress_percent", "status", "at_risk", "version", "last_reading_at"]).isSubset(of: changed))

            // Older readings are ignored; a newer one moves them again without a second GoalAtRisk.
            let older = MetricReading(source: "crm", metricID: metric, value: 900, unit: "points", observedAt: now.addingTimeInterval(-60))
            #expect(try await h.core.pool.transaction { try await h.core.apply(older, on: $0) } == 0)
            let newer = MetricReading(source: "crm", metricID: metric, value: 150, unit: "points", observedAt: now.addingTimeInterval(60))
            #expect(try await h.core.pool.transaction { try await h.core.apply(newer, on: $0) } == 1000)
            #expect(try await count("SELECT count(*) FROM \(schema).goals WHERE \(bound) AND progress_percent = 15 AND version = 3") == 1000)

            // The events: one batch per reading, as many as the goals moved, GoalAtRisk once per goal.
            func events(_ type: String) async throws -> Int {
                try await count("SELECT count(*) FROM \(schema).outbox WHERE event_type = '\(type)'")
            }
            #expect(try await events(GoalProgressRecorded.eventType) == 2000)
            #expect(try await events(GoalStatusChanged.eventType) == 500, "the approved ones activated, once")
            #expect(try await events(GoalAtRisk.eventType) == 1000)
            let payload = try await h.core.pool.withConnection {
                try await $0.query("""
                    SELECT payload FROM \(unescaped: schema).outbox WHERE event_type = \(GoalAtRisk.eventType) AND partition_key = 'e3' LIMIT 1
                    """).first!.decode(0, as: String.self)
            }
            let risk = try EventCodec.decodePayload(GoalAtRisk.self, from: Array(payload.utf8))
            #expect(risk.managerID == "m2")
            #expect(risk.actualProgressPercent == 10)
        }
    }
}
